"""kitgen diff: decks and builds compared slide by slide; CLI exit codes like diff(1)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Inches

from generator.cli import cli
from generator.delivery.diff import chart_items, diff_paths

ROOT = Path(__file__).resolve().parents[2]
PICTURE = ROOT / "brand_assets" / "logo.png"


def _deck(path: Path, slides: list[tuple[str, str, str]]) -> Path:
    """Write a deck with one title-only slide per (title, text, chart alt text)."""
    prs = Presentation()
    for title, text, chart in slides:
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = title
        slide.shapes.add_textbox(Inches(1), Inches(2), Inches(4), Inches(1)).text_frame.text = text
        picture = slide.shapes.add_picture(str(PICTURE), Inches(1), Inches(3), Inches(2))
        picture._element.nvPicPr.cNvPr.set("descr", chart)
    prs.save(str(path))
    return path


OLD = [("Highlights", "Sell-out grew in every region", "Bar chart: FW26: Jul $1.2M, Aug $900K."),
       ("Stock", "Stock cover of 12 weeks", "Line chart: Cover: Jul 10, Aug 12.")]
NEW = [("Highlights", "Sell-out grew in most regions", "Bar chart: FW26: Jul $1.2M, Aug $950K."),
       ("Training", "Four sessions per door", "Bar chart: Sessions: Jul 2, Aug 2."),
       ("Stock", "Stock cover of 14 weeks", "Line chart: Cover: Jul 10, Aug 12.")]


def test_diff_finds_added_slide_changed_text_number_and_chart(tmp_path: Path):
    changes = diff_paths(_deck(tmp_path / "old.pptx", OLD), _deck(tmp_path / "new.pptx", NEW))
    found = {(c.kind, c.where.split(" slide ")[1]): c.detail for c in changes}
    assert found[("slide added", "2 'Training'")] == ""
    assert "in most regions" in found[("text", "1 'Highlights'")]
    assert found[("number", "3 'Stock'")] == "'Stock cover of 12 weeks' -> 'Stock cover of 14 weeks'"
    assert found[("chart", "1 'Highlights'")] == "FW26: Aug $900K -> FW26: Aug $950K"
    assert len(changes) == 4


def test_identical_decks_have_no_differences(tmp_path: Path):
    assert diff_paths(_deck(tmp_path / "a.pptx", OLD), _deck(tmp_path / "b.pptx", OLD)) == []


def test_builds_compare_deck_sets(tmp_path: Path):
    for build in ("old", "new"):
        (tmp_path / build / "en").mkdir(parents=True)
        _deck(tmp_path / build / "en" / "CA.pptx", OLD)
    _deck(tmp_path / "new" / "en" / "MX.pptx", NEW)
    changes = diff_paths(tmp_path / "old", tmp_path / "new")
    assert [(c.kind, c.where) for c in changes] == [("deck added", "en/MX.pptx")]


def test_chart_items_keep_series_and_dates():
    assert chart_items("Timeline: Launch: Jul 1, 2026 – Sep 30, 2026; Press: Aug 12, 2026 – Aug 16, 2026.") == [
        "Launch: Jul 1, 2026 – Sep 30, 2026", "Press: Aug 12, 2026 – Aug 16, 2026"]


def test_cli_exit_codes(tmp_path: Path):
    old, new = _deck(tmp_path / "old.pptx", OLD), _deck(tmp_path / "new.pptx", NEW)
    same = tmp_path / "same.pptx"
    shutil.copy(old, same)
    runner = CliRunner()
    assert runner.invoke(cli, ["diff", str(old), str(same)]).exit_code == 0
    differ = runner.invoke(cli, ["diff", str(old), str(new)])
    assert differ.exit_code == 1 and "slide added" in differ.output
    mixed = runner.invoke(cli, ["diff", str(old), str(tmp_path)])
    assert mixed.exit_code == 2 and "two build folders or two decks" in mixed.output
    (tmp_path / "broken.pptx").write_bytes(b"not a zip")
    assert runner.invoke(cli, ["diff", str(old), str(tmp_path / "broken.pptx")]).exit_code == 2
