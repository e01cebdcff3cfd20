"""Cross-check the ``trackers:`` of season.yaml against the sources their sheets read.

Each KPI family needs its source (``kpis.stock`` for stock cover, ``kpis.trade`` for ROI) with
the columns its figures come from; the initiatives timeline needs a name, a region and dates
to draw its bars. A tracker that would come out with blank or zero columns is an error here,
located at the tracker's key, never a silent gap in the workbook.
"""

from __future__ import annotations

from generator.spec import KeyPath, did_you_mean
from generator.validation.context import SeasonView

#: per KPI family: (which entry of ``kpis:``, the columns its figures need)
FAMILY_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "sellout": ("sales", ("retailer_id", "sellout_value")),
    "sell_through": ("sales", ("retailer_id", "sellout_units", "sellin_units")),
    "stock_cover": ("stock", ("retailer_id", "units_on_hand")),
    "roi": ("trade", ("retailer_id", "spend", "incremental_sellout")),
}
#: the sell-out sheet's target columns, when the season has a targets source (without one they stay blank)
TARGET_COLUMNS = ("retailer_id", "sellout_target")
#: the initiatives timeline: a bar per row from ``start`` to ``end``, in its region (or ALL)
INITIATIVE_COLUMNS = {"name": "text", "region_id": "text", "start": "date", "end": "date", "owner": "text"}


def check_trackers(view: SeasonView) -> None:
    """Record findings for tracker KPI families without their source or columns, and unusable initiatives."""
    for index, tracker in enumerate(view.spec.trackers):
        for position, family in enumerate(tracker.kpis):
            _family(view, ("trackers", index, "kpis", position), family)
        if tracker.initiatives is not None:
            _initiatives(view, ("trackers", index, "initiatives"), tracker.initiatives)


def _family(view: SeasonView, path: KeyPath, family: str) -> None:
    role, needed = FAMILY_SOURCES[family]
    source = getattr(view.spec.kpis, role)
    if not source:
        view.add(view.season_doc.finding(path, f"the {family} sheet needs a {role} source, and kpis.{role} is not set",
                                         f"set kpis.{role} to the source holding {', '.join(needed[1:])}, "
                                         f"or leave {family} out of this tracker"))
        return
    _columns(view, path, family, source, needed)
    if family == "sellout" and view.spec.kpis.targets:
        _columns(view, path, family, view.spec.kpis.targets, TARGET_COLUMNS)
    if family == "stock_cover" and not view.spec.sources[source].date_column:
        view.add(view.season_doc.finding(path, f"the stock_cover sheet rolls stock back from its snapshot day, and "
                                         f"source '{source}' has no date_column",
                                         f"add date_column (the snapshot's date) to sources.{source}"))


def _columns(view: SeasonView, path: KeyPath, family: str, source: str, needed: tuple[str, ...]) -> None:
    columns = view.columns(source)
    if columns is None:
        return  # unreadable: reported with the source
    for column in needed:
        if column not in columns:
            hint = did_you_mean(column, list(columns)) or f"columns: {', '.join(sorted(columns))}"
            view.add(view.season_doc.finding(path, f"the {family} sheet needs column '{column}' in source "
                                             f"'{source}' ({view.spec.sources[source].path})", hint))
        elif column != "retailer_id" and columns[column] != "number":
            view.add(view.season_doc.finding(path, f"column '{column}' of source '{source}' holds "
                                             f"{columns[column]}, the {family} sheet needs numbers",
                                             f"declare dtypes: {{{column}: float}} under sources.{source}"))


def _initiatives(view: SeasonView, path: KeyPath, source: str) -> None:
    if source not in view.spec.sources:
        hint = did_you_mean(source, view.spec.sources) or "defined: " + ", ".join(sorted(view.spec.sources))
        view.add(view.season_doc.finding(path, f"unknown data source '{source}'", hint))
        return
    columns = view.columns(source)
    if columns is None:
        return
    for column, kind in INITIATIVE_COLUMNS.items():
        if column not in columns:
            hint = did_you_mean(column, list(columns)) or f"columns: {', '.join(sorted(columns))}"
            view.add(view.season_doc.finding(path, f"the initiatives timeline needs column '{column}' in source "
                                             f"'{source}' ({view.spec.sources[source].path})", hint))
        elif kind == "date" and columns[column] != "date":
            view.add(view.season_doc.finding(path, f"column '{column}' of source '{source}' holds {columns[column]}, "
                                             "the initiatives timeline needs dates to draw its bars",
                                             f"declare dtypes: {{{column}: date}} under sources.{source}"))
