"""Tests of the charts stage: every kind renders, exact PNG size, determinism, gaps, locale formatting."""

from __future__ import annotations

import datetime
import io
import logging
import math
import struct

import numpy as np
import pytest
from matplotlib.image import imread
from matplotlib.text import Text

from generator.charts import ChartRequest, Series, Task, chart_cache_key, format_value, render_chart
from generator.charts.canvas import Canvas
from generator.charts.gantt import draw_gantt
from generator.charts.render import new_figure
from generator.charts.style import available_fonts, chart_rc, make_theme
from generator.errors import RenderError
from generator.formats import format_month

EMU = 914_400
NBSP = "\u00a0"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
TASKS = (
    Task("Solenne launch", datetime.date(2026, 1, 12), datetime.date(2026, 2, 20), "Launch"),
    Task("Window displays", datetime.date(2026, 2, 1), datetime.date(2026, 3, 15), "Retail"),
)


def request(kind: str = "bar", **changes) -> ChartRequest:
    """Return a typical request of ``kind`` (6 x 3.4 in, currency), with ``changes`` applied."""
    series = (Series("2026", (1.2e6, 1.35e6, 1.4e6, 1.5e6, 1.6e6, 1.7e6), "ty"),
              Series("2025", (1.1e6, 1.2e6, 1.25e6, 1.3e6, 1.4e6, 1.45e6), "ly"))
    fields = dict(kind=kind, categories=MONTHS, series=series, width_emu=6 * EMU, height_emu=int(3.4 * EMU),
                  value_format="currency", title="Sell-out", tasks=TASKS if kind == "gantt" else ())
    if kind == "bullet":
        fields.update(categories=("ROI",), series=(Series("ROI", (3.4,)),), target=3.0, value_format="multiple")
    fields.update(changes)
    return ChartRequest(**fields)


