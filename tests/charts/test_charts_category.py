"""Tests of the flat category charts (bar, stacked bar, line, waterfall): everything inside the picture, clean ticks."""

from __future__ import annotations

import io
import math
import random
import struct
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.image import imread
from matplotlib.text import Text

from generator.charts import ChartRequest, Series, render_chart
from generator.charts.canvas import Canvas
from generator.charts.category import Plot, draw_bar, draw_line, draw_stacked_bar
from generator.charts.render import has_data, new_figure, pixel_size
from generator.charts.style import chart_rc, make_theme
from generator.charts.waterfall import draw_waterfall

EMU = 914_400
BRAND_STYLE = str(Path(__file__).resolve().parents[2] / "brand_assets" / "orvelle.mplstyle")
LONG_FR = ("Bijouterie Laurentienne de Montréal", "Maison Tremblay Québec", "Horlogerie du Vieux-Port",
           "Joaillerie Saint-Denis", "Boutique Orvelle Laval", "Galeries de Sainte-Foy")
DRAWERS = {"bar": draw_bar, "stacked_bar": draw_stacked_bar, "line": draw_line, "waterfall": draw_waterfall}


def png_size(png: bytes) -> tuple[int, int]:
    return struct.unpack(">II", png[16:24])


def request(kind: str, categories: tuple[str, ...], *series: Series, **changes) -> ChartRequest:
    fields = dict(kind=kind, categories=categories, series=series, width_emu=6 * EMU, height_emu=int(3.4 * EMU),
                  value_format="currency", locale="fr_CA", currency="CAD", style=BRAND_STYLE)
    fields.update(changes)
    return ChartRequest(**fields)


def drawn_texts(chart: ChartRequest) -> tuple[Canvas, list[Text]]:
    """Return the canvas a flat chart was drawn on and its visible texts, drawn as render_chart does."""
    rc = chart_rc(chart.style)
    with matplotlib.rc_context(rc):
        figure = new_figure(chart)
        canvas = Canvas(figure)
        DRAWERS[chart.kind](canvas, chart, make_theme(chart.palette, rc))
        figure.canvas.draw()
        texts = [a for a in figure.get_children() if isinstance(a, Text) and a.get_text()]
        return canvas, texts


