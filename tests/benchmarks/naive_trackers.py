"""Benchmark baseline: tracker figures computed retailer by retailer and month by month.

The same definitions as ``generator/data/figures.py`` and ``generator/data/kpis.py``
(``counted_activations``), computed independently and slowly: for each retailer of a tracker,
its rows of each source are found by plain pandas filtering of ``store.frame(...)``, and each
month's figure is a filtered sum. ``generator/delivery/trackers/tables.py`` computes them once
for every retailer with one group-by per source; ``bench_trackers.py`` times both and checks
they give the same figures.

The definitions (the KPI glossary's):

- a month's sales are the sales rows dated in that month;
- a retailer's season target is phased over the season's months by its own sell-out in the
  same months of last season, evenly without last-season sell-out; no target: blank (NaN);
- stock at a month's end is the snapshot's units on hand less the sell-in plus the sell-out of
  the months after that month up to the snapshot's month (NaN after the snapshot's month, or
  without stock data); a stock file without dates is a snapshot at the end of the latest month
  of sales;
- cover's basis is the sell-out units of the 3 months ending with the month;
- trade counts the activations started in the season that have ended by the as-of day (their
  end, or start without an end column); those started and not ended are running, counted apart.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from generator.data import DataStore
from generator.data.periods import add_months, month_end, shift_years
from generator.delivery.trackers.tables import TrackerData

NAN = float("nan")
#: months of sell-out stock cover is measured against (independent of generator.data.figures)
COVER_MONTHS = 3


def naive_tracker_data(store: DataStore, region_ids: list[str]) -> TrackerData:
    """Return the tracker figures of the retailers of ``region_ids``, season months up to the as-of month."""
    retailers = _retailers(store, region_ids)
    ids = list(retailers["retailer_id"])
    months = tuple(store.as_of.months(store.season))
    last_year = [shift_years(m, -1) for m in months]
    snapshot = _snapshot(store)
    rows: dict[str, dict[str, list[float]]] = {name: {} for name in (
        "sellout", "sellout_month_ly", "target_months", "sellout_units", "sellin_units", "stock_units",
        "cover_sellout")}
    trade, running = {}, {}
    for rid in ids:  # retailer by retailer
        sales = _sales_rows(store, rid)
        rows["sellout"][rid] = [_month_sales(store, sales, "sellout_value", m) for m in months]
        rows["sellout_month_ly"][rid] = [_month_sales(store, sales, "sellout_value", m) for m in last_year]
        rows["target_months"][rid] = _phased_targets(store, rid, sales, months)
        rows["sellout_units"][rid] = [_month_sales(store, sales, "sellout_units", m) for m in months]
        rows["sellin_units"][rid] = [_month_sales(store, sales, "sellin_units", m) for m in months]
        rows["stock_units"][rid] = [_month_end_stock(store, rid, sales, snapshot, m) for m in months]
        rows["cover_sellout"][rid] = [_cover_sellout(store, sales, m) for m in months]
        trade[rid], running[rid] = _activations(store, rid)
    index = pd.Index(ids, name="retailer_id")
    frames = {name: pd.DataFrame([values[rid] for rid in ids], index=index, columns=list(months), dtype=float)
              for name, values in rows.items()}
    return TrackerData(
        retailers=retailers, months=months, **frames,
        trade=pd.DataFrame([trade[rid] for rid in ids], index=index, columns=["spend", "incremental_sellout"],
                           dtype=float),
        running=pd.Series([running[rid] for rid in ids], index=index, dtype=int))


# ---------------------------------------------------------------- retailers
def _retailers(store: DataStore, region_ids: list[str]) -> pd.DataFrame:
    """Return the retailers of ``region_ids`` among the season's regions, with their region's currency."""
    currencies = {region.id: region.currency for region in store.spec.regions}
    frame = store.frame(store.spec.retailers)
    frame = frame.assign(region_id=frame["region_id"].astype(str), retailer_id=frame["retailer_id"].astype(str))
    frame = frame[frame["region_id"].isin([r for r in region_ids if r in currencies])]
    frame = frame.assign(currency=[currencies[r] for r in frame["region_id"]])
    return frame.sort_values(["region_id", "retailer_id"], kind="stable")[
        ["region_id", "retailer_id", "name", "currency"]].reset_index(drop=True)


# ---------------------------------------------------------------- sales, month by month
def _of_retailer(frame: pd.DataFrame, rid: str) -> pd.DataFrame:
    return frame[frame["retailer_id"].astype(str) == rid]


def _sales_rows(store: DataStore, rid: str) -> pd.DataFrame:
    return _of_retailer(store.frame(store.spec.kpis.sales), rid)


def _month_sales(store: DataStore, sales: pd.DataFrame, column: str, first: dt.date) -> float:
    """Return ``column`` summed over the retailer's sales rows dated in the month starting ``first``."""
    if column not in sales.columns:
        return 0.0
    source = store.spec.kpis.sales
    dates = pd.to_datetime(sales[store.spec.sources[source].date_column or "month"])
    inside = (dates >= pd.Timestamp(first)) & (dates < pd.Timestamp(add_months(first, 1)))
    return float(sales.loc[inside, column].astype(float).sum())


