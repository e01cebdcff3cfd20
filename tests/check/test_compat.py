"""Compatibility: a reduced sample season builds on the project's master and on both
templates in ../shared/templates-in-the-wild/ (with their profiles in tests/profiles/),
and every deck passes the full check, schema included."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from generator.build.pipeline import BuildOptions, build_season
from generator.check import check_deck

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SEASON = ROOT / "decks" / "fw26"
WILD = ROOT.parent / "shared" / "templates-in-the-wild"
PROFILES = ROOT / "tests" / "profiles"
MX_RETAILER = "004101"  # Casa Sierra Madre, Ciudad de México (es)
MASTERS = {
    "orvelle": (None, None),
    "bdo-pptx": (WILD / "bdo-science-16x9.pptx", PROFILES / "bdo-science-16x9.profile.yaml"),
    "nyu-potx": (WILD / "nyu-shanghai-unofficial.potx", PROFILES / "nyu-shanghai-unofficial.profile.yaml"),
}
_CONTINUED = re.compile(r"\s*\(\w+\)$")  # "(continued)", "(suite)", "(continuación)"


def _needs_wild(name: str) -> None:
    template = MASTERS[name][0]
    if template is not None and not template.exists():
        pytest.skip(f"{template} is missing (the shared templates-in-the-wild folder is not checked out)")


@pytest.fixture(scope="module", params=list(MASTERS))
def built(request, tmp_path_factory):
    """Return (master name, BuildResult, out dir) of the MX market meeting and one MX kit on a master."""
    _needs_wild(request.param)
    template, profile = MASTERS[request.param]
    out = tmp_path_factory.mktemp(f"compat-{request.param}")
    options = BuildOptions(out_dir=out, regions=("MX",), only=("market-meeting", "retailer-kit"),
                           retailers=(MX_RETAILER,), template=template, profile=profile)
    return request.param, build_season(SAMPLE_SEASON, options), out


def _titles(deck: Path) -> list[str]:
    """Return the distinct slide titles of ``deck`` in order, continuation slides folded in."""
    titles: list[str] = []
    for slide in Presentation(deck).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        title = _CONTINUED.sub("", title)
        if not titles or titles[-1] != title:
            titles.append(title)
    return titles


def test_reduced_season_builds_both_deck_kinds(built):
    _, result, out = built
    assert sorted(d.job.output for d in result.decks) == ["es/004101-partner-kit.pptx", "es/MX-market-meeting.pptx"]
    for deck in result.decks:
        assert len(Presentation(out / deck.job.output).slides) == deck.slides > 10


def test_every_deck_passes_the_full_check(built):
    _, result, out = built
    for deck in result.decks:
        assert check_deck(out / deck.job.output, schema=True) == [], deck.job.output


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """Return the MX market meeting built on the project's own master."""
    out = tmp_path_factory.mktemp("compat-reference")
    build_season(SAMPLE_SEASON, BuildOptions(out_dir=out, regions=("MX",), only=("market-meeting",)))
    return out / "es" / "MX-market-meeting.pptx"


def test_foreign_masters_keep_every_slide_of_the_project_master(built, reference):
    _, _, out = built
    assert _titles(out / "es" / "MX-market-meeting.pptx") == _titles(reference)


def test_text_stays_in_the_templates_placeholders(built):
    """Titles are the layout's own title placeholder (template fonts/colours), never a kitgen text box."""
    _, _, out = built
    for slide in Presentation(out / "es" / "MX-market-meeting.pptx").slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip()
        for shape in slide.placeholders:  # no empty placeholder left to show "Click to add text"
            assert shape.has_text_frame is False or shape.text_frame.text.strip(), shape.name


def test_pictures_stay_inside_the_slide_and_keep_their_aspect(built):
    _, _, out = built
    prs = Presentation(out / "es" / "004101-partner-kit.pptx")
    for slide in prs.slides:
        for shape in slide.shapes:
            assert 0 <= shape.left and shape.left + shape.width <= prs.slide_width, shape.name
            assert 0 <= shape.top and shape.top + shape.height <= prs.slide_height, shape.name
            if shape.shape_type == 13 and shape.name.startswith("Image"):  # campaign visuals, not charts
                width, height = shape.image.size
                assert shape.width / shape.height == pytest.approx(width / height, rel=0.02)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_renders_one_page_per_slide(built):
    _, _, out = built
    assert check_deck(out / "es" / "004101-partner-kit.pptx", schema=False, render=True) == []


def test_table_columns_are_wide_enough_for_their_longest_word():
    from generator.fill.shapes import Look, cell_style, column_widths
    from generator.fit.fonts import metrics
    from generator.resolve.content import TableContent

    look = Look("#101B2D", "#B08D57", "#F6F1E8", "#A39E93", "#5B6472", "#3E7B58", "#A23B3B", "Calibri", "Calibri")
    table = TableContent(("Activation", "Spend", "Return"),
                         (("Ombrelune counter display refresh in every flagship door", "$254,000", "5.1×"),),
                         (False, True, True))
    style = cell_style(look)
    widths = column_widths(table, 3_000_000, style)
    assert sum(widths) == 3_000_000
    need = metrics("Calibri", True).width("Return", style.size) * 12_700
    assert widths[2] > need and widths[1] > metrics("Calibri").width("$254,000", style.size) * 12_700
    assert column_widths(table, 3_000_000)[2] < need  # content-length weights alone would break "Return"
