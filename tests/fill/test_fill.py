"""fill_deck on the project's HQ master: layouts per role, text in placeholders, proofing
language on every run, chart pictures at the placeholder's exact box, KPI tiles in their box."""

from __future__ import annotations

import io

import pytest
from conftest import MASTER, MASTER_PROFILE, ROOT
from PIL import Image
from pptx.oxml.ns import qn

from generator.charts.model import RenderedChart, Series
from generator.fill import Look, fill_deck
from generator.fill.placeholders import is_empty_placeholder_element, placeholder_elements
from generator.fill.shapes import is_empty_placeholder
from generator.fit import Fitter, ThemeFonts
from generator.geometry import Box
from generator.resolve.content import BlockContent, ChartContent, SlideContent, TableContent, TileContent
from generator.spec.profile import load_profile
from generator.template import load_master

LOOK = Look(ink="#1B2430", gold="#B08D57", ivory="#F6F1E7", stone="#D9D2C5", slate="#5B6573",
            positive="#2E7D5B", negative="#A8433A", heading_font="Caladea", body_font="Carlito")
CHART = ChartContent("bar", ("juill.", "août"), (Series("FW26", (1.0, 2.0)),))
TILES = (TileContent("Ventes", "1\u00a0234\u00a0$", "+4,2\u00a0%", "note", 0.04), TileContent("Stock", "12,0"),
         TileContent("RSI", "3,0×"), TileContent("Cible", "80,0\u00a0%"))
TABLE = TableContent(("Référence", "Ventes"), (("LUM-2810", "1\u00a0234\u00a0$"), ("LUM-3208", "5\u00a0$")),
                     (False, True))
SLIDES = [
    SlideContent("title", title="Réunion de marché", subtitle="Canada · Maison Orvelle", notes="Bienvenue"),
    SlideContent("section", title="Faits saillants", subtitle="Canada"),
    SlideContent("bullets", title="Ordre du jour", bullets=("Un", "Deux")),
    SlideContent("chart", title="Ventes", chart=CHART, caption="Ventes mensuelles"),
    SlideContent("two-content", title="Mix", left=BlockContent("Part", chart=CHART),
                 right=BlockContent("Contacts", bullets=("Isabelle", "isabelle@example.com"))),
    SlideContent("table", title="Références", table=TABLE),
    SlideContent("kpi", title="En bref", tiles=TILES),
    SlideContent("picture", title="Vitrine", image=ROOT / "brand_assets" / "logo.png", caption="Prêt à utiliser"),
    SlideContent("closing", title="Merci", subtitle="orvelle.example.com"),
]


@pytest.fixture(scope="module")
def master():
    return load_master(MASTER, load_profile(MASTER_PROFILE))


@pytest.fixture(scope="module")
def drawn():
    """Return the boxes the chart drawer was asked for."""
    return []


@pytest.fixture(scope="module")
def deck(master, drawn):
    def draw(chart: ChartContent, box: Box) -> RenderedChart:
        drawn.append(box)
        buffer = io.BytesIO()
        Image.new("RGB", (40, 20), "white").save(buffer, "PNG")
        return RenderedChart(buffer.getvalue(), box.width, box.height, f"Bar chart: {', '.join(chart.categories)}")

    return fill_deck(master, SLIDES, LOOK, "fr-CA", draw)


def _box(shape) -> Box:
    return Box(shape.left, shape.top, shape.width, shape.height)


def _inside(inner: Box, outer: Box) -> bool:
    return (inner.left >= outer.left and inner.top >= outer.top and
            inner.left + inner.width <= outer.left + outer.width and
            inner.top + inner.height <= outer.top + outer.height)


def _pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type is not None and s._element.tag == qn("p:pic")]


def test_each_role_uses_its_layout(deck, master):
    assert len(deck.slides) == len(SLIDES)
    for slide, content in zip(deck.slides, SLIDES):
        assert slide.slide_layout.name == master.profile.roles[content.role].layout


def test_texts_land_in_placeholders(deck):
    title = deck.slides[0]
    assert title.shapes.title.text == "Réunion de\u00a0marché"  # a title never ends on a lone word
    assert [ph.text_frame.text for ph in title.placeholders] == ["Réunion de\u00a0marché", "Canada · Maison Orvelle"]
    body = next(ph for ph in deck.slides[2].placeholders if ph.placeholder_format.idx == 1)
    assert [p.text for p in body.text_frame.paragraphs] == ["Un", "Deux"]
    assert title.notes_slide.notes_text_frame.text == "Bienvenue"


