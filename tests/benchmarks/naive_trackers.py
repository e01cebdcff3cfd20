"""Benchmark baseline: tracker figures computed retailer by retailer and month by month.

This is how ``generator/delivery/trackers/tables.py`` computed them before it was vectorised
(one group-by per source for every retailer at once); ``bench_trackers.py`` times both and
checks they give the same figures.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from generator.data import DataStore
from generator.data.measures import WEEKS_PER_MONTH
from generator.data.monthly import COVER_MONTHS, month_end_stock, monthly_sales
from generator.data.periods import Window, add_months, month_end
from generator.delivery.trackers.tables import TrackerData


def naive_tracker_data(store: DataStore, region_ids: list[str]) -> TrackerData:
    """Return the tracker figures of the retailers of ``region_ids``, season months up to the as-of month."""
    spec = store.spec
    retailers = store.frame(spec.retailers)
    retailers = retailers[retailers["region_id"].astype(str).isin(region_ids)]
    retailers = retailers.assign(region_id=retailers["region_id"].astype(str),
                                 retailer_id=retailers["retailer_id"].astype(str))
    retailers = retailers.sort_values(["region_id", "retailer_id"], kind="stable")[["region_id", "retailer_id", "name"]]
    months = tuple(store.as_of.months(store.season))
    per_retailer = {rid: monthly_sales(store, {"retailer_id": rid}) for rid in retailers["retailer_id"]}
    return TrackerData(
        retailers=retailers.reset_index(drop=True), months=months,
        sellout=_pivot(per_retailer, "sellout_value", months),
        sellout_units=_pivot(per_retailer, "sellout_units", months),
        sellin_units=_pivot(per_retailer, "sellin_units", months),
        sellout_ly=pd.Series({rid: _ly(m, months) for rid, m in per_retailer.items()}, dtype=float),
        target=_targets(store, per_retailer, months),
        stock_cover=_covers(store, per_retailer, months),
        trade=_trade(store, list(per_retailer)))


def _pivot(per_retailer: dict[str, pd.DataFrame], column: str, months: tuple[dt.date, ...]) -> pd.DataFrame:
    keys = [pd.Timestamp(m) for m in months]
    rows = {rid: [float(m[column].get(k, 0.0)) if column in m else 0.0 for k in keys] for rid, m in per_retailer.items()}
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(months))


def _window_sum(monthly: pd.DataFrame, column: str, window: Window) -> float:
    inside = (monthly.index >= pd.Timestamp(window.start)) & (monthly.index <= pd.Timestamp(window.end))
    return float(monthly.loc[inside, column].sum()) if column in monthly else 0.0


def _ly(monthly: pd.DataFrame, months: tuple[dt.date, ...]) -> float:
    if not months:
        return 0.0
    return _window_sum(monthly, "sellout_value", Window(months[0], month_end(months[-1])).shifted(-1))


def _targets(store: DataStore, per_retailer: dict[str, pd.DataFrame], months: tuple[dt.date, ...]) -> pd.Series:
    """Return each retailer's season target phased by last season's months up to the as-of month."""
    source = store.spec.kpis.targets
    values = {}
    for rid, monthly in per_retailer.items():
        target = float(store.rows(source, {"retailer_id": rid})["sellout_target"].sum()) if source else 0.0
        last_season = _window_sum(monthly, "sellout_value", store.season.shifted(-1))
        values[rid] = target * _ly(monthly, months) / last_season if last_season else float("nan")
    return pd.Series(values, dtype=float)


def _covers(store: DataStore, per_retailer: dict[str, pd.DataFrame], months: tuple[dt.date, ...]) -> pd.DataFrame:
    rows = {}
    for rid, monthly in per_retailer.items():
        rows[rid] = [_cover(store, rid, monthly, month) for month in months]
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(months))


def _cover(store: DataStore, rid: str, monthly: pd.DataFrame, month: dt.date) -> float:
    units = month_end_stock(store, {"retailer_id": rid}, monthly, store.as_of, month)
    recent = _window_sum(monthly, "sellout_units", Window(add_months(month, 1 - COVER_MONTHS), month_end(month)))
    weekly = recent / (COVER_MONTHS * WEEKS_PER_MONTH)
    return units / weekly if units is not None and weekly else float("nan")


def _trade(store: DataStore, retailer_ids: list[str]) -> pd.DataFrame:
    source = store.spec.kpis.trade
    columns = ["spend", "incremental_sellout"]
    if not source:
        return pd.DataFrame(0.0, index=retailer_ids, columns=columns)
    rows = store.frame(source)
    window = store.as_of.window("season_to_date", store.season)
    dates = pd.to_datetime(rows[store.spec.sources[source].date_column]) if store.spec.sources[source].date_column else None
    if dates is not None:
        rows = rows[(dates >= pd.Timestamp(window.start)) & (dates <= pd.Timestamp(window.end))]
    summed = rows.assign(retailer_id=rows["retailer_id"].astype(str)).groupby("retailer_id")[columns].sum()
    return summed.reindex(retailer_ids, fill_value=0.0).astype(float)
