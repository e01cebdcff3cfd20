"""kitgen preview: decks grouped across languages, one HTML sheet with EN | FR | ES columns,
slide pictures linked relatively, overflowing text marked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Inches, Pt

from generator.cli import cli
import generator.delivery.preview as preview_module
from generator.delivery.preview import SheetRow, group_decks, measured_findings, sheet_html
from generator.errors import ToolMissingError

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                                   reason="LibreOffice (soffice) and pdftoppm are needed to render previews")


def _deck(path: Path, texts: list[str], box_height_in: float = 1.5) -> Path:
    """Write a tiny deck with one text box per slide."""
    prs = Presentation()
    for text in texts:
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(box_height_in))
        box.text_frame.word_wrap = True
        run = box.text_frame.paragraphs[0].add_run()
        run.text, run.font.size, run.font.name = text, Pt(18), "Calibri"
    path.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(path))
    return path


def _season_decks(root: Path) -> list[Path]:
    long = "Réunion de marché " * 30  # far more than a 4 in x 1.5 in box holds
    return [_deck(root / "es" / "mm.pptx", ["Reunión de mercado", "Ventas"]),
            _deck(root / "en" / "mm.pptx", ["Market meeting", "Sales"]),
            _deck(root / "fr" / "mm.pptx", ["Réunion de marché", long])]


def test_decks_group_by_name_in_en_fr_es_order(tmp_path):
    groups = group_decks(_season_decks(tmp_path))
    assert list(groups) == ["mm"] and [d.language for d in groups["mm"]] == ["en", "fr", "es"]


def test_overflow_is_measured_in_a_deck_without_manifest(tmp_path):
    fr = _season_decks(tmp_path)[2]
    found = measured_findings(fr)
    assert list(found) == [2] and "overflows by" in found[2][0]


def test_sheet_marks_findings_with_a_badge():
    rows = [SheetRow(1, {"en": "mm/en-001.png", "fr": "mm/fr-001.png"}, {"en": [], "fr": ["'body' overflows by 0.42 in"]})]
    page = sheet_html("mm", ["en", "fr"], rows)
    assert '<td class="overflow">' in page and "badge\">&#x27;body&#x27; overflows by 0.42 in" in page
    assert '<img src="mm/en-001.png"' in page


def test_missing_libreoffice_is_a_tool_error_with_the_install_hint(monkeypatch):
    monkeypatch.setattr(preview_module.shutil, "which", lambda name: None)
    with pytest.raises(ToolMissingError, match="apt-get install libreoffice"):
        preview_module.require_tool("soffice")


@needs_soffice
def test_preview_writes_a_side_by_side_sheet(tmp_path):
    decks = _season_decks(tmp_path / "build")
    result = CliRunner().invoke(cli, ["preview", *map(str, decks), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    sheet = tmp_path / "out" / "preview" / "mm.html"
    page = sheet.read_text("utf-8")
    assert re.findall(r"<th>(EN|FR|ES)</th>", page) == ["EN", "FR", "ES"]
    assert len(re.findall(r"<tr><th>\d+</th>", page)) == 2
    pictures = re.findall(r'<img src="([^"]+)"', page)
    assert len(pictures) == 6 and all((sheet.parent / p).is_file() for p in pictures)
    assert page.count('class="overflow"') == 1 and "fr-002.png" in page.split('class="overflow"')[1]
