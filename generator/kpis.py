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

import pandas as pd

from generator.data import DataStore, Window, in_window
from generator.kpi_measures import WEEKS_PER_MONTH

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


def _sum(frame: pd.DataFrame, column: str) -> float:
    return float(frame[column].sum()) if column in frame.columns else 0.0


def compute_kpis(store: DataStore, scope: dict[str, str]) -> Kpis:
    """Return the KPIs of the rows matching ``scope`` (e.g. ``{"region_id": "CA"}``)."""
    sources = store.spec.kpis
    values: dict[str, float | int | None] = {}
    values.update(_sales(store, sources.sales, scope))
    recent_units = float(values.pop("_recent_units") or 0.0)
    if sources.stock:
        values.update(_stock(store, sources.stock, scope, recent_units))
    if sources.trade:
        values.update(_trade(store, sources.trade, scope))
    if sources.targets:
        target = _sum(store.rows(sources.targets, scope), "sellout_target")
        values.update(target=target or None, attainment=_div(values.get("sellout"), target))
    values.update(_doors(store, scope))
    return Kpis(**values)


def _window_rows(store: DataStore, source: str, scope: dict[str, str], window: Window) -> pd.DataFrame:
    frame = store.rows(source, scope)
    return frame[in_window(frame[store.spec.sources[source].date_column or "month"], window)]


def _sales(store: DataStore, source: str, scope: dict[str, str]) -> dict[str, float | None]:
    now = _window_rows(store, source, scope, store.season)
    before = _window_rows(store, source, scope, store.season.shifted(-1))
    sellout, sellout_ly = _sum(now, "sellout_value"), _sum(before, "sellout_value")
    return {
        "sellout": sellout, "sellout_ly": sellout_ly,
        "sellout_growth": None if not sellout_ly else sellout / sellout_ly - 1,
        "sellout_units": _sum(now, "sellout_units"),
        "sellin": _sum(now, "sellin_value"), "sellin_units": _sum(now, "sellin_units"),
        "sell_through": _div(_sum(now, "sellout_units"), _sum(now, "sellin_units")),
        "_recent_units": _recent_units(store, now, source),
    }


def _recent_units(store: DataStore, rows: pd.DataFrame, source: str) -> float:
    column = store.spec.sources[source].date_column or "month"
    cutoff = pd.Timestamp(store.season.end) - pd.DateOffset(months=COVER_MONTHS)
    return _sum(rows[rows[column] >= cutoff + pd.Timedelta(days=1)], "sellout_units")  # after the cutoff day


def _stock(store: DataStore, source: str, scope: dict[str, str], recent_units: float) -> dict[str, float | None]:
    rows = store.rows(source, scope)
    units = _sum(rows, "units_on_hand")
    weekly = recent_units / (COVER_MONTHS * WEEKS_PER_MONTH)
    return {"stock_units": units, "stock_value": _sum(rows, "value_on_hand"), "stock_cover_weeks": _div(units, weekly)}


def _trade(store: DataStore, source: str, scope: dict[str, str]) -> dict[str, float | int | None]:
    rows = store.rows(source, scope)
    spend, incremental = _sum(rows, "spend"), _sum(rows, "incremental_sellout")
    return {"trade_spend": spend, "incremental_sellout": incremental, "roi": _div(incremental, spend),
            "activations": len(rows)}


def _doors(store: DataStore, scope: dict[str, str]) -> dict[str, int]:
    columns = store.frame(store.spec.retailers).columns
    rows = store.rows(store.spec.retailers, {k: v for k, v in scope.items() if k in columns})
    tiers = rows["tier"].astype(str) if "tier" in rows.columns else pd.Series(dtype=str)
    return {"doors": len(rows), "flagships": int((tiers == "flagship").sum()),
            "focus_doors": int((tiers == "focus").sum())}
