"""Monthly KPIs of a scope for the as-of month, referenced in specs as ``month_kpi.<name>``.

Definitions (the as-of month unless said otherwise):
- sellout / sellout_pm / sellout_ly: sell-out value of the month, the previous month, the same
  month last year; growth_vs_pm / growth_vs_ly: the month against each.
- target: the season target phased by last year's months (the month's share of last season's
  sell-out); attainment: sell-out / that target. The ``std_`` figures are season to date.
- stock_units: units on hand at the month's end, rolled back from the stock snapshot through the
  sell-in and sell-out of the months after it; stock_cover_weeks: those units / the average weekly
  sell-out units of the last 3 months.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

import pandas as pd

from generator.data.bindings import DataStore
from generator.errors import Finding
from generator.data.measures import WEEKS_PER_MONTH
from generator.data.periods import AsOf, Window, add_months, month_end
from generator.spec.loader import LoadedYaml

COVER_MONTHS = 3


@dataclass(frozen=True)
class MonthKpis:
    """The KPIs of one scope for one month; None where the data does not allow a value."""

    month: dt.date
    sellout: float | None = None
    sellout_pm: float | None = None
    sellout_ly: float | None = None
    growth_vs_pm: float | None = None
    growth_vs_ly: float | None = None
    change_vs_ly: float | None = None
    sellout_units: float | None = None
    sellin_units: float | None = None
    sell_through: float | None = None
    target: float | None = None
    attainment: float | None = None
    std_sellout: float | None = None
    std_sellout_ly: float | None = None
    std_growth: float | None = None
    std_target: float | None = None
    std_attainment: float | None = None
    stock_units: float | None = None
    stock_cover_weeks: float | None = None

    def as_dict(self) -> dict[str, object]:
        """Return the KPIs as a plain mapping."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _div(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b or b != b else a / b


def _growth(now: float | None, before: float | None) -> float | None:
    ratio = _div(now, before)
    return None if ratio is None else ratio - 1


def monthly_sales(store: DataStore, scope: dict[str, str]) -> pd.DataFrame:
    """Return the scope's sales summed per month (index: first day of month as a Timestamp)."""
    source = store.spec.kpis.sales
    rows = store.rows(source, scope)
    months = pd.to_datetime(rows[store.spec.sources[source].date_column or "month"]).dt.to_period("M").dt.to_timestamp()
    columns = [c for c in ("sellout_value", "sellout_units", "sellin_value", "sellin_units") if c in rows.columns]
    return rows[columns].groupby(months.rename("month")).sum()


def _sum(monthly: pd.DataFrame, column: str, window: Window) -> float:
    if column not in monthly.columns:
        return 0.0
    inside = (monthly.index >= pd.Timestamp(window.start)) & (monthly.index <= pd.Timestamp(window.end))
    return float(monthly.loc[inside, column].sum())


def compute_month_kpis(store: DataStore, scope: dict[str, str]) -> MonthKpis:
    """Return the as-of month's KPIs of the rows matching ``scope`` (e.g. ``{"region_id": "CA"}``)."""
    as_of, season = store.as_of, store.season
    monthly = monthly_sales(store, scope)
    month = as_of.window("month", season)
    sellout = _sum(monthly, "sellout_value", month)
    sellout_pm = _sum(monthly, "sellout_value", as_of.window("previous_month", season))
    sellout_ly = _sum(monthly, "sellout_value", month.shifted(-1))
    units_out, units_in = _sum(monthly, "sellout_units", month), _sum(monthly, "sellin_units", month)
    to_date = as_of.window("season_to_date", season)
    std, std_ly = _sum(monthly, "sellout_value", to_date), _sum(monthly, "sellout_value", to_date.shifted(-1))
    target, std_target = _phased_targets(store, scope, monthly, as_of)
    stock = month_end_stock(store, scope, monthly, as_of)
    recent = _sum(monthly, "sellout_units", as_of.window("last_3_months", season))
    return MonthKpis(
        month=as_of.first, sellout=sellout, sellout_pm=sellout_pm, sellout_ly=sellout_ly,
        growth_vs_pm=_growth(sellout, sellout_pm), growth_vs_ly=_growth(sellout, sellout_ly),
        change_vs_ly=sellout - sellout_ly, sellout_units=units_out, sellin_units=units_in,
        sell_through=_div(units_out, units_in), target=target, attainment=_div(sellout, target),
        std_sellout=std, std_sellout_ly=std_ly, std_growth=_growth(std, std_ly), std_target=std_target,
        std_attainment=_div(std, std_target), stock_units=stock,
        stock_cover_weeks=_div(stock, recent / (COVER_MONTHS * WEEKS_PER_MONTH)) if stock is not None else None)


def _phased_targets(store: DataStore, scope: dict[str, str], monthly: pd.DataFrame,
                    as_of: AsOf) -> tuple[float | None, float | None]:
    """Return the month's and the season-to-date share of the season target, phased by last season."""
    source = store.spec.kpis.targets
    if not source or not store.season.start <= as_of.first <= store.season.end:
        return None, None
    season_target = float(store.rows(source, scope)["sellout_target"].sum())
    last_season = _sum(monthly, "sellout_value", store.season.shifted(-1))
    month_ly = _sum(monthly, "sellout_value", as_of.window("month_last_year", store.season))
    std_ly = _sum(monthly, "sellout_value", as_of.window("season_to_date", store.season).shifted(-1))
    if not season_target or not last_season:
        return None, None
    return season_target * month_ly / last_season, season_target * std_ly / last_season


def stock_day(store: DataStore) -> dt.date | None:
    """Return the stock snapshot's day (None: no stock source with a date column)."""
    source = store.spec.kpis.stock
    if not source or not store.spec.sources[source].date_column:
        return None
    return store.latest_day(source)


def month_end_stock(store: DataStore, scope: dict[str, str], monthly: pd.DataFrame, as_of: AsOf,
                    month: dt.date | None = None) -> float | None:
    """Return the units on hand at the end of ``month`` (default the as-of month), rolled back from the snapshot.

    Units on hand at a month's end are the snapshot's less what came in (sell-in) and plus what
    went out (sell-out) in the months after it, up to the snapshot's month.
    """
    snapshot = stock_day(store)
    first = month or as_of.first
    if snapshot is None or first > snapshot.replace(day=1):
        return None
    units = float(store.rows(store.spec.kpis.stock, scope)["units_on_hand"].sum())
    after = Window(add_months(first, 1), snapshot)
    return units - _sum(monthly, "sellin_units", after) + _sum(monthly, "sellout_units", after)


def coverage_findings(store: DataStore, season_doc: LoadedYaml) -> list[Finding]:
    """Return a finding for each KPI source whose data ends before the as-of month.

    A month the data does not reach would read as zero sales or no stock: never silently.
    """
    findings = []
    sources = [store.spec.kpis.sales] + ([store.spec.kpis.stock] if stock_day(store) else [])
    for source in sources:
        latest = store.latest_day(source)
        if latest is not None and latest.replace(day=1) >= store.as_of.first:
            continue
        reached = latest.strftime("%Y-%m") if latest else "no dated row"
        message = (f"source '{source}' ({store.spec.sources[source].path}) ends at {reached}, "
                   f"before the as-of month {store.as_of.key}")
        hint = (f"update the data, or build an earlier month with --as-of {month_end(latest).isoformat()}"
                if latest else "check its date column")
        findings.append(season_doc.finding(("sources", source, "path"), message, hint))
    return findings
