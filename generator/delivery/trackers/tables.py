"""What a tracker holds, computed from the season's data: one row per retailer, a column per month.

Every figure is computed for all the season's retailers at once, one group-by per source
(:func:`network_data`); a region's tracker takes its retailers' rows (:meth:`TrackerData.of_regions`).
The definitions are those of the monthly KPIs (``generator/data/monthly.py``), retailer by retailer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from generator.data import DataStore
from generator.data.measures import WEEKS_PER_MONTH
from generator.data.monthly import COVER_MONTHS, stock_day
from generator.data.periods import Window, add_months, month_end

SALES_COLUMNS = ("sellout_value", "sellout_units", "sellin_value", "sellin_units")


@dataclass(frozen=True)
class TrackerData:
    """The figures of one tracker: retailers (region, id, name), months, and a value per retailer and month."""

    retailers: pd.DataFrame  # region_id, retailer_id, name (sorted by region then id)
    months: tuple[dt.date, ...]
    sellout: pd.DataFrame  # retailer_id x month
    sellout_units: pd.DataFrame
    sellin_units: pd.DataFrame
    sellout_ly: pd.Series  # same months last year, per retailer
    target: pd.Series  # the season target phased to the as-of month, per retailer
    stock_cover: pd.DataFrame  # weeks at each month's end (NaN: unknown)
    trade: pd.DataFrame  # spend, incremental_sellout per retailer

    def of_regions(self, region_ids: list[str]) -> "TrackerData":
        """Return the figures of the retailers of ``region_ids`` only."""
        retailers = self.retailers[self.retailers["region_id"].isin(region_ids)].reset_index(drop=True)
        ids = list(retailers["retailer_id"])
        return TrackerData(retailers, self.months, self.sellout.loc[ids], self.sellout_units.loc[ids],
                           self.sellin_units.loc[ids], self.sellout_ly.loc[ids], self.target.loc[ids],
                           self.stock_cover.loc[ids], self.trade.loc[ids])


def tracker_data(store: DataStore, region_ids: list[str]) -> TrackerData:
    """Return the tracker figures of the retailers of ``region_ids``, season months up to the as-of month."""
    return network_data(store).of_regions(region_ids)


def network_data(store: DataStore) -> TrackerData:
    """Return the tracker figures of every retailer of the season, season months up to the as-of month."""
    retailers = _retailers(store)
    ids = pd.Index(retailers["retailer_id"])
    months = tuple(store.as_of.months(store.season))
    sales = _MonthlySales.of(store, ids)
    last_year = _last_year(sales, months)
    return TrackerData(
        retailers=retailers, months=months,
        sellout=sales.months("sellout_value", months), sellout_units=sales.months("sellout_units", months),
        sellin_units=sales.months("sellin_units", months), sellout_ly=last_year,
        target=_targets(store, sales, ids, last_year),
        stock_cover=_covers(store, sales, ids, months), trade=_trade(store, ids))


def _retailers(store: DataStore) -> pd.DataFrame:
    frame = store.frame(store.spec.retailers)
    frame = frame.assign(region_id=frame["region_id"].astype(str), retailer_id=frame["retailer_id"].astype(str))
    frame = frame[frame["region_id"].isin([r.id for r in store.spec.regions])]
    return frame.sort_values(["region_id", "retailer_id"], kind="stable")[["region_id", "retailer_id", "name"]] \
        .reset_index(drop=True)


@dataclass(frozen=True)
class _MonthlySales:
    """The sales source summed per retailer and month: a wide frame per column (retailers x months)."""

    wide: dict[str, pd.DataFrame]
    ids: pd.Index

    @classmethod
    def of(cls, store: DataStore, ids: pd.Index) -> "_MonthlySales":
        """Return the sales of the retailers ``ids`` summed per month, with one group-by."""
        name = store.spec.kpis.sales
        rows = store.frame(name)
        month = pd.to_datetime(rows[store.spec.sources[name].date_column or "month"]).dt.to_period("M").dt.to_timestamp()
        columns = [c for c in SALES_COLUMNS if c in rows.columns]
        summed = rows[columns].groupby([rows["retailer_id"].astype(str).rename("retailer_id"),
                                        month.rename("month")]).sum()
        wide = {c: summed[c].unstack("month", fill_value=0.0).reindex(ids, fill_value=0.0).astype(float)
                for c in columns}
        return cls(wide, ids)

    def months(self, column: str, months: tuple[dt.date, ...]) -> pd.DataFrame:
        """Return ``column`` per retailer for each of ``months`` (zero where no row)."""
        frame = self._frame(column).reindex(columns=[pd.Timestamp(m) for m in months], fill_value=0.0)
        frame.columns = list(months)
        return frame

    def total(self, column: str, window: Window) -> pd.Series:
        """Return ``column`` per retailer summed over the months of ``window``."""
        frame = self._frame(column)
        inside = (frame.columns >= pd.Timestamp(window.start)) & (frame.columns <= pd.Timestamp(window.end))
        return frame.loc[:, inside].sum(axis=1)

    def _frame(self, column: str) -> pd.DataFrame:
        if column in self.wide:
            return self.wide[column]
        return pd.DataFrame(index=self.ids, columns=pd.DatetimeIndex([]), dtype=float)  # no such column: zeros


def _last_year(sales: _MonthlySales, months: tuple[dt.date, ...]) -> pd.Series:
    """Return each retailer's sell-out over the same months last year."""
    if not months:
        return pd.Series(0.0, index=sales.ids)
    return sales.total("sellout_value", Window(months[0], month_end(months[-1])).shifted(-1))


