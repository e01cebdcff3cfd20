"""A chart or table without rows is filled as its note: body text in the content box, never an empty frame."""

from __future__ import annotations

import pytest
from conftest import MASTER, MASTER_PROFILE
from test_fill import LOOK, _box, _inside

from generator.fill import fill_deck
from generator.resolve.content import BlockContent, SlideContent
from generator.spec.profile import load_profile
from generator.template import load_master

NOTE = "Aucune boutique n’a reculé en novembre."
SLIDES = [
    SlideContent("table", title="Plus fortes baisses", empty_note=NOTE),
    SlideContent("chart", title="Ventes", empty_note=NOTE, caption="Ventes mensuelles"),
    SlideContent("kpi", title="Alertes", empty_note=NOTE),
    SlideContent("two-content", title="Mix", left=BlockContent("Part", empty_note=NOTE),
                 right=BlockContent("Contacts", bullets=("Isabelle",), empty_note=NOTE)),
]


@pytest.fixture(scope="module")
def master():
    return load_master(MASTER, load_profile(MASTER_PROFILE))


@pytest.fixture(scope="module")
def deck(master):
    def draw(chart, box):
        raise AssertionError("no chart to draw")

    return fill_deck(master, SLIDES, LOOK, "fr-CA", draw)


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text]


@pytest.mark.parametrize("number, slot", [(0, "table"), (1, "chart")])
def test_a_note_replaces_the_table_or_chart_placeholder(deck, master, number, slot):
    slide, role = deck.slides[number], SLIDES[number].role
    (note,) = [shape for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text == NOTE]
    assert not note.is_placeholder and _inside(_box(note), master.slot_area(role, slot))
    assert not any(shape.has_table or shape.has_chart for shape in slide.shapes)
    assert all(shape.placeholder_format.idx != 13 for shape in slide.placeholders)  # no empty table or chart frame
    assert {run.font._rPr.get("lang") for p in note.text_frame.paragraphs for run in p.runs} == {"fr-CA"}


def test_the_chart_slide_keeps_its_caption(deck):
    assert sorted(_texts(deck.slides[1])) == sorted(["Ventes", NOTE, "Ventes mensuelles"])


def test_a_kpi_slide_without_tiles_shows_its_note(deck):
    assert _texts(deck.slides[2]) == ["Alertes", NOTE]


def test_a_side_shows_its_note_under_its_heading_and_bullets(deck):
    assert _texts(deck.slides[3]) == ["Mix", f"Part\n{NOTE}", f"Contacts\nIsabelle\n{NOTE}"]