def _season_months(store: DataStore) -> list[dt.date]:
    months, first = [], store.season.start.replace(day=1)
    while first <= store.season.end:
        months.append(first)
        first = add_months(first, 1)
    return months


# ---------------------------------------------------------------- targets
def _phased_targets(store: DataStore, rid: str, sales: pd.DataFrame, months: tuple[dt.date, ...]) -> list[float]:
    """Return the retailer's season target's share of each of ``months`` (NaN: no target)."""
    source = store.spec.kpis.targets
    target = float(_of_retailer(store.frame(source), rid)["sellout_target"].astype(float).sum()) if source else 0.0
    if not target:
        return [NAN] * len(months)
    season = _season_months(store)
    history = {m: _month_sales(store, sales, "sellout_value", shift_years(m, -1)) for m in season}
    total = sum(history.values())
    return [target * (history[m] / total if total else 1.0 / len(season)) for m in months]


# ---------------------------------------------------------------- stock
def _snapshot(store: DataStore) -> dt.date | None:
    """Return the stock snapshot's day (None: no stock data)."""
    source = store.spec.kpis.stock
    if not source:
        return None
    column = store.spec.sources[source].date_column
    if column:
        latest = pd.to_datetime(store.frame(source)[column], errors="coerce").max()
        return None if pd.isna(latest) else latest.date()
    sales = store.spec.kpis.sales
    latest = pd.to_datetime(store.frame(sales)[store.spec.sources[sales].date_column], errors="coerce").max()
    return None if pd.isna(latest) else month_end(latest.date())  # undated: the end of the latest month of sales


def _snapshot_units(store: DataStore, rid: str, snapshot: dt.date) -> float:
    """Return the retailer's units on hand in the snapshot (its rows of the snapshot's day when dated)."""
    source = store.spec.kpis.stock
    rows = _of_retailer(store.frame(source), rid)
    column = store.spec.sources[source].date_column
    if column:
        rows = rows[pd.to_datetime(rows[column], errors="coerce").dt.normalize() == pd.Timestamp(snapshot)]
    return float(rows["units_on_hand"].astype(float).sum())


def _month_end_stock(store: DataStore, rid: str, sales: pd.DataFrame, snapshot: dt.date | None,
                     month: dt.date) -> float:
    """Return the retailer's units on hand at the end of ``month``, rolled back from the snapshot."""
    if snapshot is None or month > snapshot.replace(day=1):
        return NAN
    units = _snapshot_units(store, rid, snapshot)
    later = add_months(month, 1)
    while later <= snapshot:  # the months after ``month`` up to the snapshot's
        units += _month_sales(store, sales, "sellout_units", later) - _month_sales(store, sales, "sellin_units", later)
        later = add_months(later, 1)
    return units


def _cover_sellout(store: DataStore, sales: pd.DataFrame, month: dt.date) -> float:
    """Return the sell-out units of the COVER_MONTHS months ending with ``month``."""
    return sum(_month_sales(store, sales, "sellout_units", add_months(month, -back)) for back in range(COVER_MONTHS))


# ---------------------------------------------------------------- trade
def _activations(store: DataStore, rid: str) -> tuple[list[float], int]:
    """Return the retailer's spend and incremental sell-out of its ended activations, and its running ones."""
    source = store.spec.kpis.trade
    if not source:
        return [0.0, 0.0], 0
    rows = _of_retailer(store.frame(source), rid)
    spend, incremental, running = 0.0, 0.0, 0
    as_of = min(store.as_of.day, store.season.end)
    start_column = store.spec.sources[source].date_column or "start"
    for _, row in rows.iterrows():  # activation by activation
        start = pd.Timestamp(row[start_column])
        end = pd.Timestamp(row["end"]) if "end" in rows.columns else start
        if pd.isna(start) or not pd.Timestamp(store.season.start) <= start <= pd.Timestamp(as_of):
            continue  # not started in the season by the as-of day
        if not pd.isna(end) and end <= pd.Timestamp(as_of):
            spend += float(row["spend"])
            incremental += float(row["incremental_sellout"])
        else:
            running += 1
    return [spend, incremental], running
