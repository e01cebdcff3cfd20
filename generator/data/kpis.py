"""Derived KPIs for a scope (a region, a retailer), referenced in specs as ``kpi.<name>``.

Definitions (season window unless said otherwise):
- sellout / sellout_ly / sellout_growth: sell-out value, same months last year, growth.
- sell_through: sell-out units / sell-in units.
- stock_cover_weeks: units on hand / average weekly sell-out units of the season's last 3 months.
- roi: incremental sell-out of activations / trade-marketing spend.
- attainment: sell-out / sell-out target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from generator.data.bindings import DataStore, Window, in_window
from generator.data.measures import WEEKS_PER_MONTH

COVER_MONTHS = 3


@dataclass(frozen=True)
class Kpis:
    """The KPI set of one scope; None where the data does not allow a value."""

    sellout: float | None = None
    sellout_ly: float | None = None
    sellout_growth: float | None = None
    sellout_units: float | None = None
    sellin: float | None = None
    sellin_units: float | None = None
    sell_through: float | None = None
    stock_units: float | None = None
    stock_value: float | None = None
    stock_cover_weeks: float | None = None
    trade_spend: float | None = None
    incremental_sellout: float | None = None
    roi: float | None = None
    activations: int | None = None
    target: float | None = None
    attainment: float | None = None
    doors: int | None = None
    flagships: int | None = None
    focus_doors: int | None = None

    def as_dict(self) -> dict[str, float | int | None]:
        """Return the KPIs as a plain mapping."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _div(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0 or math.isnan(b):
        return None
    return a / b


@dataclass(frozen=True, eq=False)
class _Rows:
    """Rows of one source, by ascending position, summed without building a DataFrame.

    A season computes thousands of scopes; numpy sums over the cached columns give the
    same floats as ``Series.sum`` on the same rows in the same order (NaN counted as 0).
    """

    store: DataStore
    source: str
    positions: np.ndarray

    @classmethod
    def of(cls, store: DataStore, source: str, scope: dict[str, str]) -> "_Rows":
        """Return the rows of ``source`` matching ``scope``."""
        positions = store.positions(source, scope)
        return cls(store, source, np.arange(len(store.frame(source))) if positions is None else positions)

    def __len__(self) -> int:
        return len(self.positions)

    def where(self, mask: np.ndarray) -> "_Rows":
        """Return the rows where ``mask`` (one flag per row) is set."""
        return _Rows(self.store, self.source, self.positions[mask])

    def column(self, name: str) -> np.ndarray | pd.Series:
        """Return ``name`` on these rows: a numpy array for plain dtypes, else a Series."""
        values = self.store.values(self.source, name)
        if values.dtype.kind in _NUMPY_KINDS:
            return values[self.positions]
        return self.store.frame(self.source)[name].iloc[self.positions]

    def sum(self, name: str) -> float:
        """Return the sum of ``name`` as pandas gives it (0.0 for a missing column)."""
        if name not in self.store.frame(self.source).columns:
            return 0.0
        values = self.column(name)
        if isinstance(values, np.ndarray) and values.dtype == np.float64:
            return float(np.nansum(values))  # what Series.sum does: NaN -> 0, then a numpy sum
        if isinstance(values, np.ndarray) and values.dtype == np.int64:
            return float(values.sum())
        return float(pd.Series(values).sum())


#: dtypes kept as numpy arrays: integers, floats, booleans, datetimes
_NUMPY_KINDS = "iufbM"


def compute_kpis(store: DataStore, scope: dict[str, str]) -> Kpis:
    """Return the KPIs of the rows matching ``scope`` (e.g. ``{"region_id": "CA"}``)."""
    sources = store.spec.kpis
    values: dict[str, float | int | None] = {}
    values.update(_sales(store, sources.sales, scope))
    recent_units = float(values.pop("_recent_units") or 0.0)
    if sources.stock:
        values.update(_stock(_Rows.of(store, sources.stock, scope), recent_units))
    if sources.trade:
        values.update(_trade(_Rows.of(store, sources.trade, scope)))
    if sources.targets:
        target = _Rows.of(store, sources.targets, scope).sum("sellout_target")
        values.update(target=target or None, attainment=_div(values.get("sellout"), target))
    values.update(_doors(store, scope))
    return Kpis(**values)


def _window_rows(rows: _Rows, window: Window) -> _Rows:
    dates = rows.column(rows.store.spec.sources[rows.source].date_column or "month")
    return rows.where(np.asarray(in_window(dates, window), dtype=bool))


def _sales(store: DataStore, source: str, scope: dict[str, str]) -> dict[str, float | None]:
    rows = _Rows.of(store, source, scope)
    now = _window_rows(rows, store.season)
    before = _window_rows(rows, store.season.shifted(-1))
    sellout, sellout_ly = now.sum("sellout_value"), before.sum("sellout_value")
    return {
        "sellout": sellout, "sellout_ly": sellout_ly,
        "sellout_growth": None if not sellout_ly else sellout / sellout_ly - 1,
        "sellout_units": now.sum("sellout_units"),
        "sellin": now.sum("sellin_value"), "sellin_units": now.sum("sellin_units"),
        "sell_through": _div(now.sum("sellout_units"), now.sum("sellin_units")),
        "_recent_units": _recent_units(now),
    }


def _recent_units(rows: _Rows) -> float:
    column = rows.store.spec.sources[rows.source].date_column or "month"
    cutoff = pd.Timestamp(rows.store.season.end) - pd.DateOffset(months=COVER_MONTHS)
    after = cutoff + pd.Timedelta(days=1)  # after the cutoff day
    dates = rows.column(column)
    mask = dates >= (after.to_datetime64() if isinstance(dates, np.ndarray) else after)
    return rows.where(np.asarray(mask, dtype=bool)).sum("sellout_units")


def _stock(rows: _Rows, recent_units: float) -> dict[str, float | None]:
    units = rows.sum("units_on_hand")
    weekly = recent_units / (COVER_MONTHS * WEEKS_PER_MONTH)
    return {"stock_units": units, "stock_value": rows.sum("value_on_hand"), "stock_cover_weeks": _div(units, weekly)}


def _trade(rows: _Rows) -> dict[str, float | int | None]:
    spend, incremental = rows.sum("spend"), rows.sum("incremental_sellout")
    return {"trade_spend": spend, "incremental_sellout": incremental, "roi": _div(incremental, spend),
            "activations": len(rows)}


def _doors(store: DataStore, scope: dict[str, str]) -> dict[str, int]:
    source = store.spec.retailers
    columns = store.frame(source).columns
    rows = _Rows.of(store, source, {k: v for k, v in scope.items() if k in columns})
    if "tier" not in columns:
        return {"doors": len(rows), "flagships": 0, "focus_doors": 0}
    return {"doors": len(rows), "flagships": _tier_count(rows, "flagship"), "focus_doors": _tier_count(rows, "focus")}


def _tier_count(rows: _Rows, tier: str) -> int:
    """Return how many of ``rows`` have ``tier`` (compared as text)."""
    of_tier = rows.store.positions(rows.source, {"tier": tier})
    return len(np.intersect1d(rows.positions, of_tier, assume_unique=True))
