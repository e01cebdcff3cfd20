"""Typed models of the KPI tracker workbooks a season declares (``trackers:`` in season.yaml).

Texts are English source strings translated through the season's catalogs, like deck text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from generator.spec.base import Strict

#: KPI families a tracker can hold, one sheet each (sell_through also writes the two units sheets it divides)
TrackerKpi = Literal["sellout", "sell_through", "stock_cover", "roi"]
TRACKER_KPIS: tuple[str, ...] = TrackerKpi.__args__  # type: ignore[attr-defined]


class TrackerAlerts(Strict):
    """Thresholds under which a cell is marked by conditional formatting."""

    growth_below: float = Field(default=0.0, description="sell-out growth vs last year")
    attainment_below: float = Field(default=0.9, description="sell-out / target")
    sell_through_below: float = Field(default=0.5, description="units sold out / sold in")
    stock_cover_below: float = Field(default=6.0, description="weeks of stock cover")
    roi_below: float = Field(default=1.0, description="incremental sell-out / spend")


class TrackerTexts(Strict):
    """The tracker's words: sheet names, headers and titles (English source strings)."""

    title: str = "{{ season.name }} KPI tracker: {{ audience }}"
    network: str = "all regions"
    sellout: str = "Sell-out"
    sellout_units: str = "Units sold out"
    sellin_units: str = "Units sold in"
    sell_through: str = "Sell-through"
    stock_cover: str = "Stock cover"
    roi: str = "Trade ROI"
    initiatives: str = "Initiatives"
    retailer: str = "Retailer"
    region: str = "Region"
    currency: str = "Currency"
    total: str = "Total"
    season_to_date: str = "Season to date"
    same_months_last_year: str = "Same months last year"
    growth_to_date: str = "Growth vs last year, season to date"
    target_to_date: str = "Target, season to date"
    attainment_to_date: str = "Attainment, season to date"
    month: str = "{{ month.start | month }} {{ month.start.year }}"
    month_last_year: str = "Same month last year"
    month_growth: str = "Growth vs same month last year"
    month_target: str = "Month target"
    month_attainment: str = "Month attainment"
    units_on_hand: str = "Units on hand, month end"
    cover_basis: str = "Units sold out, last 3 months"
    cover_weeks: str = "Weeks of cover, month end"
    spend: str = "Spend"
    incremental: str = "Incremental sell-out"
    running: str = "Activations still running (not counted)"
    about: str = "About"
    data: str = "Data"
    initiative: str = "Initiative"
    start: str = "Start"
    end: str = "End"
    owner: str = "Owner"
    as_of: str = "As of {{ as_of | date }}"


class TrackerDef(Strict):
    """One tracker workbook: per region (in each of its languages) or one for the whole network."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    audience: Literal["region", "network"]
    languages: list[Literal["en", "fr", "es"]] | None = Field(
        default=None, description="region: only these of the region's languages; network: default [en]")
    filename: str = Field(default="", description="default <region id>-<name> or network-<name>")
    kpis: list[TrackerKpi] = Field(min_length=1, description="one sheet per KPI family, in this order")
    initiatives: str | None = Field(default=None, description="source of the initiatives timeline sheet")
    alerts: TrackerAlerts = Field(default_factory=TrackerAlerts)
    texts: TrackerTexts = Field(default_factory=TrackerTexts)

    @field_validator("kpis")
    @classmethod
    def _once_each(cls, kpis: list[str]) -> list[str]:
        twice = sorted({k for k in kpis if kpis.count(k) > 1})
        if twice:
            raise ValueError(f"KPI family {', '.join(twice)} listed twice")
        return kpis
