"""Write one tracker workbook (xlsxwriter): a sheet per KPI family and the initiatives timeline.

xlsxwriter writes them: it is made for writing workbooks (native formulas, conditional formats,
charts, frozen panes) and python-pptx depends on it already; openpyxl stays the reader.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io

from generator.data import DataStore
from generator.delivery.trackers.about import about_sheet, data_sheet
from generator.delivery.trackers.families import initiatives_sheet, roi_sheet, sell_through_sheet, \
    sellout_sheet, stock_cover_sheet, units_sheet
from generator.delivery.trackers.formats import number_formats
from generator.delivery.trackers.jobs import TrackerJob
from generator.delivery.trackers.sheets import Sheets
from generator.delivery.trackers.tables import TrackerData
from generator.i18n import Catalogs, LocaleContext, TextRenderer
from generator.spec import Season
from generator.writer import normalize_zip


def tracker_bytes(season: Season, store: DataStore, data: TrackerData, job: TrackerJob, catalogs: Catalogs,
                  comment: bytes = b"") -> bytes:
    """Return one tracker workbook of ``data`` (its regions' figures) as .xlsx bytes, reproducible.

    ``comment`` becomes the zip's archive comment (the inputs' fingerprint).
    """
    renderer = TextRenderer(LocaleContext(job.language, job.locale, job.currency or "USD"), catalogs)
    texts = job.tracker.texts
    audience = renderer.text(job.audience_name, {}) if job.audience_name else renderer.text(texts.network, {})
    context = {"season": {**season.spec.season.model_dump(), "name": renderer.text(season.spec.season.name, {})},
               "as_of": store.as_of.day, "audience": audience, "month": store.as_of.as_values()}
    words = lambda key: renderer.text(getattr(texts, key), context)  # noqa: E731
    formats = number_formats(job.locale, job.currency or "USD")
    if job.currency is None:  # a network tracker lists USD, CAD and MXN figures: no one symbol fits
        formats = type(formats)(**{**formats.__dict__, "currency": formats.number})
    regions = {r.id: renderer.text(r.name, {}) for r in season.spec.regions}
    buffer = io.BytesIO()
    sheets = Sheets.open(buffer, words, formats, regions)
    _write(sheets, store, data, job, renderer, (words("title"), words("as_of")))
    translate = lambda text: renderer.text(text, {})  # noqa: E731
    about_sheet(sheets, words("title"), words("as_of"), _facts(season, store, translate, comment), translate)
    data_sheet(sheets, data)
    created = dt.datetime.combine(store.as_of.day, dt.time())
    sheets.book.set_properties({"title": words("title"), "author": season.spec.maison.name, "created": created})
    sheets.book.close()
    return normalize_zip(buffer.getvalue(), comment)


def _write(sheets: Sheets, store: DataStore, data: TrackerData, job: TrackerJob, renderer: TextRenderer,
           heading: tuple[str, str]) -> None:
    title, as_of = heading
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
        initiatives_sheet(sheets, plan, store.season.start, store.season.end, store.as_of.day, title, as_of)


def _facts(season: Season, store: DataStore, translate, key: bytes) -> list[tuple[str, str]]:
    """Return what the About sheet says of this workbook: as of, season, sources and the build's inputs."""
    spec = season.spec
    kpi_sources = [spec.kpis.sales, spec.kpis.stock, spec.kpis.targets, spec.kpis.trade, spec.retailers]
    sources = []
    for name in dict.fromkeys(n for n in kpi_sources if n):
        path = season.path(spec.sources[name].path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else "?"
        sources.append(f"{name}: {spec.sources[name].path} (sha256 {digest})")
    return [(translate("As of"), store.as_of.day.isoformat()),
            (translate("Season"), f"{translate(spec.season.name)}: {spec.season.start} – {spec.season.end}"),
            (translate("Sources"), "; ".join(sources)),
            (translate("Build inputs"), key.decode("ascii", "replace"))]
