"""Determinism: the same inputs give byte-identical decks, with core properties taken from
the season (never the clock, never the template's author)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from generator.build.pipeline import BuildOptions, build_season

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SEASON = ROOT / "decks" / "fw26"
WILD_TEMPLATE = ROOT.parent / "shared" / "templates-in-the-wild" / "bdo-science-16x9.pptx"
WILD_PROFILE = ROOT / "tests" / "profiles" / "bdo-science-16x9.profile.yaml"
WILD_AUTHORS = ("Jesse Rosenthal", "Vaisvil")  # who saved the foreign template: must not leak into decks


def _build(out: Path, template: Path | None = None, profile: Path | None = None) -> dict[str, str]:
    """Return {deck: sha256} of a reduced sample-season build into ``out``."""
    options = BuildOptions(out_dir=out, regions=("MX",), only=("market-meeting", "retailer-kit"),
                           retailers=("004101",), template=template, profile=profile)
    result = build_season(SAMPLE_SEASON, options)
    return {d.job.output: hashlib.sha256((out / d.job.output).read_bytes()).hexdigest() for d in result.decks}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Return the sha256 maps of two independent builds and the first build's folder."""
    first, second = tmp_path_factory.mktemp("det-1"), tmp_path_factory.mktemp("det-2")
    return _build(first), _build(second), first


def test_two_builds_give_identical_decks(two_builds):
    first, second, _ = two_builds
    assert len(first) == 2 and first == second


def test_core_properties_come_from_the_season(two_builds):
    _, _, out = two_builds
    props = Presentation(out / "es" / "MX-market-meeting.pptx").core_properties
    assert props.author == props.last_modified_by == "Maison Orvelle"
    assert props.title.endswith("2026: México")  # the deck's own localized title
    assert props.modified.date().isoformat() == "2026-07-01"  # the season start, not the build day
    assert props.created == props.modified and props.revision == 1
    assert props.language == "es-MX"
    assert props.subject == "Otoño-Invierno 2026 (OI26)"  # the season as a Spanish reader names it, not "FW26 market-meeting"


def test_zip_members_have_fixed_timestamps_and_order(two_builds):
    _, _, out = two_builds
    with zipfile.ZipFile(out / "es" / "MX-market-meeting.pptx") as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.skipif(not WILD_TEMPLATE.exists(), reason="../shared/templates-in-the-wild is not checked out")
def test_foreign_master_builds_are_identical_and_leak_no_template_author(tmp_path):
    first = _build(tmp_path / "a", WILD_TEMPLATE, WILD_PROFILE)
    assert first == _build(tmp_path / "b", WILD_TEMPLATE, WILD_PROFILE)
    with zipfile.ZipFile(tmp_path / "a" / "es" / "MX-market-meeting.pptx") as package:
        text = b"".join(package.read(name) for name in package.namelist() if name.endswith((".xml", ".rels")))
    assert not any(author.encode() in text for author in WILD_AUTHORS)
    assert b"<dc:creator>Maison Orvelle</dc:creator>" in text
