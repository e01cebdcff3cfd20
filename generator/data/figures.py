"""The figures every KPI is made of, per door and month, computed once per store.

One definition for decks (``kpi``, ``month_kpi``), trackers and kits: each KPI of a scope (a
region, a door, the network) is a sum over its doors of these per-door monthly figures, then
a ratio. The rules decided here, and stated in the KPI glossary (``decks/KPIS.md``):

- **Target phasing.** A door's season target is spread over the season's months by the door's
  own sell-out in the same months of last season (a month's share of the door's last-season
  sell-out). A door without last-season sell-out has its target spread evenly. A region's (or
  the network's) phased target is the sum of its doors' phased targets, so a region total in a
  tracker and the region's deck always agree.
- **Stock at a month's end** is rolled back from the stock snapshot: the snapshot's units less
  the sell-in and plus the sell-out of the months after that month, up to the snapshot's month.
  A stock file without a date column is a snapshot at the end of the latest month of sales.
- **Stock cover** is units on hand at a month's end over the average weekly sell-out units of
  the three months ending with it (52 / 12 weeks a month).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from generator.data.bindings import DataStore
from generator.data.measures import WEEKS_PER_MONTH
from generator.data.periods import Window, add_months, month_end
from generator.errors import DataError

COVER_MONTHS = 3
SALES_COLUMNS = ("sellout_value", "sellout_units", "sellin_value", "sellin_units")


@dataclass(frozen=True)
class DoorMonths:
    """Per-door monthly figures of the whole data span: doors as rows, first days of months as columns."""

    ids: pd.Index  # every retailer id of the retailers source, as text
    sales: dict[str, pd.DataFrame]  # sales column -> doors x months (zero where a door has no row)
    target: pd.Series  # each door's season target (0 without one)
    phased: pd.DataFrame  # doors x season months: the month's share of the door's season target
    stock: pd.DataFrame | None  # doors x months up to the snapshot's: units on hand at the month's end
    snapshot: dt.date | None  # the stock snapshot's day

    def scope(self, ids: pd.Index) -> "ScopeMonths":
        """Return the monthly figures of the doors ``ids`` summed."""
        sales = {column: frame.loc[ids].sum(axis=0) for column, frame in self.sales.items()}
        stock = None if self.stock is None else self.stock.loc[ids].sum(axis=0)
        return ScopeMonths(sales, self.target.loc[ids].sum(), self.phased.loc[ids].sum(axis=0), stock,
                           len(ids))


@dataclass(frozen=True)
class ScopeMonths:
    """The monthly figures of one scope: each a Series indexed by the first day of a month (Timestamp)."""

    sales: dict[str, pd.Series]
    target: float  # the season target
    phased: pd.Series  # the season target's share of each season month
    stock: pd.Series | None  # units on hand at each month's end (months up to the snapshot's)
    doors: int

    def total(self, column: str, window: Window) -> float:
        """Return ``column`` summed over the months of ``window`` (0.0 for a column the data does not have)."""
        series = self.sales.get(column)
        if series is None:
            return 0.0
        return float(series[_inside(series.index, window)].sum())

    def phased_target(self, window: Window) -> float | None:
        """Return the phased target of the season months inside ``window`` (None: no target, or none inside)."""
        inside = _inside(self.phased.index, window)
        if not self.target or not inside.any():
            return None
        return float(self.phased[inside].sum())

    def stock_units(self, month: dt.date) -> float | None:
        """Return units on hand at the end of ``month`` (None: no stock data, or after the snapshot)."""
        key = pd.Timestamp(month)
        if self.stock is None or key not in self.stock.index:
            return None
        return float(self.stock[key])

    def cover_weeks(self, month: dt.date) -> float | None:
        """Return weeks of stock cover at the end of ``month``: units on hand / average weekly sell-out."""
        units = self.stock_units(month)
        weekly = self.total("sellout_units", cover_window(month)) / (COVER_MONTHS * WEEKS_PER_MONTH)
        return None if units is None or not weekly else units / weekly


def season_to_date(store: DataStore) -> Window:
    """Return the season's months up to the as-of month's end (never past the season's end)."""
    return Window(store.season.start, min(month_end(store.as_of.first), store.season.end))


def figures_month(store: DataStore) -> dt.date:
    """Return the month season figures end with: the as-of month, or the season's last."""
    return min(store.as_of.first, store.season.end.replace(day=1))


def month_starts(store: DataStore, source: str) -> pd.Series:
    """Return the first day of each row's month in ``source``'s date column (NaT where a row has no date)."""
    dates = pd.to_datetime(store.frame(source)[store.spec.sources[source].date_column or "month"], errors="coerce")
    return dates.dt.to_period("M").dt.to_timestamp()


def cover_window(month: dt.date) -> Window:
    """Return the months whose sell-out stock cover at the end of ``month`` is measured against."""
    return Window(add_months(month, 1 - COVER_MONTHS), month_end(month))


def _inside(index: pd.Index, window: Window) -> np.ndarray:
    return np.asarray((index >= pd.Timestamp(window.start)) & (index <= pd.Timestamp(window.end)), dtype=bool)


def door_months(store: DataStore) -> DoorMonths:
    """Return the store's per-door monthly figures (computed once per store)."""
    return store.derived("door_months", lambda: _door_months(store))


def scope_months(store: DataStore, scope: dict[str, str]) -> ScopeMonths:
    """Return the monthly figures of the doors matching ``scope`` (e.g. ``{"region_id": "CA"}``; ``{}``: all)."""
    return door_months(store).scope(scope_ids(store, scope))


def scope_ids(store: DataStore, scope: dict[str, str]) -> pd.Index:
    """Return the retailer ids (text) of the doors matching ``scope``, in the retailers source's order."""
    source = store.spec.retailers
    columns = store.frame(source).columns
    unknown = [key for key in scope if key not in columns]
    if unknown:
        raise DataError(f"a KPI scope filters on '{unknown[0]}', which the retailers source '{source}' does not have")
    positions = store.positions(source, scope)
    ids = store.frame(source)["retailer_id"].astype(str)
    return pd.Index(ids if positions is None else ids.iloc[positions]).drop_duplicates()


def _door_months(store: DataStore) -> DoorMonths:
    ids = pd.Index(store.frame(store.spec.retailers)["retailer_id"].astype(str)).drop_duplicates()
    sales = _monthly_sales(store, ids)
    target = _per_door(store, store.spec.kpis.targets, "sellout_target", ids)
    phased = _phased(sales["sellout_value"], target, store.season)
    snapshot, stock = _stock(store, sales, ids)
    return DoorMonths(ids, sales, target, phased, stock, snapshot)


def _monthly_sales(store: DataStore, ids: pd.Index) -> dict[str, pd.DataFrame]:
    """Return each sales column summed per door and month, one group-by for all."""
    name = store.spec.kpis.sales
    rows = store.frame(name)
    month = month_starts(store, name)
    present = [c for c in SALES_COLUMNS if c in rows.columns]
    summed = rows[present].astype(float).groupby([rows["retailer_id"].astype(str).rename("retailer_id"),
                                                  month.rename("month")]).sum()
    months = pd.DatetimeIndex(sorted(month.dropna().unique()))
    wide = {c: summed[c].unstack("month", fill_value=0.0).reindex(index=ids, columns=months, fill_value=0.0)
            for c in present}
    empty = pd.DataFrame(0.0, index=ids, columns=months)
    return {c: wide.get(c, empty) for c in SALES_COLUMNS}


def _per_door(store: DataStore, source: str | None, column: str, ids: pd.Index) -> pd.Series:
    """Return ``column`` of ``source`` summed per door (zero for a door without rows, or without the source)."""
    if not source:
        return pd.Series(0.0, index=ids)
    rows = store.frame(source)
    summed = rows[column].astype(float).groupby(rows["retailer_id"].astype(str)).sum()
    return summed.reindex(ids, fill_value=0.0).astype(float)


def season_months(season: Window) -> pd.DatetimeIndex:
    """Return the first day of every month of ``season``."""
    return pd.date_range(pd.Timestamp(season.start).to_period("M").to_timestamp(), pd.Timestamp(season.end),
                         freq="MS")


def _phased(sellout: pd.DataFrame, target: pd.Series, season: Window) -> pd.DataFrame:
    """Return each door's season target spread over the season months by its last-season sell-out."""
    months = season_months(season)
    before = [m - pd.DateOffset(years=1) for m in months]
    history = sellout.reindex(columns=pd.DatetimeIndex(before), fill_value=0.0)  # last season's months
    total = history.sum(axis=1)
    shares = history.div(total.where(total != 0), axis=0)
    shares = shares.where(total != 0, 1.0 / len(months), axis=0)  # no last-season sell-out: evenly
    shares.columns = months
    return shares.mul(target, axis=0)


def _stock(store: DataStore, sales: dict[str, pd.DataFrame], ids: pd.Index) -> tuple[dt.date | None, pd.DataFrame | None]:
    """Return the snapshot day and units on hand per door at each month's end up to the snapshot's month."""
    source = store.spec.kpis.stock
    if not source:
        return None, None
    # a stock file without dates is a snapshot at the end of the latest month of sales
    dated = store.spec.sources[source].date_column
    snapshot = store.latest_day(source if dated else store.spec.kpis.sales)
    if snapshot is None:
        return None, None
    snapshot = snapshot if dated else month_end(snapshot)
    units = _per_door(store, source, "units_on_hand", ids)
    first = pd.Timestamp(snapshot.replace(day=1))
    months = sales["sellout_units"].columns
    kept = months[months <= first]
    if first not in kept:
        kept = kept.append(pd.DatetimeIndex([first]))
    flows = (sales["sellout_units"] - sales["sellin_units"]).reindex(columns=kept, fill_value=0.0)
    # what went out less what came in during the months after each month, up to the snapshot's
    after = flows.iloc[:, ::-1].cumsum(axis=1).iloc[:, ::-1].shift(-1, axis=1).fillna(0.0)
    return snapshot, after.add(units, axis=0)
