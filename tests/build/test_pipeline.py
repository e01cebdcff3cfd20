"""End to end: build a reduced sample season once (conftest ``reduced_build``) and check every deck.

Decks are compared by a normalized outline (layout, shape kinds, texts), never by bytes.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from conftest import MASTER, MASTER_PROFILE, QUEBEC_RETAILER, SAMPLE_SEASON
from pptx import Presentation
from pptx.oxml.ns import qn

from generator.check import check_deck
from generator.fill.shapes import is_empty_placeholder
from generator.geometry import Box
from generator.spec.profile import load_profile
from generator.template import load_master

EXPECTED = {"en/CA-market-meeting.pptx", "fr/CA-market-meeting.pptx", "es/MX-market-meeting.pptx",
            "en/CA-monthly-call-2026-12.pptx", "fr/CA-monthly-call-2026-12.pptx", "es/MX-monthly-call-2026-12.pptx",
            f"fr/{QUEBEC_RETAILER}-partner-kit.pptx", f"en/{QUEBEC_RETAILER}-partner-kit.pptx"}
ES_MONTHS = ("jul", "ago", "sep", "oct", "nov", "dic")
FR_AMOUNT = re.compile(r"^\d[\d\u00a0]*(,\d)?\u00a0(k|M|G)?\s?\$$")


def shape_kind(shape) -> str:
    """Return a stable name for what a shape is (placeholder, picture, table, box)."""
    if shape.is_placeholder:
        return "placeholder"
    if shape._element.tag == qn("p:pic"):
        return "picture"
    return "table" if shape.has_table else ("textbox" if shape.shape_type == 17 else "shape")


def outline(prs) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Return per slide (layout name, sorted shape kinds, texts of its text shapes)."""
    return [(slide.slide_layout.name, tuple(sorted(shape_kind(s) for s in slide.shapes)),
             tuple(s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text))
            for slide in prs.slides]


@pytest.fixture(scope="module")
def decks(reduced_build):
    """Return {output path: (BuiltDeck, reopened Presentation)}."""
    result, out = reduced_build
    return {d.job.output: (d, Presentation(io.BytesIO((out / d.job.output).read_bytes()))) for d in result.decks}


@pytest.fixture(scope="module")
def master():
    return load_master(MASTER, load_profile(MASTER_PROFILE))


def test_every_planned_deck_is_written(reduced_build, decks):
    result, out = reduced_build
    assert set(decks) == EXPECTED
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["en", "es", "fr", "manifest.json"]
    assert not list(out.glob(".kitgen-staging-*"))


def test_slide_count_equals_resolved_slides(decks):
    for built, prs in decks.values():
        assert len(prs.slides) == built.slides == len(built.layouts)


def test_layouts_follow_the_roles(decks, master):
    for built, prs in decks.values():
        names = [layout for layout, _, _ in outline(prs)]
        assert names == [master.profile.roles[role].layout for role in built.layouts]
        assert names[0] == "Orvelle Title" and names[-1] == "Orvelle Closing"
    used = {layout for _, prs in decks.values() for layout, _, _ in outline(prs)}
    assert used == {m.layout for m in master.profile.roles.values()}


def test_languages_share_one_structure(decks):
    shapes = lambda name: [(layout, kinds) for layout, kinds, _ in outline(decks[name][1])]  # noqa: E731
    assert shapes("en/CA-market-meeting.pptx") == shapes("fr/CA-market-meeting.pptx")
    assert shapes(f"en/{QUEBEC_RETAILER}-partner-kit.pptx") == shapes(f"fr/{QUEBEC_RETAILER}-partner-kit.pptx")


def test_french_amounts_use_non_breaking_spaces(decks):
    _, prs = decks["fr/CA-market-meeting.pptx"]
    kpi = next(slide for slide in prs.slides if slide.slide_layout.name == "Orvelle KPI")
    values = [s.text_frame.paragraphs[1].text for s in kpi.shapes if not s.is_placeholder]
    assert FR_AMOUNT.match(values[0]), values
    assert values[1].endswith("\u00a0%")


def test_spanish_month_names(decks):
    _, prs = decks["es/MX-market-meeting.pptx"]
    alts = [p._element.nvPicPr.cNvPr.get("descr") for slide in prs.slides for p in slide.shapes
            if p._element.tag == qn("p:pic")]
    trend = next(a for a in alts if "jul" in a)
    assert all(month in trend for month in ES_MONTHS), trend
    cells = [c.text for slide in prs.slides for s in slide.shapes if s.has_table for row in s.table.rows
             for c in row.cells]
    assert any(re.search(r"\d de (julio|agosto|septiembre|octubre|noviembre|diciembre) de 2026", c) for c in cells)


def test_charts_fill_the_chart_box(decks, master):
    from generator.fill.sources import source_box

    box, _ = source_box(master.slot_box("chart", "chart"), "Source")  # less the source note's strip at its foot
    for built, prs in decks.values():
        charts = [p for slide in prs.slides if slide.slide_layout.name == "Orvelle Chart"
                  for p in slide.shapes if p._element.tag == qn("p:pic")]
        assert charts and all(Box(p.left, p.top, p.width, p.height) == box for p in charts)
        assert all(p._element.nvPicPr.cNvPr.get("descr") for p in charts)


def test_no_empty_placeholder_left(decks):
    for _, prs in decks.values():
        for slide in prs.slides:
            assert not [ph.name for ph in slide.placeholders if is_empty_placeholder(ph)]


def test_decks_pass_every_check(reduced_build):
    result, out = reduced_build
    for built in result.decks:
        assert check_deck(out / built.job.output, schema=True) == []


def test_manifest_lists_every_deck(reduced_build):
    result, out = reduced_build
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {d["file"]: (d["audience"], d["language"], d["slides"]) for d in manifest["decks"]}
    assert listed == {d.job.output: (d.job.audience, d.job.language, d.slides) for d in result.decks}
    assert listed[f"fr/{QUEBEC_RETAILER}-partner-kit.pptx"][:2] == ("retailer", "fr")
    assert listed["es/MX-market-meeting.pptx"][:2] == ("region", "es")
    assert manifest["season"] == {"code": "FW26", "name": "Fall-Winter 2026"}


def test_chart_labels_cut_off_are_reported_with_deck_and_slide_even_when_kept(tmp_path, monkeypatch):
    """Never silent: a cut-off chart is a warning naming its deck and slide, again when the deck is kept,
    and a strict build fails on it."""
    import dataclasses

    from generator import charts
    from generator.build.pipeline import BuildOptions, build_season
    from generator.errors import KitgenError

    real = charts.render_chart

    def cut_off_sell_out(request):
        chart = real(request)
        return dataclasses.replace(chart, cut_off="some labels are cut off") if request.kind == "line" else chart

    monkeypatch.setattr(charts, "render_chart", cut_off_sell_out)
    options = BuildOptions(tmp_path / "out", only=("retailer-kit",), retailers=(QUEBEC_RETAILER,), languages=("fr",))
    first = build_season(SAMPLE_SEASON, options)
    cut = [w for w in first.warnings if w.endswith("some labels are cut off")]
    assert cut and all(re.match(rf"fr/{QUEBEC_RETAILER}-partner-kit.pptx: slide \d+ '.+' \(fr-CA\): ", w) for w in cut)
    assert [w for w in build_season(SAMPLE_SEASON, options).warnings if w in cut] == cut  # kept, told again
    with pytest.raises(KitgenError, match="strict build failed"):
        build_season(SAMPLE_SEASON, dataclasses.replace(options, strict=True, force=True))