def test_every_run_carries_the_language(deck):
    runs = [r for slide in deck.slides for r in slide._element.iter(qn("a:r"))]
    assert len(runs) > 30
    assert {r.find(qn("a:rPr")).get("lang") for r in runs} == {"fr-CA"}


def test_chart_picture_fills_the_chart_box_with_alt_text(deck, master, drawn):
    box = master.slot_box("chart", "chart")
    pictures = _pictures(deck.slides[3])
    assert len(pictures) == 1
    assert _box(pictures[0]) == box
    assert drawn[0] == box
    assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == "Bar chart: juill., août"


def test_two_content_chart_under_its_heading(deck, master):
    left = master.slot_box("two-content", "left")
    picture, = _pictures(deck.slides[4])
    assert _inside(_box(picture), left) and picture.width == left.width
    texts = [s.text_frame.text for s in deck.slides[4].shapes if s.has_text_frame]
    assert "Part" in texts and "Contacts\nIsabelle\nisabelle@example.com" in texts


def test_table_inside_its_box(deck, master):
    table = next(s for s in deck.slides[5].shapes if s.has_table)
    assert _inside(_box(table), master.slot_box("table", "table"))
    assert table.table.cell(1, 1).text == "1\u00a0234\u00a0$"


def test_kpi_tiles_inside_the_tiles_box(deck, master):
    box = master.slot_box("kpi", "tiles")
    tiles = [s for s in deck.slides[6].shapes if not s.is_placeholder]
    assert len(tiles) == 4
    assert all(_inside(_box(t), box) for t in tiles)
    assert tiles[0].text_frame.text.split("\n")[:3] == ["VENTES", "1\u00a0234\u00a0$", "+4,2\u00a0%"]


def test_picture_keeps_its_aspect_in_the_picture_box(deck, master):
    picture, = _pictures(deck.slides[7])
    assert _inside(_box(picture), master.slot_box("picture", "picture"))
    with Image.open(ROOT / "brand_assets" / "logo.png") as image:
        aspect = image.width / image.height
    assert picture.width / picture.height == pytest.approx(aspect, rel=1e-3)
    assert picture._element.nvPicPr.cNvPr.get("descr") == "Prêt à utiliser"


def test_no_empty_placeholder_remains(deck):
    for slide in deck.slides:
        assert not [ph.name for ph in slide.placeholders if is_empty_placeholder(ph)]
        assert all(ph.has_text_frame and ph.text_frame.text.strip() for ph in slide.placeholders)


def test_placeholder_elements_agree_with_python_pptx(master):
    prs = master.new_presentation()
    for role in ("title", "two-content", "picture"):
        slide = master.add_slide(prs, role)
        slide.placeholders[0].text_frame.text = "Titre"
        if role == "two-content":
            slide.placeholders[1].text_frame.text = " \n "
        found = list(placeholder_elements(slide))
        assert [(e, i) for e, i in found] == [(ph._element, ph.placeholder_format.idx) for ph in slide.placeholders]
        assert [is_empty_placeholder_element(e) for e, _ in found] == \
            [is_empty_placeholder(ph) for ph in slide.placeholders]


def test_pictures_get_the_image_parts_python_pptx_gives(master):
    """Same bytes share one part; new bytes take the first free imageN number, as in python-pptx."""
    from generator.fill.shapes import add_picture

    pngs = []
    for colour in ("red", "blue"):
        out = io.BytesIO()
        Image.new("RGB", (4, 3), colour).save(out, "PNG")
        pngs.append(out.getvalue())
    ours, theirs = master.new_presentation(), master.new_presentation()
    box = Box(0, 0, 400_000, 300_000)
    for data in (pngs[0], pngs[1], pngs[0]):
        add_picture(master.add_slide(ours, "chart"), data, box, "alt")
        theirs_slide = master.add_slide(theirs, "chart")
        theirs_slide.shapes.add_picture(io.BytesIO(data), 0, 0, 400_000, 300_000)
    for mine, reference in zip(ours.slides, theirs.slides):
        mine_pic, = [s for s in mine.shapes if s.shape_type == 13]
        ref_pic, = [s for s in reference.shapes if s.shape_type == 13]
        assert mine.part.related_part(mine_pic._element.blip_rId).partname == \
            reference.part.related_part(ref_pic._element.blip_rId).partname
    assert len({p.partname for p in ours.part.package.iter_parts() if "/media/image" in p.partname}) == \
        len({p.partname for p in theirs.part.package.iter_parts() if "/media/image" in p.partname})


