"""The flat gantt: month ticks over whole months, bars on their days, never text cut off silently."""

from __future__ import annotations

import datetime
import random
import struct
from pathlib import Path

import matplotlib
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.text import Text

from generator.charts import ChartRequest, Task, render_chart
from generator.charts.canvas import Canvas
from generator.charts.gantt import TODAY_KEY, Timeline, draw_gantt, month_span
from generator.charts.render import new_figure, pixel_size
from generator.charts.style import chart_rc, make_theme

EMU = 914_400
BRAND_STYLE = str(Path(__file__).resolve().parents[2] / "brand_assets" / "orvelle.mplstyle")
DAY = datetime.date


def gantt(*tasks: Task, **changes) -> ChartRequest:
    fields = dict(kind="gantt", categories=(), series=(), tasks=tasks, width_emu=12 * EMU, height_emu=int(4.3 * EMU),
                  locale="fr_CA", currency="CAD", style=BRAND_STYLE)
    fields.update(changes)
    return ChartRequest(**fields)


def drawn(chart: ChartRequest) -> tuple[Canvas, list[str]]:
    """Return the canvas the gantt was drawn on and the words of its texts."""
    rc = chart_rc(chart.style)
    with matplotlib.rc_context(rc):
        canvas = Canvas(new_figure(chart))
        draw_gantt(canvas, chart, make_theme(chart.palette, rc))
        return canvas, [a.get_text() for a in canvas.figure.artists if isinstance(a, Text)]


def test_months_are_whole_and_long_spans_tick_sparser():
    short = month_span((Task("a", DAY(2026, 7, 3), DAY(2026, 9, 30)),))
    assert (short.first, short.end, short.step) == (DAY(2026, 7, 1), DAY(2026, 10, 1), 1)
    assert short.labelled() == [DAY(2026, 7, 15), DAY(2026, 8, 15), DAY(2026, 9, 15)]
    long = month_span((Task("a", DAY(2026, 11, 20), DAY(2028, 2, 1)),))
    assert long.step == 2 and long.starts()[:3] == [DAY(2026, 11, 1), DAY(2027, 1, 1), DAY(2027, 3, 1)]


def test_month_names_are_localized_with_the_year_on_long_spans():
    _, words = drawn(gantt(Task("Lancement", DAY(2026, 12, 1), DAY(2028, 3, 1), "Lancement")))
    assert words[1:5] == ["déc.", "févr. 2027", "avr.", "juin"]  # the task name, then the months


def test_a_bar_covers_its_last_day_and_a_reversed_task_one_day():
    chart = gantt(Task("a", DAY(2026, 7, 1), DAY(2026, 7, 31)), Task("b", DAY(2026, 7, 10), DAY(2026, 7, 5)))
    canvas, _ = drawn(chart)
    assert Timeline(canvas, chart).months.end == DAY(2026, 8, 1)
    bars = [a for a in canvas.figure.artists if isinstance(a, PolyCollection) and len(a.get_paths()) == 2][0]
    (a_left, _), (a_right, _) = bars.get_paths()[0].vertices[0], bars.get_paths()[0].vertices[1]
    (b_left, _), (b_right, _) = bars.get_paths()[1].vertices[0], bars.get_paths()[1].vertices[1]
    assert (a_right - a_left) / (b_right - b_left) == pytest.approx(31)  # all of July; the reversed one its start day
    assert b_left == pytest.approx(a_left + 9 / 31 * (a_right - a_left))  # from 10 July


@pytest.mark.parametrize(("today", "shown"), [("2026-08-01", True), ("2030-01-01", False)])
def test_today_is_drawn_only_on_the_timeline(today, shown):
    _, words = drawn(gantt(Task("a", DAY(2026, 7, 1), DAY(2026, 9, 1)), labels={TODAY_KEY: today, "today": "Hoy"}))
    assert ("Hoy" in words) == shown


def test_random_gantts_draw_and_never_cut_text_silently():
    rng = random.Random(20261125)
    names = ("Lancement", "Formation des équipes de vente en boutique", "Salon horloger de Montréal", "X")
    for _ in range(24):
        start = DAY(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 400))
        tasks = tuple(Task(f"{rng.choice(names)} {i}", start + datetime.timedelta(days=rng.randint(0, 300)),
                           start + datetime.timedelta(days=rng.randint(0, 1200)), rng.choice(("", "Vitrine", "Campagne")))
                      for i in range(rng.randint(1, 14)))
        chart = gantt(*tasks, locale=rng.choice(("en_US", "fr_CA", "es_MX")),
                      width_emu=int(rng.uniform(1.0, 12) * EMU), height_emu=int(rng.uniform(0.8, 7) * EMU))
        rendered = render_chart(chart)
        assert struct.unpack(">II", rendered.png[16:24]) == pixel_size(chart)
        canvas, _ = drawn(chart)
        texts = [a for a in canvas.figure.artists if isinstance(a, Text)]
        outside = [t.get_text() for t in texts if not _inside(canvas.extent(t), canvas)]
        assert not outside or rendered.cut_off, (chart, outside)


def _inside(box, canvas: Canvas) -> bool:
    return box.x0 >= -1 and box.y0 >= -1 and box.x1 <= canvas.width + 1 and box.y1 <= canvas.height + 1
