"""Slide keys (only changed slides are rendered again) and the cut-down deck sent to LibreOffice."""

from __future__ import annotations

from io import BytesIO

from pptx import Presentation

from generator.build import BuildOptions, build_season
from generator.serve.render import SlideRenderer
from generator.serve.slides import deck_slides, slides_only
from serve_helpers import project, review_project  # noqa: F401 -- fixtures

CA = "en/CA-market-meeting.pptx"


def test_a_title_change_changes_that_slide_key_only(project):
    before = deck_slides((project.out / CA).read_bytes())
    project.edit("title: Agenda\n", "title: Agenda for the partners\n")
    build_season(project.season, BuildOptions(project.out, only=("market-meeting",), regions=("CA",),
                                              languages=("en",)))
    after = deck_slides((project.out / CA).read_bytes())
    assert [s.title for s in after][:2] == ["Fall-Winter 2026 Market\u00a0Meeting", "Agenda for the\u00a0partners"]
    changed = [a.number for a, b in zip(after, before) if a.key != b.key]
    assert changed == [2]


def test_slide_keys_differ_by_number_even_for_the_same_content(review_project):
    slides = deck_slides((review_project.out / CA).read_bytes())
    assert len({s.key for s in slides}) == len(slides)


def test_the_cut_down_deck_shows_only_the_slides_asked_for_in_place(review_project):
    data = (review_project.out / CA).read_bytes()
    cut = Presentation(BytesIO(slides_only(data, {2, 6})))
    shown = [n for n, s in enumerate(cut.slides, 1) if s._element.get("show") != "0"]
    assert shown == [2, 6] and len(cut.slides) == len(Presentation(BytesIO(data)).slides)
    hidden = cut.slides[0]
    assert len(hidden.shapes) == 0 and all(r.reltype.endswith("/slideLayout") for r in hidden.part.rels.values())
    assert cut.slides[5].shapes.title.text_frame.text == "Sell-out: -3.9% against last\u00a0year"  # the message
    assert len(slides_only(data, {2})) < len(data) / 3  # pictures of the other slides are left out


def test_without_libreoffice_the_renderer_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr("generator.serve.render.shutil.which", lambda name: None)
    renderer = SlideRenderer()
    renderer.start()
    assert renderer.state == "missing"
    assert renderer.hint == ("LibreOffice (soffice), pdftoppm not found: slide pictures need LibreOffice and poppler: "
                             "apt-get install -y libreoffice-impress python3-uno poppler-utils, "
                             "then restart kitgen serve")
