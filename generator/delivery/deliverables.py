"""Delivery after a build: PDFs beside the decks, a zip kit per retailer, the trackers and ``report.html``."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from generator.build import BuildResult, BuiltDeck
from generator.delivery.kits import Kit, KitMaker
from generator.delivery.options import DeliveryOptions, DeliveryResult
from generator.delivery.pdf import ConvertedPdf, PdfJob, convert_decks, pdf_output, reuse_pdf
from generator.delivery.report import REPORT_FILE, ReportInput, report_files
from generator.spec import Season, load_season
from generator.writer import Staging

if TYPE_CHECKING:
    from generator.delivery.trackers import Tracker

log = logging.getLogger(__name__)


def deliver(season_dir: Path, result: BuildResult, options: DeliveryOptions) -> DeliveryResult:
    """Return what was delivered for the built ``result``: PDFs, kits, trackers and report, written atomically."""
    season = result.season or load_season(season_dir)
    delivered = DeliveryResult()
    if options.pdf:
        result.read_kept_decks()  # conversion needs the bytes of the decks the build kept (kits read what they use)
    with Staging(result.out_dir) as staging:
        converted = _timed(delivered, "PDF conversion", lambda: _pdfs(result, options)) if options.pdf else {}
        for pdf in converted.values():
            delivered.pdfs.append(str(staging.write(pdf.output, pdf.data).relative_to(result.out_dir)))
        kits: list[Kit] = []
        if options.kits:
            pdf_bytes = {path: pdf.data for path, pdf in converted.items()}
            # kits made from unchanged inputs are kept as they are
            maker = KitMaker(season, result.out_dir, result.store)
            kits = _timed(delivered, "retailer kits", lambda: maker.kits(result.decks, pdf_bytes))
            for kit in kits:
                if not kit.kept:  # a kept kit is already in place
                    staging.write(kit.output, kit.data)
            delivered.kits = [k.output for k in kits]
        if options.trackers and result.store is not None:
            trackers = _timed(delivered, "trackers", lambda: _trackers(season, result))
            for tracker in trackers:
                if not tracker.kept:  # a tracker made from unchanged inputs is already in place
                    staging.write(tracker.output, tracker.data)
            delivered.trackers = [t.output for t in trackers]
            delivered.kept_trackers = sum(t.kept for t in trackers if t.output.endswith(".xlsx"))
        if options.report:
            timings = [("build", result.seconds), *delivered.timings.items()]
            given = ReportInput(result.decks, result.warnings, converted, kits, timings)
            for relative, data in report_files(season, given, result.store).items():
                staging.write(relative, data)
            delivered.report = REPORT_FILE
    return delivered


def _trackers(season: Season, result: BuildResult) -> list[Tracker]:
    from generator.delivery.trackers import make_trackers  # xlsxwriter and the checks: only when made

    return make_trackers(season, result.store, result.out_dir)


def _pdfs(result: BuildResult, options: DeliveryOptions) -> dict[str, ConvertedPdf]:
    jobs = [(d, PdfJob(d.data, d.slides, pdf_output(d.job.output))) for d in result.decks]
    kept = [job for deck, job in jobs if _current_pdf(result.out_dir, deck, job)]
    kept_outputs = {job.output for job in kept}
    converted = convert_decks([job for _, job in jobs if job.output not in kept_outputs], options.pdf_processes)
    converted += [reuse_pdf(result.out_dir / job.output, job) for job in kept]
    return {pdf.output: pdf for pdf in sorted(converted, key=lambda p: p.output)}


def _current_pdf(out_dir: Path, deck: BuiltDeck, job: PdfJob) -> bool:
    """Return whether an unchanged deck (kept by an incremental build) has a PDF made after it."""
    pdf, pptx = out_dir / job.output, out_dir / deck.job.output
    return getattr(deck, "reused", False) and pdf.is_file() and pdf.stat().st_mtime >= pptx.stat().st_mtime


def _timed(delivered: DeliveryResult, label: str, work):
    started = time.perf_counter()
    value = work()
    delivered.timings[label] = time.perf_counter() - started
    log.info("%s took %.1f s", label, delivered.timings[label])
    return value