def png_size(png: bytes) -> tuple[int, int]:
    """Return (width, height) read from the PNG IHDR header."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


@pytest.mark.parametrize("kind", ["bar", "stacked_bar", "line", "donut", "waterfall", "bullet", "gantt"])
def test_each_kind_renders_exact_pixel_size(kind):
    chart = render_chart(request(kind))
    assert png_size(chart.png) == (900, 510)  # 6 in x 3.4 in at 150 dpi
    assert (chart.width_emu, chart.height_emu) == (6 * EMU, int(3.4 * EMU))
    assert chart.alt_text.startswith("Sell-out. ")


@pytest.mark.parametrize("kind", ["bar", "line", "gantt"])
def test_a_tight_bbox_style_sheet_cannot_crop_the_picture(kind, tmp_path):
    sheet = tmp_path / "tight.mplstyle"
    sheet.write_text("savefig.bbox: tight\nsavefig.pad_inches: 0.5\n", encoding="utf-8")
    assert png_size(render_chart(request(kind, style=str(sheet))).png) == (900, 510)


@pytest.mark.parametrize(("width_emu", "height_emu", "dpi", "expected"), [
    (5_000_000, 2_000_000, 150, (820, 328)),  # 820.2 x 328.1 px: rounded, never stretched
    (3 * EMU, 2 * EMU, 96, (288, 192)),
    (4_572_000, 914_400, 200, (1000, 200)),
])
def test_pixel_size_is_box_times_dpi(width_emu, height_emu, dpi, expected):
    chart = render_chart(request("line", width_emu=width_emu, height_emu=height_emu, dpi=dpi))
    assert png_size(chart.png) == expected


@pytest.mark.parametrize("kind", ["bar", "gantt", "donut"])
def test_rendering_is_deterministic_and_has_no_metadata(kind):
    first, second = render_chart(request(kind)), render_chart(request(kind))
    assert first.png == second.png
    assert b"Software" not in first.png and b"matplotlib" not in first.png


def test_a_reused_figure_draws_like_a_fresh_one():
    # charts of one size share a pooled figure: a chart must not inherit anything from the one before
    kinds = ["bar", "donut", "gantt", "bullet", "line", "waterfall", "stacked_bar"]
    first = {kind: render_chart(request(kind)).png for kind in kinds}
    again = {kind: render_chart(request(kind)).png for kind in reversed(kinds)}
    assert again == first


@pytest.mark.parametrize("kind", ["bar", "stacked_bar", "line", "waterfall", "donut"])
def test_gaps_render_and_read_as_dash(kind):
    gappy = Series("2026", (1.0, None, math.nan, math.inf, -math.inf, 2.0), "ty")
    chart = render_chart(request(kind, series=(gappy,)))
    assert png_size(chart.png) == (900, 510)
    if kind in ("bar", "stacked_bar", "line"):
        assert "Feb –, Mar –, Apr –, May –" in chart.alt_text


@pytest.mark.parametrize(("kind", "changes"), [
    ("bar", dict(categories=(), series=())),
    ("line", dict(series=(Series("x", (None, math.nan)),))),
    ("donut", dict(series=(Series("x", (0, None)),))),
    ("bullet", dict(series=(Series("ROI", (None,)),))),
    ("gantt", dict(tasks=())),
])
def test_empty_data_gives_a_no_data_chart(kind, changes):
    chart = render_chart(request(kind, labels={"no_data": "Aucune donnée"}, **changes))
    assert png_size(chart.png) == (900, 510)
    assert chart.alt_text.endswith(": Aucune donnée")


def test_unknown_kind_names_the_valid_ones():
    with pytest.raises(RenderError) as caught:
        render_chart(request("pie3d"))
    assert str(caught.value) == ("unknown chart kind 'pie3d'; valid kinds: "
                                 "bar, stacked_bar, line, donut, waterfall, bullet, gantt")


@pytest.mark.parametrize(("locale", "currency", "expected"), [
    ("en_US", "USD", ("1,234,568", "1.2M", "$1,234,568", "$1.2M", "12.5%", "3.2×", "-$2.5K")),
    ("en_CA", "CAD", ("1,234,568", "1.2M", "$1,234,568", "$1.2M", "12.5%", "3.2×", "-$2.5K")),
    ("fr_CA", "CAD", (f"1{NBSP}234{NBSP}568", f"1,2{NBSP}M", f"1{NBSP}234{NBSP}568{NBSP}$", f"1,2{NBSP}M$",
                      f"12,5{NBSP}%", "3,2×", f"-2,5{NBSP}k$")),
    ("es_MX", "MXN", ("1,234,568", f"1.2{NBSP}M", "$1,234,568", f"1.2{NBSP}M$", "12.5%", "3.2×",
                      f"-2.5{NBSP}k$")),
])
def test_formatting_is_pinned_per_locale(locale, currency, expected):
    got = (format_value(1234567.5, "number", locale, currency),
           format_value(1234567.5, "number", locale, currency, compact=True),
           format_value(1234567.5, "currency", locale, currency),
           format_value(1234567.5, "currency", locale, currency, compact=True),
           format_value(0.125, "percent", locale, currency),
           format_value(3.2, "multiple", locale, currency),
           format_value(-2500, "currency", locale, currency, compact=True))
    assert got == expected


def test_compact_forms_round_small_values_to_one_decimal():
    # CLDR compact patterns only round from 1,000 up: 0.9117581236920912 would print whole
    assert format_value(0.9117581236920912, "currency", "fr_CA", "CAD", compact=True) == f"0,9{NBSP}$"
    assert format_value(12.3456, "number", "en_US", "USD", compact=True) == "12.3"
    assert format_value(-0.04, "currency", "en_US", "USD", compact=True) == "$0"
    assert format_value(12.3456, "number", "en_US", "USD") == "12.3"  # the same rule as the slides' text


def test_foreign_currency_compact_and_one_decimal_percent():
    assert format_value(1234567.5, "currency", "en_CA", "USD", compact=True) == "US$1.2M"
    assert format_value(1234567.5, "currency", "fr_CA", "USD", compact=True) == f"1,2{NBSP}M${NBSP}US"
    assert format_value(1234567.5, "currency", "es_MX", "USD", compact=True) == f"1.2{NBSP}MUSD"
    assert format_value(0.12, "percent", "fr_CA", "CAD") == f"12,0{NBSP}%"
    assert format_value(math.nan, "number", "en_US", "USD") == "–"


@pytest.mark.parametrize(("locale", "expected"), [
    ("en_US", ["Jan", "Feb", "Mar"]),
    ("fr_CA", ["janv.", "févr.", "mars"]),
    ("es_MX", ["ene", "feb", "mar"]),
])
def test_gantt_month_labels_are_localized(locale, expected):
    req = request("gantt", locale=locale)
    figure = new_figure(req)
    draw_gantt(Canvas(figure), req, make_theme((), chart_rc(None)))
    texts = [a.get_text() for a in figure.artists if isinstance(a, Text)]
    assert [t for t in texts if t in expected] == expected
    assert format_month(datetime.date(2026, 7, 1), locale) == {"en_US": "Jul", "fr_CA": "juill.",
                                                               "es_MX": "jul"}[locale]


def test_alt_text_carries_locale_formatted_values():
    fr = render_chart(request("bar", locale="fr_CA", currency="CAD", categories=("janv.", "févr."),
                              series=(Series("2026", (1.2e6, 1.35e6)),)))
    assert fr.alt_text == f"Sell-out. Bar chart: 2026: janv. 1,2{NBSP}M$, févr. 1,4{NBSP}M$."
    donut = render_chart(request("donut", categories=("Solenne", "Veyrac"), series=(Series("s", (3.0, 1.0)),),
                                 value_format="number", labels={"total": "Total"}))
    assert donut.alt_text == "Sell-out. Donut chart: Solenne 75.0% (3), Veyrac 25.0% (1); Total 4."
    bullet = render_chart(request("bullet", locale="fr_CA", labels={"target": "Cible"}))
    assert bullet.alt_text == "Sell-out. Bullet chart: ROI 3,4×; Cible 3,0×."


def test_waterfall_appends_the_total_step():
    chart = render_chart(request("waterfall", categories=("LY", "Price", "Volume"),
                                 series=(Series("d", (100.0, 20.0, -5.0)),), value_format="number"))
    assert chart.alt_text == "Sell-out. Waterfall chart: LY 100, Price 20, Volume -5, Total 115."


def test_gantt_alt_text_has_localized_dates():
    chart = render_chart(request("gantt", locale="es_MX", labels={"today_date": "2026-02-10", "today": "Hoy"}))
    assert "Solenne launch: 12 ene 2026 – 20 feb 2026" in chart.alt_text


def test_brand_palette_colours_the_bars():
    chart = render_chart(request("bar", palette=("#7A1F3D",), series=(Series("2026", (1.0, 2.0)),)))
    pixels = (imread(io.BytesIO(chart.png))[..., :3] * 255).round().astype(int)
    assert np.any(np.all(pixels == (0x7A, 0x1F, 0x3D), axis=-1))


def test_style_sheet_is_applied_and_missing_fonts_are_quiet(tmp_path, caplog):
    sheet = tmp_path / "brand.mplstyle"
    sheet.write_text("axes.prop_cycle: cycler('color', ['2E4057', 'C5A572'])\n"
                     "font.family: No Such Font, Carlito\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        chart = render_chart(request("line", style=str(sheet)))
    assert png_size(chart.png) == (900, 510)
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]
    rc = chart_rc(str(sheet))
    assert rc is chart_rc(str(sheet))  # read once per process
    assert "No Such Font" not in rc["font.family"]
    assert make_theme((), rc).palette == ("#2e4057", "#c5a572")


def test_missing_style_sheet_falls_back_to_defaults(tmp_path):
    chart = render_chart(request("bar", style=str(tmp_path / "absent.mplstyle")))
    assert png_size(chart.png) == (900, 510)


def test_fonts_prefer_carlito_then_dejavu():
    assert available_fonts(("No Such Font",)) == ["DejaVu Sans"]
    assert available_fonts(("DejaVu Sans",)) == ["DejaVu Sans"]


def test_cache_key_changes_with_request_and_style(tmp_path):
    sheet = tmp_path / "s.mplstyle"
    sheet.write_text("font.size: 9\n", encoding="utf-8")
    key = chart_cache_key(request("bar", style=str(sheet)))
    assert len(key) == 64 and key == chart_cache_key(request("bar", style=str(sheet)))
    assert key != chart_cache_key(request("bar", style=str(sheet), locale="fr_CA"))
    sheet.write_text("font.size: 10\n", encoding="utf-8")
    assert key != chart_cache_key(request("bar", style=str(sheet)))


def test_every_kind_has_a_drawer():
    from generator.charts.render import DRAWERS, FLAT_DRAWERS
    from generator.spec import kind_names
    assert sorted([*DRAWERS, *FLAT_DRAWERS]) == sorted(kind_names())
    assert not set(DRAWERS) & set(FLAT_DRAWERS)


@pytest.mark.parametrize("alpha", [255, 128])
def test_png_encoder_round_trips_pixels(alpha):
    from PIL import Image

    from generator.charts.png import encode_png
    rgba = np.random.default_rng(7).integers(0, 256, (5, 7, 4), dtype=np.uint8)
    rgba[..., 3] = alpha
    decoded = np.asarray(Image.open(io.BytesIO(encode_png(rgba))))
    assert decoded.shape == ((5, 7, 3) if alpha == 255 else (5, 7, 4))  # opaque pictures drop alpha
    assert np.array_equal(decoded, rgba[..., :decoded.shape[2]])


@pytest.mark.parametrize(("actual", "target", "expected"), [
    (3.4, 3.0, (0.0, 3.4 * 1.2)),  # the usual case: from zero to 20 % past the largest value
    (-0.5, 3.0, (-0.5 - 0.2 * 3.5, 3.0 + 0.2 * 3.5)),
    (-695398.7, -695398.7, (-695398.7 * 1.2, 695398.7 * 0.2)),  # no target given: the actual stands in
])
def test_bullet_range_takes_in_negative_values(actual, target, expected):
    from generator.charts.waterfall import bullet_range
    assert bullet_range(actual, target) == pytest.approx(expected)


def test_a_negative_bullet_without_target_draws():
    # once drew its note a hundred million pixels off the canvas: FreeType "raster overflow"
    chart = render_chart(request("bullet", series=(Series("ROI", (-695398.7,)),), target=None))
    assert png_size(chart.png) == (900, 510)


def test_a_chart_matplotlib_cannot_draw_is_a_render_error(monkeypatch):
    import generator.charts.render as render

    def fails(ax, request, theme):
        raise RuntimeError("FT_Render_Glyph failed with error 0x62: raster overflow")

    monkeypatch.setitem(render.DRAWERS, "donut", fails)
    with pytest.raises(RenderError) as error:
        render_chart(request("donut", title="Sell-out mix"))
    assert str(error.value) == ("chart 'Sell-out mix' (donut) could not be drawn: FT_Render_Glyph failed with "
                                "error 0x62: raster overflow; check its data for extreme or unexpected values")


@pytest.mark.parametrize("kind", ["gantt", "donut"])  # drawn flat, and on an Axes
def test_a_chart_too_small_for_its_labels_says_so(kind):
    chart = render_chart(request(kind, width_emu=int(0.6 * EMU), height_emu=int(0.4 * EMU), title="Campaigns"))
    assert chart.cut_off == ("some labels do not fit a 0.6 x 0.4 in box and are cut off; use a layout with a "
                             "larger chart area, or shorter series and category names")
    assert render_chart(request(kind)).cut_off == ""


def test_a_gantt_legend_takes_the_columns_its_box_holds():
    names = ("Lancement", "Formation des équipes de vente", "Vitrines de la Maison", "Marketing en boutique",
             "Campagne numérique")
    tasks = tuple(Task(f"Tâche {i}", datetime.date(2026, 1, 1) + datetime.timedelta(days=20 * i),
                       datetime.date(2026, 3, 1) + datetime.timedelta(days=20 * i), name)
                  for i, name in enumerate(names))
    chart = render_chart(request("gantt", tasks=tasks, locale="fr_CA"))  # five columns would be 9 in wide
    assert png_size(chart.png) == (900, 510)
    assert chart.cut_off == ""
