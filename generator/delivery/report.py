"""The build report (``report.html``): what a build produced, readable offline.

Every deck with thumbnails of its first slides (when PDFs were made), its slide
count, language and warnings; the data sources with their dates; timings; and a
relative link to every output file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from generator.build import BuiltDeck
from generator.data import DataStore
from generator.delivery.kits import Kit
from generator.delivery.pdf import ConvertedPdf, pdf_output
from generator.delivery.report_page import render_page
from generator.spec import Season

REPORT_FILE = "report.html"
THUMBS_DIR = "report"


@dataclass
class ReportInput:
    """Everything the report shows besides the season: the build's decks, PDFs, kits, warnings, timings."""

    decks: list[BuiltDeck]
    warnings: list[str]
    pdfs: dict[str, ConvertedPdf] = field(default_factory=dict)
    kits: list[Kit] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)


def report_files(season: Season, given: ReportInput, store: DataStore | None = None) -> dict[str, bytes]:
    """Return the report page and its thumbnails, by path relative to the build folder."""
    files: dict[str, bytes] = {}
    rows = []
    for deck in given.decks:
        converted = given.pdfs.get(pdf_output(deck.job.output))
        thumbs = _thumbnails(deck, converted)
        files.update(thumbs)
        rows.append(_deck_row(deck, converted, list(thumbs)))
    spec = season.spec
    page = render_page(title=f"{spec.maison.name} {spec.season.name}: build report",
                       summary=_summary(given), warnings=given.warnings, decks=rows,
                       kits=[{"retailer_id": k.retailer_id, "output": quote(k.output), "members": k.members}
                             for k in given.kits],
                       sources=source_rows(season, store), timings=[(label, f"{s:.1f}") for label, s in given.timings])
    files[REPORT_FILE] = page.encode("utf-8")
    return files


def _thumbnails(deck: BuiltDeck, converted: ConvertedPdf | None) -> dict[str, bytes]:
    if converted is None:
        return {}
    stem = PurePosixPath(THUMBS_DIR) / "thumbs" / PurePosixPath(deck.job.output).with_suffix("")
    return {f"{stem}-{n}.png": png for n, png in enumerate(converted.thumbnails, start=1)}


def _deck_row(deck: BuiltDeck, converted: ConvertedPdf | None, thumbs: list[str]) -> dict[str, Any]:
    files = [deck.job.output] + ([converted.output] if converted else [])
    missing = sorted(deck.missing_translations)
    warnings = [f"{len(missing)} text(s) without translation, e.g. {missing[0]!r}"] if missing else []
    # Text that does not fit even at the smallest size, and data warnings, when the builder records them.
    warnings += [str(w) for name in ("fit_findings", "warnings") for w in getattr(deck, name, ())]
    return {"deck": deck.job.deck + (f" {deck.job.audience_id}" if deck.job.audience_id else ""),
            "language": deck.job.language, "audience": deck.job.audience, "slides": deck.slides,
            "charts": deck.charts, "seconds": "kept" if getattr(deck, "reused", False) else f"{deck.seconds:.2f}",
            "files": [quote(f) for f in files],
            "thumbnails": [quote(t) for t in thumbs], "warnings": warnings}


def _summary(given: ReportInput) -> list[tuple[str, str]]:
    return [("decks", str(len(given.decks))), ("slides", str(sum(d.slides for d in given.decks))),
            ("charts", str(sum(d.charts for d in given.decks))), ("PDFs", str(len(given.pdfs))),
            ("kits", str(len(given.kits))), ("warnings", str(len(given.warnings)))]


def source_rows(season: Season, store: DataStore | None = None) -> list[dict[str, Any]]:
    """Return each data source with its file, modification date, row count and date span (from ``store`` if given)."""
    store = store or DataStore(season.spec, season.root)
    rows = []
    for name, source in sorted(season.spec.sources.items()):
        path = season.path(source.path)
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        frame = store.frame(name)
        span = ""
        if source.date_column and source.date_column in frame.columns and not frame.empty:
            dates = frame[source.date_column]
            span = f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"
        rows.append({"name": name, "path": source.path, "modified": modified, "rows": len(frame), "span": span})
    return rows
