"""Content uses the room of its slide: tiles, short tables and a few bullets are set larger, not left small."""

from __future__ import annotations

import pytest
from conftest import MASTER, MASTER_PROFILE
from pptx.util import Pt

from generator.fill import Look, fill_deck
from generator.fill.shapes import BASE_TILE_TYPE, MAX_TILE_STEP, add_table, add_tiles, tile_type
from generator.fit import Fitter, ThemeFonts
from generator.geometry import EMU_PER_INCH, Box
from generator.resolve import SlideContent, TableContent, TileContent
from generator.spec import load_profile
from generator.template import load_master

LOOK = Look(ink="#1B2430", gold="#B08D57", ivory="#F6F1E7", stone="#D9D2C5", slate="#5B6573",
            positive="#2E7D5B", negative="#A63D40", heading_font="Cambria", body_font="Calibri")
INCH = EMU_PER_INCH


@pytest.fixture(scope="module")
def master():
    return load_master(MASTER, load_profile(MASTER_PROFILE))


def _sizes(shape) -> list[float]:
    return [run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs]


def test_tiles_of_a_row_share_their_type_and_line_up(master):
    slide = master.add_slide(master.new_presentation(), "kpi")
    tiles = (TileContent("Sell-out", "$11.4M", "+9.0% vs last year"), TileContent("Sell-through", "92.5%",
             note="Units sold out / units sold in"), TileContent("Stock cover", "12.8 weeks"))
    shapes = add_tiles(slide, tiles, Box(0, 0, 12 * INCH, 4 * INCH), LOOK, "en-US")
    values = {shape.text_frame.paragraphs[1].runs[0].font.size.pt for shape in shapes}
    assert len(values) == 1 and values.pop() > BASE_TILE_TYPE.value  # stepped up, the same in every tile
    assert {len(shape.text_frame.paragraphs) for shape in shapes} == {4}  # a missing delta or note keeps its line
    assert len({shape.text_frame.margin_top for shape in shapes}) == 1


def test_tile_type_never_outgrows_the_widest_value():
    row = (TileContent("Stock cover", "12.8 weeks"),)
    narrow, wide = (tile_type(row, Box(0, 0, width, 4 * INCH), LOOK) for width in (2 * INCH, 6 * INCH))
    assert BASE_TILE_TYPE.value <= narrow.value < wide.value <= BASE_TILE_TYPE.value * MAX_TILE_STEP + 0.5  # half points


def test_a_short_table_steps_up_and_a_long_one_keeps_its_size(master):
    slide = master.add_slide(master.new_presentation(), "table")
    box = Box(0, 0, 12 * INCH, 4.5 * INCH)
    short = TableContent(("Door", "Sell-out"), (("Linden & Aldridge", "$1.2M"),), (False, True))
    long = TableContent(("Door", "Sell-out"), tuple((f"Door {n}", "$1.2M") for n in range(20)), (False, True))
    small = _cell_sizes(add_table(slide, long, box, LOOK, "en-US").table.cell(1, 0).text_frame)
    large = _cell_sizes(add_table(slide, short, box, LOOK, "en-US").table.cell(1, 0).text_frame)
    assert small == [12.0] and large == [18.0]


def test_a_few_bullets_grow_and_many_do_not_overflow(master):
    fitter = Fitter(ThemeFonts(*master.fonts), master.min_scale, "en-US")
    few = SlideContent("bullets", title="Next steps", bullets=("Confirm the window dates", "Book the training"))
    many = SlideContent("bullets", title="Agenda", bullets=tuple(f"Point number {n} of a long agenda" for n in range(8)))
    prs = fill_deck(master, [few, many], LOOK, "en-US", lambda chart, box: None, fitter=fitter)
    body = [[s for s in slide.placeholders if s.placeholder_format.idx != 0][0] for slide in prs.slides]
    grown = {size for size in _sizes(body[0]) if size}
    assert grown and min(grown) > 18.0
    assert not [f for f in fitter.findings if f.overflow_pt > 0]


def _cell_sizes(frame) -> list[float]:
    return [run.font.size.pt if run.font.size else Pt(0).pt for p in frame.paragraphs for run in p.runs]
