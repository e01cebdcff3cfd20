"""PDFs via LibreOffice: one page per slide, thumbnails in the report, PDFs in the kits; clear error without soffice."""

from __future__ import annotations

import copy
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import QUEBEC_RETAILER, SAMPLE_SEASON
from delivery_helpers import copied_build, output_files, report_links

from generator.build.pipeline import BuildResult
from generator.check.render import pdf_page_count
from generator.delivery import DeliveryOptions, deliver
from generator.delivery import pdf as pdf_module
from generator.delivery.pdf import PdfJob, convert_decks
from generator.errors import CheckError, ToolMissingError

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")


@pytest.fixture(scope="module")
def delivered(reduced_build, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf_build")
    result = copied_build(reduced_build, folder)
    return result, deliver(SAMPLE_SEASON, result, DeliveryOptions(pdf=True, pdf_processes=2))


@needs_soffice
@pytest.mark.libreoffice
def test_one_pdf_per_deck_with_one_page_per_slide(delivered):
    result, outcome = delivered
    assert sorted(outcome.pdfs) == sorted(d.job.output.replace(".pptx", ".pdf") for d in result.decks)
    for deck in result.decks:
        assert pdf_page_count(result.out_dir / deck.job.output.replace(".pptx", ".pdf")) == deck.slides
    assert "PDF conversion" in outcome.timings


@needs_soffice
@pytest.mark.libreoffice
def test_report_has_thumbnails_and_links_every_output(delivered):
    result, outcome = delivered
    links = report_links(result.out_dir / outcome.report)
    assert all((result.out_dir / link).is_file() for link in links)
    assert output_files(result.out_dir) <= set(links)
    thumbs = [link for link in links if link.startswith("report/thumbs/") and link.endswith(".png")]
    assert len(thumbs) == 3 * len(result.decks)


@needs_soffice
@pytest.mark.libreoffice
def test_kit_carries_the_pdfs(delivered):
    result, _ = delivered
    names = zipfile.ZipFile(result.out_dir / "kits" / f"{QUEBEC_RETAILER}.zip").namelist()
    assert {f"{lang}/{QUEBEC_RETAILER}-partner-kit.pdf" for lang in ("en", "fr")} <= set(names)


@needs_soffice
@pytest.mark.libreoffice
def test_unchanged_decks_keep_their_pdfs(delivered, monkeypatch):
    result, _ = delivered
    kept = [copy.copy(deck) for deck in result.decks]
    for deck in kept:
        deck.reused = True  # as an incremental build reports an unchanged deck
    converted = []
    monkeypatch.setattr("generator.delivery.deliverables.convert_decks", lambda jobs, processes: converted.extend(jobs) or [])
    again = BuildResult(result.out_dir, kept, {}, [], 0.0)
    outcome = deliver(SAMPLE_SEASON, again, DeliveryOptions(pdf=True, kits=False))
    assert converted == [] and len(outcome.pdfs) == len(kept)
    assert all((result.out_dir / link).is_file() for link in report_links(result.out_dir / outcome.report))


def test_missing_libreoffice_says_how_to_install(monkeypatch):
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    with pytest.raises(ToolMissingError, match="apt-get install -y libreoffice-impress"):
        convert_decks([PdfJob(b"", 1, "en/x.pdf")])


def test_page_count_must_match_slide_count(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("generator.check.render.shutil.which", lambda name: None)  # count page objects
    pdf = tmp_path / "0000.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >>\n2 0 obj << /Type /Page >>\n%%EOF\n")
    with pytest.raises(CheckError, match=r"en/x.pdf: 2 page\(s\) for 3 slide\(s\)"):
        pdf_module._check_pages([PdfJob(b"", 3, "en/x.pdf")], [pdf])
    pdf_module._check_pages([PdfJob(b"", 2, "en/x.pdf")], [pdf])


def test_no_decks_need_no_libreoffice():
    assert convert_decks([]) == []


def test_thumbnails_of_a_missing_tool_are_none(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    assert pdf_module.page_thumbnails(tmp_path / "x.pdf", 3) == ()
