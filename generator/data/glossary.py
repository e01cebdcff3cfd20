"""The KPI glossary: every KPI name a spec can use, its formula, its period and what it shows mid-season.

``decks/KPIS.md`` is generated from :data:`KPI_GLOSSARY` (``kitgen schema --kpis``) and a test
fails when the page, the glossary and the KPI classes disagree, so a KPI added to
:class:`~generator.data.kpis.Kpis` or :class:`~generator.data.monthly.MonthKpis` without a
definition does not pass. Trackers write the same definitions on their "About" sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from generator.data.kpis import Kpis
from generator.data.monthly import MonthKpis


@dataclass(frozen=True)
class Definition:
    """One KPI as a reader needs it: what it is, how it is computed, over which period."""

    name: str
    formula: str
    period: str


_STD = "season to date: the season's first month to the as-of month (the whole season once it is over)"
_LY = "the same months last year"
_MONTH = "the as-of month"

#: ``kpi.*`` (and ``region_kpi.*``, ``door_kpi.*``, ``<repeat>_kpi.*``): a scope's season figures
SEASON_KPIS: dict[str, Definition] = {d.name: d for d in (
    Definition("sellout", "sell-out value", _STD),
    Definition("sellout_ly", "sell-out value", _LY + " (of the season to date)"),
    Definition("sellout_growth", "sellout / sellout_ly - 1", _STD + ", against " + _LY),
    Definition("sellout_units", "units sold out", _STD),
    Definition("sellin", "sell-in value", _STD),
    Definition("sellin_units", "units sold in", _STD),
    Definition("sell_through", "units sold out / units sold in", _STD),
    Definition("stock_units", "units on hand at the month's end, rolled back from the stock snapshot through "
               "the sell-in and sell-out of the months after it", "the end of the as-of month"),
    Definition("stock_value", "value on hand at the stock snapshot (not rolled back: blank when the snapshot "
               "is not in the as-of month)", "the stock snapshot"),
    Definition("stock_cover_weeks", "stock_units / average weekly sell-out units of the 3 months ending with the "
               "as-of month (52 / 12 weeks a month)", "the end of the as-of month"),
    Definition("trade_spend", "trade-marketing spend of the activations that have ended", _STD),
    Definition("incremental_sellout", "incremental sell-out of the activations that have ended", _STD),
    Definition("roi", "incremental_sellout / trade_spend (activations still running are not counted: their "
               "incremental sell-out is not measured whole yet)", _STD),
    Definition("activations", "activations that started in the season and ended by the as-of day", _STD),
    Definition("activations_running", "activations that started in the season and have not ended", "the as-of day"),
    Definition("target", "the season target phased to date: each door's target spread over the season's months "
               "by its own last-season sell-out (evenly without one), summed over the scope's doors", _STD),
    Definition("season_target", "the whole season's sell-out target", "the whole season"),
    Definition("attainment", "sellout / target (both to date, never a part against the whole season)", _STD),
    Definition("doors", "retailers in the scope", "now"),
    Definition("flagships", "retailers of tier flagship in the scope", "now"),
    Definition("focus_doors", "retailers of tier focus in the scope", "now"),
)}

#: ``month_kpi.*`` (and ``region_month_kpi.*``, ``<repeat>_month_kpi.*``): a scope's as-of month
MONTH_KPIS: dict[str, Definition] = {d.name: d for d in (
    Definition("month", "the first day of the as-of month", _MONTH),
    Definition("sellout", "sell-out value", _MONTH),
    Definition("sellout_pm", "sell-out value", "the month before the as-of month"),
    Definition("sellout_ly", "sell-out value", "the same month last year"),
    Definition("growth_vs_pm", "sellout / sellout_pm - 1", _MONTH + ", against the month before"),
    Definition("growth_vs_ly", "sellout / sellout_ly - 1", _MONTH + ", against the same month last year"),
    Definition("change_vs_ly", "sellout - sellout_ly", _MONTH + ", against the same month last year"),
    Definition("sellout_units", "units sold out", _MONTH),
    Definition("sellin_units", "units sold in", _MONTH),
    Definition("sell_through", "sellout_units / sellin_units", _MONTH),
    Definition("target", "the month's share of the phased season target (see kpi.target)", _MONTH),
    Definition("attainment", "sellout / target", _MONTH),
    Definition("std_sellout", "sell-out value (equals kpi.sellout)", _STD),
    Definition("std_sellout_ly", "sell-out value (equals kpi.sellout_ly)", _LY + " (of the season to date)"),
    Definition("std_growth", "std_sellout / std_sellout_ly - 1 (equals kpi.sellout_growth)", _STD),
    Definition("std_target", "the phased target to date (equals kpi.target)", _STD),
    Definition("std_attainment", "std_sellout / std_target (equals kpi.attainment)", _STD),
    Definition("stock_units", "units on hand at the month's end (equals kpi.stock_units)", "the end of the as-of month"),
    Definition("stock_cover_weeks", "as kpi.stock_cover_weeks", "the end of the as-of month"),
)}

#: the tracker columns' definitions, as the "About" sheet of every tracker gives them
TRACKER_TERMS: tuple[tuple[str, str], ...] = (
    ("Season to date", "The season's months up to the as-of month."),
    ("Same months last year", "Sell-out of the same months one year earlier."),
    ("Target, season to date", "Each door's season target spread over the season's months by its own sell-out "
     "in the same months of last season (evenly without one), summed up to the as-of month."),
    ("Attainment", "Sell-out divided by the target of the same period."),
    ("Sell-through", "Units sold out divided by units sold in."),
    ("Stock cover", "Units on hand at the month's end divided by the average weekly sell-out units of the three "
     "months ending with it."),
    ("Trade ROI", "Incremental sell-out divided by spend, for activations that have ended; activations still "
     "running are listed apart and not counted."),
)

#: every word of the About sheet, translated through the season's catalogs like the trackers' headers
TRACKER_WORDS: tuple[str, ...] = ("As of", "Season", "Sources", "Build inputs",
                                  *(text for term in TRACKER_TERMS for text in term))


def glossary_page() -> str:
    """Return the Markdown KPI glossary (``decks/KPIS.md``)."""
    lines = [_HEADER]
    for title, names, table in (("Season KPIs: `kpi.*`", "`kpi`, `region_kpi` (a retailer deck's region), "
                                 "`<as>_kpi` in a repeat (e.g. `door_kpi`)", SEASON_KPIS),
                                ("Month KPIs: `month_kpi.*`", "`month_kpi`, `region_month_kpi`, `<as>_month_kpi` "
                                 "in a repeat", MONTH_KPIS)):
        lines += [f"## {title}", "", f"Names: {names}.", "", "| name | formula | period |", "|---|---|---|"]
        lines += [f"| `{d.name}` | {d.formula} | {d.period} |" for d in table.values()]
        lines.append("")
    return "\n".join(lines)


def undefined_kpis() -> list[str]:
    """Return the KPI fields the glossary does not define (a test keeps this empty)."""
    season = [f"kpi.{f.name}" for f in fields(Kpis) if f.name not in SEASON_KPIS]
    month = [f"month_kpi.{f.name}" for f in fields(MonthKpis) if f.name not in MONTH_KPIS]
    return season + month


_HEADER = """# KPI glossary

Every KPI name a spec can use, with its formula and the period it covers. One module computes them
(`generator/data/figures.py`, `kpis.py`, `monthly.py`); decks, trackers, kits and the review page all
read it, so a figure is the same wherever it appears. Generated by `kitgen schema --kpis`; a test fails
when this page and the code disagree.

- **The as-of month** is the month `kitgen build --as-of` names (a month's last day), by default the
  latest month of the sales data. It must lie in the season and inside the data.
- **Mid-season, a season figure is season to date**, compared with the same months last year and with
  the target phased to date: never a part of the season against the whole of another.
- **Coverage is checked**: every month these figures read must be in the sales data, or the build stops
  and names the month and the figures that need it.
- A figure the data cannot give (no last year, no target, no stock) is blank in trackers and "n/a" on
  slides, with a warning naming the deck, slide and binding.
"""
