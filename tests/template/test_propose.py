"""Starter profiles for masters made elsewhere: layouts chosen by name, type and box size."""

from __future__ import annotations

import pytest
import yaml

from generator.geometry import EMU_PER_INCH
from generator.spec.profile import DEFAULT_MIN_BOX, load_profile
from generator.template import load_master
from generator.template.inspect import inspect_template
from generator.template.propose import normalized, propose_profile
from generator.tools.google_master import build_google_master


@pytest.fixture(scope="module")
def google(tmp_path_factory):
    path = build_google_master(tmp_path_factory.mktemp("google") / "google-slides-style.pptx")
    text = propose_profile(inspect_template(path), path.name)
    return text, yaml.safe_load(text)["roles"]


def test_exported_layout_names_read_as_words():
    assert normalized("TITLE_AND_BODY_1_2") == "title and body"
    assert normalized("Title Slide") == "title slide"


def test_title_and_closing_get_the_title_layout_with_its_subtitle(google):
    _, roles = google
    assert roles["title"] == {"layout": "TITLE_1", "slots": {"title": 0, "subtitle": 1}}
    assert roles["closing"]["layout"] == "TITLE_1"


def test_a_section_layout_without_a_subtitle_box_is_said_and_replaced(google):
    text, roles = google
    assert roles["section"] == {"layout": "TITLE_1", "slots": {"title": 0, "subtitle": 1}}
    assert ("# section: 'MAIN_POINT_1' has no box for the section subtitle: section slides use the title layout "
            "'TITLE_1' instead, so subtitles show") in text


def test_content_roles_never_get_a_box_too_small(google):
    text, roles = google
    assert roles["bullets"]["layout"] == roles["kpi"]["layout"] == "TITLE_AND_BODY_1_2"
    assert roles["two-content"]["layout"] == "TITLE_AND_TWO_COLUMNS_1"
    assert {roles[r]["layout"] for r in ("chart", "table", "picture")} == {"TITLE_ONLY_1"}  # not MAIN_POINT's 1.1 in
    assert "# chart: no layout has a chart box: 'TITLE_ONLY_1' with the content in its content area" in text


def test_the_proposal_says_its_minimum_boxes_and_the_master_loads_with_them(tmp_path):
    path = build_google_master(tmp_path / "google-slides-style.pptx")
    (tmp_path / "google.profile.yaml").write_text(propose_profile(inspect_template(path), path.name), encoding="utf-8")
    profile = load_profile(tmp_path / "google.profile.yaml")
    assert profile.fit.min_box == DEFAULT_MIN_BOX
    assert load_master(path, profile).slot_box("bullets", "body").width >= 3.0 * EMU_PER_INCH
