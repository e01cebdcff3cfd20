"""KPI tracker workbooks: ``OUT/trackers/<language>/<region>-kpi-tracker.xlsx`` and the network's.

``tracker_files(season, store)`` returns every tracker the season declares (``trackers:``) as
``{relative path: xlsx bytes}`` for the as-of month the store answers; the writer stages them.
xlsxwriter writes them: it is made for writing workbooks (native formulas, conditional formats,
charts, frozen panes) and python-pptx depends on it already; openpyxl stays the reader.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from generator.data import DataStore
from generator.delivery.trackers.families import initiatives_sheet, roi_sheet, sell_through_sheet, \
    sellout_sheet, stock_cover_sheet, units_sheet
from generator.delivery.trackers.formats import number_formats
from generator.delivery.trackers.sheets import Sheets
from generator.delivery.trackers.tables import tracker_data
from generator.i18n.data_text import translated_columns
from generator.i18n.localize import Catalogs, LocaleContext, TextRenderer
from generator.spec import Season
from generator.spec.trackers import TrackerDef
from generator.writer import normalize_zip

__all__ = ["TrackerJob", "tracker_files", "tracker_jobs"]
NETWORK_LOCALES = {"en": "en_US", "fr": "fr_CA", "es": "es_MX"}


@dataclass(frozen=True)
class TrackerJob:
    """One workbook to write: which tracker, for which regions, in which language and locale."""

    tracker: TrackerDef
    regions: tuple[str, ...]
    audience_name: str  # English: the region's name, or None for the network (translated text)
    language: str
    locale: str
    currency: str | None  # None: several currencies side by side (plain numbers)
    output: str


def tracker_jobs(season: Season) -> list[TrackerJob]:
    """Return every tracker workbook the season declares, per region and language (and the network's)."""
    jobs = []
    for tracker in season.spec.trackers:
        if tracker.audience == "network":
            regions = tuple(r.id for r in season.spec.regions)
            for language in tracker.languages or ["en"]:
                name = tracker.filename or f"network-{tracker.name}"
                jobs.append(TrackerJob(tracker, regions, "", language, NETWORK_LOCALES[language], None,
                                       f"trackers/{language}/{name}.xlsx"))
            continue
        for region in season.spec.regions:
            for language in region.languages:
                if tracker.languages and language not in tracker.languages:
                    continue
                name = (tracker.filename or "{{ region.id }}-" + tracker.name).replace("{{ region.id }}", region.id)
                jobs.append(TrackerJob(tracker, (region.id,), region.name, language, region.locales[language],
                                       region.currency, f"trackers/{language}/{name}.xlsx"))
    return jobs


def tracker_files(season: Season, store: DataStore) -> dict[str, bytes]:
    """Return every tracker workbook of the season for the store's as-of month."""
    catalogs = Catalogs(season.path(season.spec.locale_dir), translated_columns(season.spec.sources))
    return {job.output: tracker_bytes(season, store, job, catalogs) for job in tracker_jobs(season)}


def tracker_bytes(season: Season, store: DataStore, job: TrackerJob, catalogs: Catalogs) -> bytes:
    """Return one tracker workbook as .xlsx bytes, reproducible for the same data and as-of."""
    renderer = TextRenderer(LocaleContext(job.language, job.locale, job.currency or "USD"), catalogs)
    texts = job.tracker.texts
    audience = renderer.text(job.audience_name, {}) if job.audience_name else renderer.text(texts.network, {})
    context = {"season": {**season.spec.season.model_dump(), "name": renderer.text(season.spec.season.name, {})},
               "as_of": store.as_of.day, "audience": audience}
    words = lambda key: renderer.text(getattr(texts, key), context)  # noqa: E731
    formats = number_formats(job.locale, job.currency or "USD")
    if job.currency is None:  # a network tracker lists USD, CAD and MXN figures: no one symbol fits
        formats = type(formats)(**{**formats.__dict__, "currency": formats.number})
    regions = {r.id: renderer.text(r.name, {}) for r in season.spec.regions}
    buffer = io.BytesIO()
    sheets = Sheets.open(buffer, words, formats, regions)
    _write(sheets, season, store, job, renderer, (words("title"), words("as_of")))
    created = dt.datetime.combine(store.as_of.day, dt.time())
    sheets.book.set_properties({"title": words("title"), "author": season.spec.maison.name, "created": created})
    sheets.book.close()
    return normalize_zip(buffer.getvalue())


def _write(sheets: Sheets, season: Season, store: DataStore, job: TrackerJob, renderer: TextRenderer,
           heading: tuple[str, str]) -> None:
    title, as_of = heading
    data = tracker_data(store, list(job.regions))
    tracker, alerts = job.tracker, job.tracker.alerts
    for kpi in tracker.kpis:
        if kpi == "sellout":
            sellout_sheet(sheets, data, title, as_of, alerts)
        elif kpi == "sell_through":
            out = units_sheet(sheets, data, "sellout_units", data.sellout_units, title, as_of)
            sold_in = units_sheet(sheets, data, "sellin_units", data.sellin_units, title, as_of)
            sell_through_sheet(sheets, data, out, sold_in, title, as_of, alerts)
        elif kpi == "stock_cover":
            stock_cover_sheet(sheets, data, title, as_of, alerts)
        elif kpi == "roi":
            roi_sheet(sheets, data, title, as_of, alerts)
    if tracker.initiatives:
        plan = store.frame(tracker.initiatives)
        plan = plan[plan["region_id"].astype(str).isin([*job.regions, "ALL"])].sort_values(["start", "name"])
        plan = renderer.data_frame(tracker.initiatives, plan)  # names in the workbook's language
        initiatives_sheet(sheets, plan, None, store.season.start, store.season.end, title, as_of)
