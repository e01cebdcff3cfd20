"""The build report: offline, every link resolves, every output is linked; no thumbnails without PDFs."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE_SEASON
from delivery_helpers import copied_build, output_files, report_links

from generator.delivery import DeliveryOptions, deliver


def test_report_links_resolve_and_cover_every_output(tmp_path: Path, reduced_build):
    result = copied_build(reduced_build, tmp_path)
    delivered = deliver(SAMPLE_SEASON, result, DeliveryOptions(pdf=False))
    report = tmp_path / delivered.report
    links = report_links(report)
    assert links and all((tmp_path / link).is_file() for link in links)
    assert not any("://" in link for link in links)  # readable offline: nothing remote
    assert output_files(tmp_path) <= set(links)
    assert delivered.kits == ["kits/003102.zip"]


def test_report_shows_decks_sources_warnings_and_timings(tmp_path: Path, reduced_build):
    result = copied_build(reduced_build, tmp_path)
    result.warnings.append("3 text(s) without fr translation fell back to English")
    page = (tmp_path / deliver(SAMPLE_SEASON, result, DeliveryOptions(kits=False)).report).read_text("utf-8")
    assert "CA-market-meeting.pptx" in page and "3 text(s) without fr translation" in page
    assert "data/sales.csv" in page and "2026-" in page  # sources with their dates
    assert "<style>" in page and "<img" not in page  # inline CSS; no thumbnails without --pdf
    assert "build</td>" in page


def test_no_report_no_kits_writes_nothing(tmp_path: Path, reduced_build):
    result = copied_build(reduced_build, tmp_path)
    before = output_files(tmp_path)
    delivered = deliver(SAMPLE_SEASON, result, DeliveryOptions(kits=False, report=False))
    assert delivered.report is None and output_files(tmp_path) == before
