"""Delivery after a build: PDFs beside the decks, a zip kit per retailer, the trackers and ``report.html``."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from generator.build import BuildResult, BuiltDeck
from generator.data import DataStore
from generator.errors import KitgenError
from generator.delivery.forked import ForkedCall, can_fork
from generator.delivery.kits import Kit, KitMaker
from generator.delivery.options import DeliveryOptions, DeliveryResult
from generator.delivery.pdf import ConvertedPdf, PdfJob, convert_decks, pdf_output, reuse_pdf
from generator.delivery.report import REPORT_FILE, ReportInput, report_files
from generator.spec import Season, load_season
from generator.writer import Staging

if TYPE_CHECKING:
    from generator.delivery.trackers import Tracker

log = logging.getLogger(__name__)


@dataclass
class EarlyTrackers:
    """The season's trackers, made while its decks build: they need its data, not its decks.

    Give :meth:`make` to ``build_season(..., meanwhile=...)`` and this object to :func:`deliver`.
    With ``in_child`` (a build that uses more than one process anyway) they are made in a child
    process forked as soon as the data is loaded, on the core left idle while the build plans and
    forks its workers. An error making them is kept, and raised by :func:`deliver` once the decks
    are in place, as it would be if they were made there.
    """

    out_dir: Path
    in_child: bool = False
    trackers: list[Tracker] | None = None
    error: KitgenError | None = None
    seconds: float = 0.0

    def make(self, season: Season, store: DataStore) -> Callable[[], None] | None:
        """Make the trackers of ``season`` from ``store`` (as-of set), those unchanged in ``out_dir`` kept.

        In a child process, return what waits for them (call it once the decks are built).
        """
        if not (self.in_child and can_fork()):
            self._make_here(season, store)
            return None
        child = ForkedCall(lambda: self._made(season, store))
        return lambda: self._take(child, season, store)

    def _made(self, season: Season, store: DataStore) -> tuple[list[Tracker], float]:
        from generator.delivery.trackers import make_trackers  # xlsxwriter and the checks: only when made

        started = time.perf_counter()
        return make_trackers(season, store, self.out_dir), time.perf_counter() - started

    def _make_here(self, season: Season, store: DataStore) -> None:
        try:
            self.trackers, self.seconds = self._made(season, store)
        except KitgenError as exc:
            self.error = exc

    def _take(self, child: ForkedCall, season: Season, store: DataStore) -> None:
        """Take the child's trackers; when it failed, make them here (an error is then raised with all it says)."""
        done, value = child.result()
        if done:
            self.trackers, self.seconds = value
        else:
            self._make_here(season, store)

    @property
    def made(self) -> bool:
        """Return whether :meth:`make` ran (a build that failed before its decks never calls it)."""
        return self.trackers is not None or self.error is not None


def deliver(season_dir: Path, result: BuildResult, options: DeliveryOptions,
            early: EarlyTrackers | None = None) -> DeliveryResult:
    """Return what was delivered for the built ``result``: PDFs, kits and report, written atomically.

    The trackers are those of ``early`` when it made them during the build.
    """
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
            trackers = _trackers(delivered, season, result, early)
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


def _trackers(delivered: DeliveryResult, season: Season, result: BuildResult,
              early: EarlyTrackers | None) -> list[Tracker]:
    if early is None or not early.made:
        early = EarlyTrackers(result.out_dir)
        early.make(season, result.store)
    delivered.timings["trackers"] = early.seconds
    log.info("trackers took %.1f s", early.seconds)
    if early.error is not None:
        raise early.error
    return early.trackers


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

