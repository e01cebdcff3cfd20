"""What a tracker holds, computed from the season's data: one row per retailer, a column per month.

The figures are the per-door monthly figures every KPI is a sum of (:mod:`generator.data.figures`),
so a region's totals in its tracker are its deck's figures; a region's tracker takes its
retailers' rows (:meth:`TrackerData.of_regions`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from generator.data import (
    COVER_MONTHS, WEEKS_PER_MONTH, DataStore, DoorMonths, counted_activations, cover_window, door_months,
    shift_years,
)


@dataclass(frozen=True)
class TrackerData:
    """The figures of one tracker: retailers (region, id, name, currency), months, a value per retailer and month."""

    retailers: pd.DataFrame  # region_id, retailer_id, name, currency (sorted by region then id)
    months: tuple[dt.date, ...]  # the season's months up to the as-of month
    sellout: pd.DataFrame  # retailer_id x month
    sellout_month_ly: pd.DataFrame  # the same months last year
    target_months: pd.DataFrame  # each month's phased target
    sellout_units: pd.DataFrame
    sellin_units: pd.DataFrame
    stock_units: pd.DataFrame  # units on hand at each month's end (NaN: unknown)
    cover_sellout: pd.DataFrame  # sell-out units of the 3 months ending with each month (cover's basis)
    trade: pd.DataFrame  # spend, incremental_sellout of the ended activations, per retailer
    running: pd.Series  # activations started and not ended, per retailer

    @property
    def sellout_ly(self) -> pd.Series:
        """Return each retailer's sell-out over the same months last year (season to date)."""
        return self.sellout_month_ly.sum(axis=1)

    @property
    def target(self) -> pd.Series:
        """Return each retailer's phased target, season to date (NaN: no target)."""
        return self.target_months.sum(axis=1, min_count=1)

    @property
    def stock_cover(self) -> pd.DataFrame:
        """Return weeks of stock cover at each month's end (NaN: unknown)."""
        weekly = self.cover_sellout / (COVER_MONTHS * WEEKS_PER_MONTH)
        return self.stock_units / weekly.where(weekly != 0)

    def of_regions(self, region_ids: list[str]) -> "TrackerData":
        """Return the figures of the retailers of ``region_ids`` only."""
        retailers = self.retailers[self.retailers["region_id"].isin(region_ids)].reset_index(drop=True)
        ids = list(retailers["retailer_id"])
        return TrackerData(retailers, self.months, *(getattr(self, name).loc[ids] for name in (
            "sellout", "sellout_month_ly", "target_months", "sellout_units", "sellin_units", "stock_units",
            "cover_sellout", "trade", "running")))


def tracker_data(store: DataStore, region_ids: list[str]) -> TrackerData:
    """Return the tracker figures of the retailers of ``region_ids``, season months up to the as-of month."""
    return network_data(store).of_regions(region_ids)


def network_data(store: DataStore) -> TrackerData:
    """Return the tracker figures of every retailer of the season, season months up to the as-of month."""
    retailers = _retailers(store)
    ids = pd.Index(retailers["retailer_id"])
    months = tuple(store.as_of.months(store.season))
    figures = door_months(store)
    columns = [pd.Timestamp(m) for m in months]
    last_year = [pd.Timestamp(shift_years(m, -1)) for m in months]
    sellout = figures.sales["sellout_value"]
    target = figures.phased.reindex(index=ids, columns=columns).set_axis(list(months), axis=1)
    trade, running = _trade(store, ids)
    return TrackerData(
        retailers=retailers, months=months,
        sellout=_months(sellout, ids, columns, months),
        sellout_month_ly=_months(sellout, ids, last_year, months),
        target_months=target.where(figures.target.loc[ids] != 0, np.nan, axis=0).astype(float),  # none: blank
        sellout_units=_months(figures.sales["sellout_units"], ids, columns, months),
        sellin_units=_months(figures.sales["sellin_units"], ids, columns, months),
        stock_units=_stock(figures, ids, columns, months),
        cover_sellout=_cover_sellout(figures, ids, months), trade=trade, running=running)


def _months(frame: pd.DataFrame, ids: pd.Index, columns: list[pd.Timestamp], months: tuple[dt.date, ...]) -> pd.DataFrame:
    """Return ``frame``'s ``columns`` for the retailers ``ids``, labelled by ``months`` (zero where no row)."""
    return frame.reindex(index=ids, columns=columns, fill_value=0.0).set_axis(list(months), axis=1).astype(float)


def _stock(figures: DoorMonths, ids: pd.Index, columns: list[pd.Timestamp], months) -> pd.DataFrame:
    if figures.stock is None:
        return pd.DataFrame(np.nan, index=ids, columns=list(months))
    return figures.stock.reindex(index=ids, columns=columns).set_axis(list(months), axis=1).astype(float)


def _cover_sellout(figures: DoorMonths, ids: pd.Index, months: tuple[dt.date, ...]) -> pd.DataFrame:
    units = figures.sales["sellout_units"].reindex(index=ids, fill_value=0.0)
    columns = {}
    for month in months:
        window = cover_window(month)
        inside = (units.columns >= pd.Timestamp(window.start)) & (units.columns <= pd.Timestamp(window.end))
        columns[month] = units.loc[:, inside].sum(axis=1)
    return pd.DataFrame(columns, index=ids, columns=list(months), dtype=float)


def _retailers(store: DataStore) -> pd.DataFrame:
    frame = store.frame(store.spec.retailers)
    currencies = {r.id: r.currency for r in store.spec.regions}
    frame = frame.assign(region_id=frame["region_id"].astype(str), retailer_id=frame["retailer_id"].astype(str))
    frame = frame[frame["region_id"].isin(list(currencies))]
    frame = frame.assign(currency=frame["region_id"].map(currencies))
    return frame.sort_values(["region_id", "retailer_id"], kind="stable")[
        ["region_id", "retailer_id", "name", "currency"]].reset_index(drop=True)


def _trade(store: DataStore, ids: pd.Index) -> tuple[pd.DataFrame, pd.Series]:
    """Return each retailer's spend and incremental sell-out of its ended activations, and its running ones."""
    columns = ["spend", "incremental_sellout"]
    source = store.spec.kpis.trade
    if not source:
        return pd.DataFrame(0.0, index=ids, columns=columns), pd.Series(0, index=ids)
    rows = store.frame(source)
    counted, running = counted_activations(store, rows)
    summed = counted[columns].astype(float).groupby(counted["retailer_id"].astype(str)).sum()
    ongoing = running.groupby(running["retailer_id"].astype(str)).size()
    return summed.reindex(ids, fill_value=0.0).astype(float), ongoing.reindex(ids, fill_value=0).astype(int)

