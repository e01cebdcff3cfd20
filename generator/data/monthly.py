"""Monthly KPIs of a scope for the as-of month, referenced in specs as ``month_kpi.<name>``.

The month figures and the season-to-date (``std_``) figures come from the same per-door
monthly figures as the season KPIs and the trackers (:mod:`generator.data.figures`): a
region's month target is the sum of its doors' phased targets, as in its tracker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from generator.data.bindings import DataStore
from generator.data.figures import scope_months
from generator.data.figures import season_to_date
from generator.data.kpis import growth, ratio
from generator.data.periods import month_window, add_months


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


def compute_month_kpis(store: DataStore, scope: dict[str, str]) -> MonthKpis:
    """Return the as-of month's KPIs of the doors matching ``scope`` (e.g. ``{"region_id": "CA"}``)."""
    months = scope_months(store, scope)
    first = store.as_of.first
    month = month_window(first)
    sellout = months.total("sellout_value", month)
    sellout_pm = months.total("sellout_value", month_window(add_months(first, -1)))
    sellout_ly = months.total("sellout_value", month.shifted(-1))
    units_out, units_in = months.total("sellout_units", month), months.total("sellin_units", month)
    to_date = season_to_date(store)
    std, std_ly = months.total("sellout_value", to_date), months.total("sellout_value", to_date.shifted(-1))
    target = months.phased_target(month)
    std_target = months.phased_target(to_date) if store.season.start <= first <= store.season.end else None
    return MonthKpis(
        month=first, sellout=sellout, sellout_pm=sellout_pm, sellout_ly=sellout_ly,
        growth_vs_pm=growth(sellout, sellout_pm), growth_vs_ly=growth(sellout, sellout_ly),
        change_vs_ly=sellout - sellout_ly, sellout_units=units_out, sellin_units=units_in,
        sell_through=ratio(units_out, units_in), target=target, attainment=ratio(sellout, target),
        std_sellout=std, std_sellout_ly=std_ly, std_growth=growth(std, std_ly), std_target=std_target,
        std_attainment=ratio(std, std_target), stock_units=months.stock_units(first),
        stock_cover_weeks=months.cover_weeks(first))
