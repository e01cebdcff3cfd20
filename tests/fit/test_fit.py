"""Text fitting: real-metric measurement (Carlito for Calibri), wrapping, shrinking to the
profile's floor, overflow findings, table cells that wrap, and long tables that continue."""

from __future__ import annotations

import pytest
from conftest import MASTER, MASTER_PROFILE
from pptx import Presentation
from pptx.oxml.ns import qn

from generator.fill import Look, fill_deck
from generator.fill.shapes import add_table, add_textbox, cell_style, column_widths
from generator.fill.tables import split_tall_tables
from generator.fit import Area, Fitter, ThemeFonts, fit_text, metrics, wrap
from generator.fit.fonts import font_file
from generator.fit.table import layout_table, row_heights
from generator.geometry import EMU_PER_INCH, EMU_PER_POINT, Box
from generator.resolve.content import SlideContent, TableContent
from generator.resolve.slides import continued_tables
from generator.spec.profile import load_profile
from generator.template import load_master

LOOK = Look(ink="#1B2430", gold="#B08D57", ivory="#F6F1E7", stone="#D9D2C5", slate="#5B6573",
            positive="#2E7D5B", negative="#A8433A", heading_font="Caladea", body_font="Carlito")
FONTS = ThemeFonts("Cambria", "Calibri")
needs_carlito = pytest.mark.skipif("Carlito" not in (font_file("Calibri") or ""),
                                   reason="Carlito (fonts-crosextra-carlito) is not installed")


def chars(text: str) -> float:
    """One point per character: a measure that makes wrapping easy to reason about."""
    return float(len(text))


def test_wrap_breaks_at_spaces():
    assert wrap("the quick brown fox", 10, chars) == ["the quick", "brown fox"]


def test_wrap_breaks_after_hyphens():
    assert wrap("state-of-the-art design", 9, chars) == ["state-of-", "the-art", "design"]


def test_wrap_breaks_a_word_longer_than_the_line_by_characters():
    assert wrap("Ombrelune chronographe", 5, chars) == ["Ombre", "lune", "chron", "ograp", "he"]


def test_wrap_keeps_an_empty_paragraph_as_one_line():
    assert wrap("", 10, chars) == [""]


@needs_carlito
def test_measurement_with_carlito_is_deterministic():
    calibri = metrics("Calibri")
    assert calibri.units == 2048
    assert calibri.width("Hello world", 18) == pytest.approx(84.2168, abs=1e-3)
    assert metrics("Calibri", bold=True).width("Hello world", 18) > calibri.width("Hello world", 18)
    assert calibri.line_height(10) == pytest.approx(12.207, abs=1e-3)


@needs_carlito
def test_text_that_fits_keeps_its_size():
    result = fit_text(["Sell-out"], Area(200, 40), "Calibri", 18, 0.8)
    assert (result.scale, result.fits, result.lines_used) == (1.0, True, 1)


def _textbox(text: str, width_in: float, height_in: float, size: float = 18):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = Box(0, 0, int(width_in * EMU_PER_INCH), int(height_in * EMU_PER_INCH))
    return add_textbox(slide, text, box, "fr-CA", size=size, color="#000000", font="Calibri")


@needs_carlito
def test_text_40_percent_too_long_is_shrunk_and_sizes_written():
    words = "Les ventes de la saison progressent dans chaque boutique partenaire du réseau canadien. " * 4
    needed = fit_text([words], Area(3.0 * 72 - 14.4, 1000), "Calibri", 18, 1.0).height_pt
    shape = _textbox(words, 3.0, (needed / 1.4 + 7.2) / 72)  # the text is 40 % taller than its box
    fitter = Fitter(FONTS, 0.8, "fr-CA")
    result = fitter.fit_shape(shape, 1, "body")
    assert result.fits and 0.8 <= result.scale < 1.0
    sizes = [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs]
    assert sizes and all(size == pytest.approx(18 * result.scale, abs=0.01) for size in sizes)
    body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
    assert body_pr.find(qn("a:noAutofit")) is not None and body_pr.find(qn("a:normAutofit")) is None
    assert fitter.findings == []


@needs_carlito
def test_text_beyond_the_floor_is_reported_with_deck_slide_shape_language_and_overflow():
    text = "Réunion de marché automne-hiver"
    width = metrics("Calibri").width(text, 18) / 1.4  # the text is 40 % wider than its one-line box
    shape = _textbox(text, (width + 14.4) / 72, (metrics("Calibri").line_height(18) + 7.2) / 72)
    fitter = Fitter(FONTS, 0.8, "fr-CA")
    result = fitter.fit_shape(shape, 7, "title")
    assert not result.fits and result.scale == 0.8 and result.lines_used == 2
    overflow_in = (2 * metrics("Calibri").line_height(18 * 0.8) - metrics("Calibri").line_height(18)) / 72
    [finding] = fitter.findings
    assert str(finding) == f"slide 7 'title' (fr-CA): text overflows by {overflow_in:.2f} in at 80 %"
    from dataclasses import replace
    assert str(replace(finding, deck="fr/CA-market-meeting.pptx")).startswith("fr/CA-market-meeting.pptx: slide 7")


