"""Slides carried from finished decks onto the season master: parts copied once, nothing dangling."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from pptx import Presentation

from conftest import MASTER, MASTER_PROFILE, QUEBEC_RETAILER
from generator.check import check_deck
from generator.errors import TemplateError
from generator.hq import carry_slides, read_deck
from generator.spec.profile import load_profile
from generator.template import load_master
from hq_helpers import SAMPLE_HQ, WILD_DECKS, carried_deck

needs_wild = pytest.mark.skipif(not WILD_DECKS, reason="../shared/decks-in-the-wild is not here")


@pytest.fixture(scope="module")
def master():
    return load_master(MASTER, load_profile(MASTER_PROFILE))


@needs_wild
def test_carried_slides_keep_their_text_and_make_a_valid_deck(master):
    data, texts = carried_deck(master)
    assert check_deck(data, schema=False) == []
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == sum(len(Presentation(str(p)).slides) for p in WILD_DECKS + SAMPLE_HQ)
    assert [u.plain for u in read_deck(prs).units] == texts  # every paragraph, chart and SmartArt text came along
    assert {s.slide_layout.name for s in prs.slides} <= {l.name for l in master.reference.slide_layouts}


@needs_wild
def test_pictures_charts_and_diagrams_come_with_their_parts_once(master):
    data, _ = carried_deck(master)
    with zipfile.ZipFile(io.BytesIO(data)) as deck:
        names = deck.namelist()
        media = [hashlib.sha256(deck.read(n)).hexdigest() for n in names if n.startswith("ppt/media/")]
    assert len(media) == len(set(media))  # a picture used twice is stored once
    assert sum(n.startswith("ppt/charts/chart") for n in names) == 2  # line-chart's and the training's
    assert sum(n.startswith("ppt/embeddings/") for n in names) == 2  # their workbooks
    assert sum(n.startswith("ppt/diagrams/data") for n in names) == 2  # smartart-simple and geometry-lecture


def test_notes_come_along_on_the_targets_notes_page(master):
    training = next(p for p in SAMPLE_HQ if p.name == "product-training.pptx")
    target = master.new_presentation()
    [slide] = carry_slides(Presentation(str(training)), (2,), target, lambda layout: master.layout(target, "bullets"))
    assert slide.notes_slide.notes_text_frame.text == "Faites essayer la montre : le client retient ce qu'il a touché."


def test_a_slide_beyond_the_deck_is_refused(master):
    target = master.new_presentation()
    with pytest.raises(TemplateError, match="there is no slide 9 \\(the deck has 4\\)"):
        carry_slides(Presentation(str(SAMPLE_HQ[1])), (9,), target, lambda layout: master.layout(target, "bullets"))


def test_the_sample_kit_and_meeting_deck_include_the_hq_slides(reduced_build):
    _, out = reduced_build
    # a title's last two words are joined by a no-break space (no lone word on its last line)
    deck = read_deck(Presentation(str(out / "fr" / "CA-market-meeting.pptx")))
    meeting = [u.plain.replace("\u00a0", " ") for u in deck.units]
    assert "Pourquoi Solenne compte" in meeting and "La vitrine Solenne" in meeting
    kit = [u.plain for u in read_deck(Presentation(str(out / "en" / f"{QUEBEC_RETAILER}-partner-kit.pptx"))).units]
    assert {"The references", "Units per version, first quarter", "Rose gold"} <= set(kit)
