"""Native (editable) charts: data, series names, locale number format and brand colours in the chart XML."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from pptx import Presentation

from generator.charts.model import Series
from generator.check import check_deck
from generator.fill.native_chart import NativeLook, add_native_chart
from generator.formats import excel_number_format
from generator.geometry import EMU_PER_INCH, Box
from generator.resolve.content import ChartContent

PALETTE = ("#1F2A44", "#B08D57", "#4F6D7A")
BOX = Box(EMU_PER_INCH, EMU_PER_INCH, 8 * EMU_PER_INCH, 4 * EMU_PER_INCH)


def _deck_with(chart: ChartContent, locale: str = "fr_CA", currency: str = "CAD", **look) -> tuple[bytes, object]:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    frame = add_native_chart(slide, chart, BOX, NativeLook(PALETTE, "#7A6F66", "Carlito", locale, currency, **look))
    buffer = BytesIO()
    prs.save(buffer)
    return buffer.getvalue(), frame


def _chart_xml(deck: bytes) -> str:
    with zipfile.ZipFile(BytesIO(deck)) as package:
        name = next(n for n in package.namelist() if n.startswith("ppt/charts/chart") and n.endswith(".xml"))
        return package.read(name).decode("utf-8")


def test_bar_chart_carries_data_names_format_and_colours():
    chart = ChartContent("bar", ("Solenne", "Veyrac"), (Series("Ventes", (1250.0, 980.5)),
                                                          Series("Année précédente", (1100.0, None), "ly")),
                         value_format="currency", render="native")
    deck, frame = _deck_with(chart)
    xml = _chart_xml(deck)
    assert frame is not None
    for text in ("Solenne", "Veyrac", "Ventes", "Année précédente", "1250.0", "980.5"):
        assert text in xml
    assert 'formatCode="#,##0.0,&quot;\u00a0k$&quot;"' in xml  # the axis in thousands, as the pictures show it
    assert 'val="1F2A44"' in xml and 'val="7A6F66"' in xml  # first series brand colour, last year muted
    assert check_deck(deck, schema=True) == []


def test_donut_colours_each_point_and_line_uses_percent_format():
    donut = ChartContent("donut", ("Acier", "Or", "Titane"), (Series("Part", (0.5, 0.3, 0.2)),), "percent")
    xml = _chart_xml(_deck_with(donut)[0])
    assert all(f'val="{c[1:]}"' in xml for c in PALETTE)
    line = ChartContent("line", ("janv.", "févr."), (Series("Taux", (0.125, 0.2)),), "percent")
    deck = _deck_with(line, "en_US", "USD")[0]
    assert 'formatCode="0.0%"' in _chart_xml(deck)
    assert check_deck(deck, schema=True) == []


@pytest.mark.parametrize("locale,currency,expected", [
    ("en_US", "USD", '"$"#,##0'), ("fr_CA", "CAD", '#,##0"\u00a0$"'), ("es_MX", "MXN", '"$"#,##0'),
])
def test_excel_currency_formats_follow_the_locale(locale, currency, expected):
    assert excel_number_format("currency", locale, currency) == expected


def test_french_percent_keeps_its_space_and_multiples_their_sign():
    assert excel_number_format("percent", "fr_CA", "CAD") == '0.0"\u00a0"%'
    assert excel_number_format("multiple", "en_US", "USD").endswith('"×"')


def test_kinds_without_native_form_fall_back():
    waterfall = ChartContent("waterfall", ("A",), (Series("x", (1.0,)),))
    assert _deck_with(waterfall)[1] is None


def test_labels_never_become_formulas_or_links():
    chart = ChartContent("bar", ("=1+1", "B"), (Series("=cmd", (1.0, 2.0)),))
    deck = _deck_with(chart)[0]
    with zipfile.ZipFile(BytesIO(deck)) as package:
        workbook = next(n for n in package.namelist() if n.endswith(".xlsx"))
        sheet = zipfile.ZipFile(BytesIO(package.read(workbook))).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet


def test_the_embedded_workbook_is_dated_the_same_in_every_build():
    chart = ChartContent("bar", ("A", "B"), (Series("Sales", (1.0, 2.0)),))
    deck = _deck_with(chart)[0]
    with zipfile.ZipFile(BytesIO(deck)) as package:
        workbook = next(n for n in package.namelist() if n.endswith(".xlsx"))
        core = zipfile.ZipFile(BytesIO(package.read(workbook))).read("docProps/core.xml").decode()
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>' in core


FIXED = (("Solenne", "#B8975A"), ("flagship", "#5B6676"))
SCENARIOS = (("ty", "#101B2D"), ("ly", "#A7A39A"), ("target", "#101B2D"))


def test_native_parts_take_the_brand_colours_as_pictures_do():
    donut = ChartContent("donut", ("Veyrac", "Solenne"), (Series("Part", (0.4, 0.6)),),
                         category_keys=("Veyrac", "Solenne"))
    xml = _chart_xml(_deck_with(donut, fixed=FIXED)[0])
    assert xml.index('val="1F2A44"') < xml.index('val="B8975A"')  # Veyrac the first free colour, Solenne its own
    stacked = ChartContent("stacked_bar", ("juil.", "août"), (Series("Boutique phare", (1e6, 2e6), key="flagship"),
                                                             Series("Solenne", (5e5, 1e6))), "currency")
    deck = _deck_with(stacked, fixed=FIXED)[0]
    xml = _chart_xml(deck)
    assert 'val="5B6676"' in xml and 'val="B8975A"' in xml
    assert '<c:legendPos/>' in xml  # right (the schema's default): a vertical legend lists the top segment first
    assert 'formatCode="#,##0.0,,&quot;\u00a0M$&quot;"' in xml  # the totals (3 M$) set the unit
    assert check_deck(deck, schema=True) == []


def test_native_scenarios_follow_ibcs_notation():
    chart = ChartContent("bar", ("Solenne",), (Series("AH26", (5.0,), "ty"), Series("An dernier", (4.0,), "ly"),
                                              Series("Cible", (6.0,), "target")), render="native")
    deck = _deck_with(chart, fixed=FIXED, scenarios=SCENARIOS)[0]
    series = _chart_xml(deck).split("<c:ser>")[1:]
    assert '<a:solidFill><a:srgbClr val="101B2D"/>' in series[0] and 'val="A7A39A"' in series[1]
    assert "<a:noFill/>" in series[2] and '<a:ln w="15875"><a:solidFill><a:srgbClr val="101B2D"/>' in series[2]
    assert check_deck(deck, schema=True) == []
