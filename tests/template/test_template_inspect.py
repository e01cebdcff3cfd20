"""`kitgen template inspect`: layout table, profile marks and starter profiles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pptx import Presentation

from generator.commands.template import template_group
from generator.spec.profile import DEFAULT_MIN_BOX, ROLE_SLOTS, load_profile
from generator.template import load_master
from generator.template.inspect import format_inspection, inspect_template
from generator.template.propose import propose_profile

WILD = Path(__file__).parents[3] / "shared" / "templates-in-the-wild"
WILD_FILES = ["bdo-science-16x9.pptx", "nyu-shanghai-unofficial.potx"]
wild = pytest.mark.skipif(not WILD.is_dir(), reason=f"templates made by others not found at {WILD}")


def run(*args: str):
    return CliRunner().invoke(template_group, list(args))


@pytest.fixture
def default_pptx(tmp_path) -> Path:
    path = tmp_path / "house.pptx"
    Presentation().save(path)
    return path


def test_inspect_lists_layouts_and_placeholders(default_pptx):
    result = run("inspect", str(default_pptx))
    assert result.exit_code == 0, result.output
    assert "'Title and Content'" in result.output and "Content Placeholder 2" in result.output
    assert "10.00 x 7.50 in" in result.output and "Calibri (headings)" in result.output
    assert "roles:" not in result.output


def test_inspect_marks_roles_from_a_sibling_profile(default_pptx):
    starter = propose_profile(inspect_template(default_pptx), default_pptx.name)
    default_pptx.with_name("house.profile.yaml").write_text(starter, encoding="utf-8")
    result = run("inspect", str(default_pptx))
    assert result.exit_code == 0, result.output
    assert "'Two Content'  <- roles: two-content (title=0, left=1, right=2)" in result.output
    assert "Profile roles:" in result.output


def test_inspect_starter_profile_on_stdout(default_pptx):
    result = run("inspect", "--profile", str(default_pptx))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.output)
    assert data["template"] == "house.pptx" and set(data["roles"]) == set(ROLE_SLOTS)
    assert data["roles"]["title"] == {"layout": "Title Slide", "slots": {"title": 0, "subtitle": 1}}
    assert data["roles"]["picture"]["slots"] == {"title": 0, "picture": 1, "caption": 2}


def test_inspect_refuses_a_bad_file_without_traceback(tmp_path):
    bad = tmp_path / "bad.pptx"
    bad.write_text("not a deck")
    result = run("inspect", str(bad))
    assert result.exit_code == 1
    assert "not a valid zip" in result.output and "Traceback" not in result.output


def test_placeholder_info_in_inches(default_pptx):
    info = inspect_template(default_pptx)
    title = info.layouts[0].title
    assert title.type == "ctrTitle" and title.inches == (0.75, 2.33, 8.5, 1.61)


@wild
@pytest.mark.parametrize("name", WILD_FILES)
def test_starter_profile_for_wild_templates_loads(tmp_path, name):
    template = WILD / name
    result = run("inspect", "--profile", str(template))
    assert result.exit_code == 0, result.output
    profile_path = tmp_path / "starter.profile.yaml"
    profile_path.write_text(result.output.replace(f'"{name}"', f'"{template}"', 1), encoding="utf-8")
    profile = load_profile(profile_path)
    master = load_master(profile.template_path(), profile)  # every role's box at least its fit.min_box
    assert all(master.slot_box(role, "title") for role in ROLE_SLOTS)
    assert profile.fit.min_box == DEFAULT_MIN_BOX


@wild
def test_wild_inspection_shows_standard_layouts_and_potx():
    bdo = format_inspection(inspect_template(WILD / "bdo-science-16x9.pptx"), None)
    assert bdo.count("\n 1. ") == 1 and "11. 'Vertical Title and Text'" in bdo
    nyu = run("inspect", str(WILD / "nyu-shanghai-unofficial.potx"))
    assert nyu.exit_code == 0 and "Verdana (headings)" in nyu.output


@wild
def test_committed_profile_marks_roles():
    profile = load_profile(Path(__file__).parents[1] / "profiles" / "bdo-science-16x9.profile.yaml")
    text = format_inspection(inspect_template(profile.template_path()), profile)
    assert "'Title Only'  <- roles: chart (title=0), table (title=0), kpi (title=0)" in text


ORVELLE = Path(__file__).parents[2] / "templates" / "orvelle_master.pptx"


@pytest.mark.skipif(not ORVELLE.is_file(), reason="templates/orvelle_master.pptx not built yet")
def test_starter_profile_for_the_house_master_matches_its_profile():
    starter = yaml.safe_load(propose_profile(inspect_template(ORVELLE), ORVELLE.name))
    committed = load_profile(ORVELLE.with_name("orvelle_master.profile.yaml"))
    assert {role: m.model_dump() for role, m in committed.roles.items()} == starter["roles"]