@needs_carlito
def test_table_cells_wrap_within_their_column():
    table = TableContent(("Référence", "Modèle"),
                         (("LUM-3208", "Lumeris Diamant 32 chronographe automatique édition limitée"),
                          ("SOL-3812", "Solenne")), (False, False))
    widths = [int(1.2 * EMU_PER_INCH), int(1.5 * EMU_PER_INCH)]
    heights = row_heights([table.header, *table.rows], widths, cell_style(LOOK))
    assert heights[1] > 2.5 * heights[2]  # the long model name takes several lines
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    shape = add_table(slide, table, Box(0, 0, sum(widths), int(3 * EMU_PER_INCH)), LOOK, "fr-CA",
                      fitter=Fitter(FONTS, 0.8, "fr-CA"))
    grid = shape.table
    assert grid.cell(1, 1).text_frame.word_wrap is True
    assert grid.rows[1].height >= heights[1] * EMU_PER_POINT


@pytest.fixture(scope="module")
def master():
    return load_master(MASTER, load_profile(MASTER_PROFILE))


def _long_table(rows: int) -> TableContent:
    return TableContent(("Référence", "Boutique", "Ventes"),
                        tuple((f"LUM-{n:04d}", f"Boutique partenaire numéro {n} de Montréal", f"{n * 1000} $")
                              for n in range(rows)), (False, False, True))


def test_forty_row_table_continues_on_follow_up_slides(master):
    content = SlideContent("table", title="Références", table=_long_table(40))
    by_spec = continued_tables(content, content.table, 40, "(suite)")  # max_rows lets all 40 rows through
    slides = split_tall_tables(master, by_spec, LOOK, "(suite)")
    assert len(by_spec) == 1 and len(slides) >= 3
    assert [row for s in slides for row in s.table.rows] == list(content.table.rows)
    assert slides[0].title == "Références" and all(s.title == "Références (suite)" for s in slides[1:])
    box = master.slot_box("table", "table")
    for slide in slides:
        rows = [slide.table.header, *slide.table.rows]
        plan = layout_table(rows, column_widths(slide.table, box.width), box.height, cell_style(LOOK),
                            int(0.42 * EMU_PER_INCH), 1.0)
        assert plan.overflow_pt == 0 and plan.scale == 1.0


@needs_carlito
def test_fill_deck_reports_bullets_that_overflow_at_the_floor(master):
    bullets = tuple(f"Point {n} : la collection Ombrelune arrive en boutique avec une campagne nationale"
                    for n in range(30))
    fitter = Fitter(FONTS, master.min_scale, "fr-CA")
    prs = fill_deck(master, [SlideContent("bullets", title="Ordre du jour", bullets=bullets)], LOOK, "fr-CA",
                    lambda chart, box: None, fitter=fitter)
    [finding] = fitter.findings
    assert (finding.slide, finding.shape, finding.language, finding.scale) == (1, "body", "fr-CA", 0.8)
    runs = [r for p in prs.slides[0].placeholders[1].text_frame.paragraphs for r in p.runs]
    assert runs and all(r.font.size.pt == pytest.approx(18 * 0.8, abs=0.01) for r in runs)


def _bullets_styles(master, shared: bool) -> list:
    """Return (txBody XML, paragraphs, area) of each placeholder on a new deck's bullets slide."""
    from lxml import etree

    from generator.fit.style import area, paragraphs, share_layouts, txbody_chain

    prs = master.new_presentation()
    if shared:
        share_layouts(prs, master.reference)
    answers = []
    for ph in master.add_slide(prs, "bullets").placeholders:
        ph.text_frame.text = "Ordre du jour"
        chain = txbody_chain(ph)
        answers.append(([etree.tostring(b) for b in chain], paragraphs(ph, ThemeFonts(*master.fonts)),
                        area(ph, chain)))
    return answers


def test_shared_layouts_read_the_same_style_as_the_decks_own(master):
    """Decks styled from the first deck's layouts get the answers their own layouts give."""
    own = _bullets_styles(master, shared=False)
    assert _bullets_styles(master, shared=True) == _bullets_styles(master, shared=True) == own
    assert len(own) == 2 and own[0][1][0].text == "Ordre du jour"


def test_level_style_takes_the_nearest_value_and_fills_gaps_from_below():
    from pptx.oxml import parse_xml

    from generator.fit.levels import UNSET, LevelStyle

    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    own = parse_xml(f'<a:pPr {a} marL="12700"><a:spcBef><a:spcPct val="50000"/></a:spcBef></a:pPr>')
    inherited = parse_xml(f'<a:lvl1pPr {a} marL="25400" indent="-12700"><a:lnSpc><a:spcPct val="90000"/></a:lnSpc>'
                          f'<a:defRPr sz="2400" b="1"><a:latin typeface="Caladea"/></a:defRPr></a:lvl1pPr>')
    run = parse_xml(f'<a:rPr {a} sz="1200"/>')
    style = LevelStyle.read([own], run).over(LevelStyle.read([inherited]))
    assert (style.size, style.bold, style.typeface) == (1200, True, "Caladea")
    assert (style.margin_left, style.indent, style.space_before, style.line_spacing) == (12700, -12700, 9.0, 0.9)
    assert style.space_after is UNSET and style.value("space_after", 0.0) == 0.0
