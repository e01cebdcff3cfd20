"""Template profiles: loading, validation and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.spec.profile import ROLE_SLOTS, TemplateProfile, load_profile

PROFILES = Path(__file__).parents[1] / "profiles"

VALID = """\
template: deck.pptx
fit:
  min_scale: 0.7
roles:
  title:    {layout: "Title Slide", slots: {title: 0, subtitle: 1}}
  section:  {layout: "Section Header", slots: {title: 0, subtitle: 1}}
  bullets:  {layout: "Title and Content", slots: {title: 0, body: 1}}
  chart:    {layout: "Title Only", slots: {title: 0}}
  two-content: {layout: "Two Content", slots: {title: 0, left: 1, right: 2}}
  table:    {layout: "Title Only", slots: {title: 0}}
  kpi:      {layout: "Title Only", slots: {title: 0}}
  picture:  {layout: "Picture with Caption", slots: {title: 0, picture: "Picture Placeholder 2", caption: 2}}
  closing:  {layout: "Title Slide", slots: {title: 0, subtitle: 1}}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deck.profile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(SpecError) as info:
        load_profile(write(tmp_path, text))
    return str(info.value)


def test_valid_profile_loads_with_slot_idx_and_names(tmp_path):
    profile = load_profile(write(tmp_path, VALID))
    assert profile.fit.min_scale == 0.7
    assert profile.roles["picture"].slots == {"title": 0, "picture": "Picture Placeholder 2", "caption": 2}
    assert profile.roles["chart"].slots == {"title": 0}
    assert profile.template_path() == tmp_path / "deck.pptx"


def test_min_scale_defaults_to_0_8(tmp_path):
    profile = load_profile(write(tmp_path, VALID.replace("fit:\n  min_scale: 0.7\n", "")))
    assert profile.fit.min_scale == 0.8


def test_missing_layout_points_at_the_role_line(tmp_path):
    text = VALID.replace('chart:    {layout: "Title Only", slots: {title: 0}}', "chart:    {slots: {title: 0}}")
    message = errors_of(tmp_path, text)
    assert f"{tmp_path / 'deck.profile.yaml'}:8:3: roles.chart.layout: field required" in message


def test_role_typo_suggests_the_role(tmp_path):
    message = errors_of(tmp_path, VALID.replace("  bullets:", "  bulets:"))
    assert ":7:3: roles.bulets: unknown role 'bulets' (did you mean 'bullets'?)" in message


def test_missing_role_is_reported(tmp_path):
    text = "\n".join(line for line in VALID.splitlines() if not line.startswith("  kpi:"))
    assert "missing role(s): kpi" in errors_of(tmp_path, text)


def test_unknown_slot_names_the_allowed_ones(tmp_path):
    message = errors_of(tmp_path, VALID.replace("slots: {title: 0, body: 1}", "slots: {title: 0, text: 1}"))
    assert "roles.bullets.slots: unknown slot(s) text; bullets has title, body" in message
    assert ":7:" in message


@pytest.mark.parametrize("value", ["0.3", "1.5"])
def test_min_scale_out_of_range(tmp_path, value):
    message = errors_of(tmp_path, VALID.replace("min_scale: 0.7", f"min_scale: {value}"))
    assert ":3:3: fit.min_scale:" in message


def test_unknown_top_level_key_is_refused(tmp_path):
    assert "colour: extra inputs are not permitted" in errors_of(tmp_path, "colour: red\n" + VALID)


def test_not_a_mapping(tmp_path):
    assert "a profile must be a mapping" in errors_of(tmp_path, "- just\n- a list\n")


def test_yaml_syntax_error_is_located(tmp_path):
    message = errors_of(tmp_path, VALID.replace("{title: 0, body: 1}}", "{title: 0, body: 1}"))
    assert "deck.profile.yaml:" in message


def test_role_slots_cover_every_role():
    assert set(ROLE_SLOTS) == set(TemplateProfile.model_fields["roles"].annotation.__args__[0].__args__)


@pytest.mark.parametrize("name", ["bdo-science-16x9", "nyu-shanghai-unofficial"])
def test_committed_foreign_profiles_parse(name):
    profile = load_profile(PROFILES / f"{name}.profile.yaml")
    assert profile.template_path().name.startswith(name)
    assert set(profile.roles) == set(ROLE_SLOTS)


def test_min_box_per_role_in_inches(tmp_path):
    text = VALID.replace("  min_scale: 0.7\n", "  min_scale: 0.7\n  min_box: {bullets: [3, 1.6]}\n")
    profile = load_profile(write(tmp_path, text))
    assert profile.fit.min_box == {"bullets": (3.0, 1.6)}
    assert load_profile(write(tmp_path, VALID)).fit.min_box == {}


def test_min_box_errors_are_located_with_the_shape_of_a_box(tmp_path):
    boxes = "  min_box: {bulets: [3, 1.6], kpi: [4], chart: [0, 1]}\n"
    text = VALID.replace("  min_scale: 0.7\n", "  min_scale: 0.7\n" + boxes)
    message = errors_of(tmp_path, text)
    hint = "(a minimum box is [width, height] in inches, e.g. [3.0, 1.6])"
    assert ":4:13: fit.min_box.bulets: unknown role 'bulets' (did you mean 'bullets'?)" in message
    assert f":4:31: fit.min_box.kpi[1]: field required {hint}" in message
    assert f":4:49: fit.min_box.chart[0]: input should be greater than 0 {hint}" in message