def test_copied_tile_style_is_what_the_setters_write(master):
    from lxml import etree

    from generator.fill.shapes import _set_tile_style, add_tiles

    slide = master.add_slide(master.new_presentation(), "kpi")
    copied = add_tiles(slide, TILES, Box(0, 0, 8_000_000, 2_000_000), LOOK, "fr-CA")[-1]
    reference = slide.shapes.add_shape(1, copied.left, copied.top, copied.width, copied.height)
    _set_tile_style(reference, LOOK)
    reference.text_frame.margin_top = copied.text_frame.margin_top  # the row's own inset, set after the style
    for mine, theirs in ((copied._element.spPr, reference._element.spPr),
                         (copied.text_frame._txBody.bodyPr, reference.text_frame._txBody.bodyPr)):
        assert etree.tostring(mine) == etree.tostring(theirs)


def test_notes_slides_are_the_ones_python_pptx_makes(master):
    from lxml import etree

    from generator.fill.notes import notes_slide

    for _ in range(2):  # the second deck copies the first deck's cloned placeholders
        ours, theirs = master.new_presentation(), master.new_presentation()
        for role in ("title", "bullets"):
            mine, reference = master.add_slide(ours, role), master.add_slide(theirs, role)
            made = notes_slide(master, mine)
            assert notes_slide(master, mine) is made
            assert etree.tostring(made._element) == etree.tostring(reference.notes_slide._element)
            assert made.part.partname == reference.notes_slide.part.partname
            assert mine.part.rels.xml == reference.part.rels.xml


def test_a_filled_deck_is_freed_once_dropped(master):
    """Nothing the fill stage remembers between decks may hold a deck: a worker builds hundreds."""
    import gc
    import weakref

    def draw(chart: ChartContent, box: Box) -> RenderedChart:
        buffer = io.BytesIO()
        Image.new("RGB", (40, 20), "white").save(buffer, "PNG")
        return RenderedChart(buffer.getvalue(), box.width, box.height, "chart")

    prs = fill_deck(master, SLIDES, LOOK, "fr-CA", draw)
    gone = weakref.ref(prs.part.package)
    del prs
    gc.collect()
    assert gone() is None


def test_chart_labels_cut_off_are_a_finding_on_their_slide(master):
    """A chart picture cannot shrink its labels as text does: the fill stage says which slide holds one cut off."""
    from generator.fill.deck import deck_fitter

    def draw(chart: ChartContent, box: Box) -> RenderedChart:
        buffer = io.BytesIO()
        Image.new("RGB", (40, 20), "white").save(buffer, "PNG")
        return RenderedChart(buffer.getvalue(), box.width, box.height, "chart", cut_off="some labels are cut off")

    fitter = deck_fitter(master, "fr-CA")
    chart = ChartContent("bar", ("juill.", "août"), (Series("FW26", (1.0, 2.0)),), title="Ventes mensuelles")
    fill_deck(master, [SLIDES[0], SlideContent("chart", title="Ventes", chart=chart)], LOOK, "fr-CA", draw,
              fitter=fitter)
    assert [str(f) for f in fitter.findings] == ["slide 2 'Ventes mensuelles' (fr-CA): some labels are cut off"]


def test_a_block_with_a_heading_is_fitted_once_bold_included(master):
    """A second fit would shrink the already shrunk sizes again and report the box twice."""
    fitter = Fitter(ThemeFonts(*master.fonts), 0.8, "fr-CA")
    words = tuple("Les ventes de la saison progressent dans chaque boutique partenaire." for _ in range(30))
    slide = SlideContent("two-content", title="Contacts", left=BlockContent("Maison", bullets=("Isabelle",)),
                         right=BlockContent("Boutique", bullets=words))
    deck = fill_deck(master, [slide], LOOK, "fr-CA", lambda chart, box: None, fitter=fitter)
    assert fitter.shapes == 3
    [finding] = fitter.findings
    assert (finding.shape, finding.scale) == ("right", 0.8)
    right = next(ph for ph in deck.slides[0].placeholders if ph.placeholder_format.idx ==
                 master.slot_idx("two-content", "right"))
    assert right.text_frame.paragraphs[0].runs[0].font.bold