def _targets(store: DataStore, sales: _MonthlySales, ids: pd.Index, last_year: pd.Series) -> pd.Series:
    """Return each retailer's season target phased by last season's months up to the as-of month."""
    source = store.spec.kpis.targets
    target = _per_retailer(store, source, "sellout_target", ids) if source else pd.Series(0.0, index=ids)
    last_season = sales.total("sellout_value", store.season.shifted(-1))
    return (target * last_year / last_season.where(last_season != 0)).astype(float)


def _covers(store: DataStore, sales: _MonthlySales, ids: pd.Index, months: tuple[dt.date, ...]) -> pd.DataFrame:
    """Return weeks of stock cover at each month's end: units rolled back from the snapshot / weekly sell-out."""
    snapshot = stock_day(store)
    units = _per_retailer(store, store.spec.kpis.stock, "units_on_hand", ids) if snapshot else None
    columns = {}
    for month in months:
        if units is None or month > snapshot.replace(day=1):
            columns[month] = pd.Series(np.nan, index=ids)
            continue
        after = Window(add_months(month, 1), snapshot)
        on_hand = units - sales.total("sellin_units", after) + sales.total("sellout_units", after)
        recent = sales.total("sellout_units", Window(add_months(month, 1 - COVER_MONTHS), month_end(month)))
        weekly = recent / (COVER_MONTHS * WEEKS_PER_MONTH)
        columns[month] = on_hand / weekly.where(weekly != 0)
    return pd.DataFrame(columns, index=ids, columns=list(months), dtype=float)


def _per_retailer(store: DataStore, source: str, column: str, ids: pd.Index) -> pd.Series:
    """Return ``column`` of ``source`` summed per retailer (zero for a retailer without rows)."""
    rows = store.frame(source)
    summed = rows[column].groupby(rows["retailer_id"].astype(str)).sum()
    return summed.reindex(ids, fill_value=0.0).astype(float)


def _trade(store: DataStore, ids: pd.Index) -> pd.DataFrame:
    """Return each retailer's trade-marketing spend and incremental sell-out, season to date."""
    source = store.spec.kpis.trade
    columns = ["spend", "incremental_sellout"]
    if not source:
        return pd.DataFrame(0.0, index=ids, columns=columns)
    rows = store.frame(source)
    window = store.as_of.window("season_to_date", store.season)
    date_column = store.spec.sources[source].date_column
    if date_column:
        dates = pd.to_datetime(rows[date_column])
        rows = rows[(dates >= pd.Timestamp(window.start)) & (dates <= pd.Timestamp(window.end))]
    summed = rows[columns].groupby(rows["retailer_id"].astype(str)).sum()
    return summed.reindex(ids, fill_value=0.0).astype(float)