CASES = {
    "long French retailer names (rotated)": request(
        "bar", LONG_FR, Series("Ventes", (1.2e6, 9e5, 2e6, 3.1e6, 4e5, 1e6), "ty")),
    "negative values": request(
        "bar", ("A", "B", "C", "D"), Series("ROI", (1.5, -0.8, None, 2.2), "ty"),
        Series("AP", (1.0, 0.5, -1.2, 2.0), "ly"), value_format="multiple"),
    "five stacked series (two legend rows)": request(
        "stacked_bar", ("juil.", "août", "sept."),
        *(Series(f"Collection {i}", (1e5 * i, 2e5, 3e5)) for i in range(5))),
    "line with gaps and a target": request(
        "line", ("janv.", "févr.", "mars", "avr."), Series("2026", (1.0e6, None, math.nan, 3.0e6), "ty"),
        Series("Objectif", (2e6,) * 4, "target")),
    "small box": request("line", ("Jan", "Feb", "Mar"), Series("x", (5.0, 5.0, 5.0)),
                         width_emu=2 * EMU, height_emu=int(1.2 * EMU), value_format="number"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_text_stays_inside_the_picture(case):
    canvas, texts = drawn_texts(CASES[case])
    assert texts
    for text in texts:
        box = canvas.extent(text)
        assert box.x0 >= 0 and box.y0 >= 0, text.get_text()
        assert box.x1 <= canvas.width and box.y1 <= canvas.height, text.get_text()


def test_long_labels_are_rotated_and_short_ones_wrapped_or_kept():
    _, rotated = drawn_texts(CASES["long French retailer names (rotated)"])
    assert {t.get_rotation() for t in rotated if t.get_text() in LONG_FR} == {35.0}
    _, plain = drawn_texts(CASES["line with gaps and a target"])
    assert {t.get_rotation() for t in plain if t.get_text() == "mars"} == {0.0}


def test_tick_values_carry_no_float_noise():
    canvas, texts = drawn_texts(CASES["small box"])
    words = {t.get_text() for t in texts}
    assert {"4,8", "5,0", "5,2"} <= words  # fr_CA decimal comma, not 5.200000000000001; one precision per axis
    plot = Plot(canvas, CASES["small box"], (4.7, 5.3))
    assert all(len(repr(t)) <= 5 for t in plot.ticks)


def test_data_labels_sit_above_bars_and_below_negative_ones():
    canvas, texts = drawn_texts(CASES["negative values"])
    by_word = {t.get_text(): t for t in texts}
    assert by_word["1,5×"].get_va() == "bottom"
    assert by_word["-0,8×"].get_va() == "top"


def test_legend_has_one_entry_per_series_in_two_rows_when_five():
    canvas, texts = drawn_texts(CASES["five stacked series (two legend rows)"])
    rows = {round(t.get_position()[1]) for t in texts if t.get_text().startswith("Collection")}
    assert len(rows) == 2


def test_a_single_series_has_no_legend():
    _, texts = drawn_texts(CASES["long French retailer names (rotated)"])
    assert "Ventes" not in {t.get_text() for t in texts}


@pytest.mark.parametrize("kind", list(DRAWERS))
def test_series_colours_and_background_come_from_palette_and_style(kind):
    chart = request(kind, ("A", "B"), Series("2026", (1.0, 2.0), "ty"), palette=("#7A1F3D",))
    pixels = (imread(io.BytesIO(render_chart(chart).png))[..., :3] * 255).round().astype(int)
    assert np.any(np.all(pixels == (0x7A, 0x1F, 0x3D), axis=-1))
    assert tuple(pixels[0, 0]) == (0xF7, 0xF3, 0xEA)  # the brand sheet's figure.facecolor


def test_a_legend_too_wide_takes_fewer_columns_and_wraps_in_one():
    names = ("Ventes de la saison en cours", "Même saison l'an dernier", "Objectif de la boutique",
             "Moyenne régionale des boutiques")
    series = [Series(name, (1.0, 2.0, 3.0 - i / 2)) for i, name in enumerate(names)]
    canvas, texts = drawn_texts(request("line", ("janv.", "févr.", "mars"), *series, width_emu=6 * EMU))
    legend = [t for t in texts if t.get_text() in names]
    assert len({round(t.get_position()[0]) for t in legend}) == 2  # two columns of two
    assert all(canvas.extent(t).x1 <= canvas.width for t in legend)
    canvas, texts = drawn_texts(request("line", ("janv.", "févr.", "mars"), *series, width_emu=int(2.6 * EMU)))
    assert any("\n" in t.get_text() for t in texts)  # one column: long names wrap
    assert all(canvas.extent(t).x1 <= canvas.width for t in texts)


def test_labels_that_cannot_fit_are_reported():
    names = [f"Série numéro {i} de la boutique phare" for i in range(4)]
    series = [Series(name, (1.0, 2.0)) for name in names]
    chart = request("line", ("janv.", "févr."), *series, width_emu=int(1.5 * EMU), height_emu=int(1.2 * EMU),
                    title="Ventes")
    assert render_chart(chart).cut_off.startswith("some labels do not fit a 1.5 x 1.2 in box")


def _random_chart(rng: random.Random) -> ChartRequest:
    """Return a chart of random kind, size, names and values (gaps, zeros, negatives, huge and tiny)."""
    count, n_series = rng.randint(1, 14), rng.randint(1, 6)
    names = ("Jan", "Solenne", "Bijouterie Laurentienne de Montréal", "X", "Ombrelune 42 mm automatique")
    values = (None, math.nan, math.inf, 0.0, -5.0, 1e12)
    series = [Series(rng.choice(("FW26", "Last year", "Objectif régional des boutiques phares")),
                     tuple(rng.choice(values + (rng.uniform(-1e6, 1e6), rng.uniform(0, 1))) for _ in range(count)),
                     rng.choice(("", "ty", "ly", "target"))) for _ in range(n_series)]
    return request(rng.choice(list(DRAWERS)), tuple(f"{rng.choice(names)} {i}" for i in range(count)), *series,
                   value_format=rng.choice(("number", "currency", "percent", "multiple")),
                   locale=rng.choice(("en_US", "fr_CA", "es_MX")),
                   width_emu=int(rng.uniform(1.5, 12) * EMU), height_emu=int(rng.uniform(1.0, 7) * EMU))


def test_random_charts_draw_and_never_cut_text_silently():
    rng = random.Random(20261125)
    for _ in range(48):
        chart = _random_chart(rng)
        rendered = render_chart(chart)
        assert png_size(rendered.png) == pixel_size(chart)
        if not has_data(chart):
            continue
        canvas, texts = drawn_texts(chart)
        outside = [t.get_text() for t in texts if not _inside(canvas.extent(t), canvas)]
        assert not outside or "do not fit" in rendered.cut_off, (chart, outside)


def _inside(box, canvas: Canvas) -> bool:
    return box.x0 >= -1 and box.y0 >= -1 and box.x1 <= canvas.width + 1 and box.y1 <= canvas.height + 1


def test_a_reference_line_crosses_bar_and_line_charts_with_its_words():
    for kind in ("bar", "line"):
        chart = request(kind, ("Solenne", "Veyrac"), Series("Taux", (1.8, 0.8)), value_format="percent",
                        target=0.992, labels={"reference": "Région 99,2 %"})
        canvas, texts = drawn_texts(chart)
        words = [t.get_text() for t in texts]
        assert "Région 99,2 %" in words, kind
        line = next(t for t in texts if t.get_text() == "Région 99,2 %")
        assert canvas.extent(line).x1 <= canvas.figure.bbox.width + 0.5  # inside the picture, right-aligned
