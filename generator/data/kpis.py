"""Season KPIs of a scope (a region, a retailer), referenced in specs as ``kpi.<name>``.

Every season figure is **season to date**: from the season's first day to the as-of month's
end (the whole season once the as-of month is its last), compared with the same months last
year, never with the whole of last season. The per-door monthly figures and the rules for
phasing targets and rolling stock back live in :mod:`generator.data.figures`; the definitions,
as a reader sees them, are in the KPI glossary (``decks/KPIS.md``, made by :mod:`generator.data.glossary`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from generator.data.bindings import DataStore
from generator.data.figures import figures_month, scope_months, season_to_date


@dataclass(frozen=True)
class Kpis:
    """The KPI set of one scope, season to date; None where the data does not allow a value."""

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
    activations_running: int | None = None
    target: float | None = None
    season_target: float | None = None
    attainment: float | None = None
    doors: int | None = None
    flagships: int | None = None
    focus_doors: int | None = None

    def as_dict(self) -> dict[str, float | int | None]:
        """Return the KPIs as a plain mapping."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def ratio(a: float | None, b: float | None) -> float | None:
    """Return a / b (None when either is missing or b is zero)."""
    if a is None or b is None or b == 0 or math.isnan(b):
        return None
    return a / b


def growth(now: float | None, before: float | None) -> float | None:
    """Return ``now`` against ``before`` as a growth rate (None when ``before`` is missing or zero)."""
    share = ratio(now, before)
    return None if share is None else share - 1


def compute_kpis(store: DataStore, scope: dict[str, str]) -> Kpis:
    """Return the season-to-date KPIs of the doors matching ``scope`` (e.g. ``{"region_id": "CA"}``)."""
    months = scope_months(store, scope)
    to_date, month = season_to_date(store), figures_month(store)
    sellout, sellout_ly = months.total("sellout_value", to_date), months.total("sellout_value", to_date.shifted(-1))
    units_out, units_in = months.total("sellout_units", to_date), months.total("sellin_units", to_date)
    target = months.phased_target(to_date)
    values: dict[str, float | int | None] = {
        "sellout": sellout, "sellout_ly": sellout_ly, "sellout_growth": growth(sellout, sellout_ly),
        "sellout_units": units_out, "sellin": months.total("sellin_value", to_date), "sellin_units": units_in,
        "sell_through": ratio(units_out, units_in),
        "stock_units": months.stock_units(month), "stock_value": _stock_value(store, scope, month),
        "stock_cover_weeks": months.cover_weeks(month),
        "target": target, "season_target": months.target or None, "attainment": ratio(sellout, target)}
    if store.spec.kpis.trade:
        values.update(trade_figures(store, scope))
    values.update(_doors(store, scope))
    return Kpis(**values)


def _stock_value(store: DataStore, scope: dict[str, str], month: dt.date) -> float | None:
    """Return the value on hand at the snapshot, when the snapshot is the figures' month (it is not rolled back)."""
    source = store.spec.kpis.stock
    day = store.latest_day(source) if source and store.spec.sources[source].date_column else None
    if day is None or day.replace(day=1) != month:
        return None
    rows = store.rows(source, {k: v for k, v in scope.items() if k in store.frame(source).columns})
    return float(rows["value_on_hand"].sum()) if "value_on_hand" in rows.columns else None


def counted_activations(store: DataStore, rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the trade-marketing ``rows`` that count in the season's figures, and those still running.

    An activation counts once it has ended: it started in the season and its ``end`` (its start
    when the source has no end column) is on or before the as-of day, so its incremental
    sell-out is measured whole. One that started but has not ended is running: it is counted
    apart (``activations_running``) and in no spend, incremental sell-out or ROI.
    """
    source = store.spec.sources[store.spec.kpis.trade]
    start = pd.to_datetime(rows[source.date_column or "start"])
    end = pd.to_datetime(rows["end"]) if "end" in rows.columns else start
    as_of = pd.Timestamp(min(store.as_of.day, store.season.end))
    started = np.asarray((start >= pd.Timestamp(store.season.start)) & (start <= as_of), dtype=bool)
    ended = np.asarray(end <= as_of, dtype=bool)
    return rows[started & ended], rows[started & ~ended]


def trade_figures(store: DataStore, scope: dict[str, str]) -> dict[str, float | int | None]:
    """Return spend, incremental sell-out, ROI and activation counts of the scope's ended activations."""
    source = store.spec.kpis.trade
    rows = store.rows(source, {k: v for k, v in scope.items() if k in store.frame(source).columns})
    counted, running = counted_activations(store, rows)
    spend, incremental = float(counted["spend"].sum()), float(counted["incremental_sellout"].sum())
    return {"trade_spend": spend, "incremental_sellout": incremental, "roi": ratio(incremental, spend),
            "activations": len(counted), "activations_running": len(running)}


def _doors(store: DataStore, scope: dict[str, str]) -> dict[str, int]:
    source = store.spec.retailers
    frame = store.frame(source)
    positions = store.positions(source, {k: v for k, v in scope.items() if k in frame.columns})
    rows = frame if positions is None else frame.iloc[positions]
    if "tier" not in frame.columns:
        return {"doors": len(rows), "flagships": 0, "focus_doors": 0}
    tiers = rows["tier"].astype(str)
    return {"doors": len(rows), "flagships": int((tiers == "flagship").sum()), "focus_doors": int((tiers == "focus").sum())}
