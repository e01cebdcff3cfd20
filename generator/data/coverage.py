"""Coverage of the KPI sources: every month a build's figures use is in the data, checked, never assumed.

A month missing from the sales file would read as zero sales: a season to date 15 % short, a
stock cover from two months instead of three, a chart that skips a month. So before anything
is computed, the as-of day is checked against the data's span and the season, and every month
the figures need is looked for in the sales source (its grain: ``month`` unless it says
``day``). A door without rows in a month is reported too, unless the source declares
``missing_rows: zero``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.data.bindings import DataStore
from generator.data.figures import COVER_MONTHS, figures_month, month_starts
from generator.data.periods import add_months, month_end, shift_years
from generator.errors import DataError, Finding
from generator.spec import LoadedYaml


@dataclass(frozen=True)
class Span:
    """The first and last month of a source's dated rows."""

    first: dt.date
    last: dt.date

    def __str__(self) -> str:
        return f"{self.first:%Y-%m} to {self.last:%Y-%m}"


def data_span(store: DataStore, source: str) -> Span | None:
    """Return the months ``source``'s dated rows span (None: no dated row)."""
    months = month_starts(store, source).dropna()
    return None if months.empty else Span(months.min().date(), months.max().date())


def check_as_of(store: DataStore, day: dt.date, named: str | None = None) -> None:
    """Raise DataError when ``day`` cannot be the as-of day of this season and data, saying what to pass instead.

    ``named``: how the message calls the day (default ``--as-of DAY``, the option that gave it).
    """
    source = store.spec.kpis.sales
    span = data_span(store, source)
    season = store.season
    first = day.replace(day=1)
    named = named or f"--as-of {day}"
    if span is None:
        raise DataError(f"{named}: the sales source '{source}' has no dated row, so no month has figures")
    latest = min(month_end(span.last), season.end)
    earliest = month_end(max(span.first, season.start.replace(day=1)))
    suggest = f"pass a month's end from {earliest} to {latest}" if earliest <= latest else "update the data"
    if first < season.start.replace(day=1):
        raise DataError(f"{named} is before the season starts ({season.start}): its figures would be "
                        f"blanks and zeros; the sales data covers {span} ({suggest})")
    if first > span.last:
        raise DataError(f"{named} is after the last month of the sales data ({span}): "
                        f"that month would read as zero sales ({suggest})")
    if first > season.end:
        raise DataError(f"{named} is after the season ends ({season.end}) ({suggest})")
    if _grain(store, source) == "month" and day != month_end(day) and day != season.end:
        raise DataError(f"{named}: the sales data is monthly, so a day inside {day:%B %Y} would show the "
                        f"whole month's figures as of the {_ordinal(day.day)} (pass the month's end: "
                        f"--as-of {month_end(day)})")


def _ordinal(number: int) -> str:
    """Return ``number`` as an English ordinal (1st, 2nd, 3rd, 11th, 22nd)."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _grain(store: DataStore, source: str) -> str:
    return store.spec.sources[source].grain or "month"


def needed_months(store: DataStore) -> dict[dt.date, str]:
    """Return each month the store's as-of figures read from the sales source, with the figures that need it."""
    season, as_of = store.season, store.as_of
    needs: dict[dt.date, list[str]] = {}

    def need(first: dt.date, last: dt.date, what: str) -> None:
        month = first.replace(day=1)
        while month <= last:
            needs.setdefault(month, []).append(what)
            month = add_months(month, 1)

    end = figures_month(store)
    need(season.start, end, "season to date")
    need(shift_years(season.start, -1), shift_years(end, -1), "the same months last year")
    need(shift_years(season.start, -1), shift_years(season.end, -1), "last season (target phasing)")
    need(add_months(as_of.first, -1), add_months(as_of.first, -1), "the previous month")
    need(add_months(as_of.first, 1 - COVER_MONTHS), as_of.first, f"stock cover (last {COVER_MONTHS} months)")
    return {month: ", ".join(dict.fromkeys(what)) for month, what in sorted(needs.items())}


def coverage_findings(store: DataStore, season_doc: LoadedYaml) -> list[Finding]:
    """Return a finding for each month the as-of figures need that a KPI source lacks, and each door without rows."""
    findings = []
    sales = store.spec.kpis.sales
    present = _months_present(store, sales)
    for month, why in needed_months(store).items():
        if month not in present:
            findings.append(season_doc.finding(
                ("sources", sales, "path"), f"source '{sales}' ({store.spec.sources[sales].path}) has no row for "
                f"{month:%Y-%m}; the as-of month {store.as_of.key} needs it for: {why}",
                "add the month's rows (a month without sales is written as rows of zeros), or build an earlier "
                "month with --as-of"))
    findings += _stock_findings(store, season_doc)
    if not findings and store.spec.sources[sales].missing_rows == "report":
        findings += _door_gaps(store, season_doc, present)
    return findings


def _months_present(store: DataStore, source: str) -> set[dt.date]:
    return {month.date() for month in month_starts(store, source).dropna().unique()}


def _stock_findings(store: DataStore, season_doc: LoadedYaml) -> list[Finding]:
    """Return a finding when the stock snapshot is older than the as-of month (stock would be unknown)."""
    source = store.spec.kpis.stock
    if not source or not store.spec.sources[source].date_column:
        return []
    latest = store.latest_day(source)
    if latest is not None and latest.replace(day=1) >= store.as_of.first:
        return []
    reached = latest.strftime("%Y-%m") if latest else "no dated row"
    hint = (f"update the data, or build an earlier month with --as-of {month_end(latest).isoformat()}"
            if latest else "check its date column")
    return [season_doc.finding(("sources", source, "path"), f"source '{source}' ({store.spec.sources[source].path}) "
                               f"ends at {reached}, before the as-of month {store.as_of.key}", hint)]


def _door_gaps(store: DataStore, season_doc: LoadedYaml, present: set[dt.date]) -> list[Finding]:
    """Return a warning per door that has no sales row in a season month up to the as-of month."""
    sales = store.spec.kpis.sales
    frame = store.frame(sales)
    seen = set(zip(frame["retailer_id"].astype(str), month_starts(store, sales).dt.date))
    retailers = store.frame(store.spec.retailers)
    regions = {r.id for r in store.spec.regions}
    doors = retailers[retailers["region_id"].astype(str).isin(regions)]
    wanted = [m for m, why in needed_months(store).items() if "season to date" in why]
    findings = []
    for door in doors.itertuples(index=False):
        missing = [m for m in wanted if (str(door.retailer_id), m) not in seen]
        if missing:
            listed = ", ".join(f"{m:%Y-%m}" for m in missing)
            findings.append(season_doc.finding(
                ("sources", sales, "path"), f"door {door.retailer_id} ({door.name}) has no row in {listed}: "
                "its figures read those months as zero", "add its rows, or declare missing_rows: zero on the source "
                "when no row means no sales", severity="warning"))
    return findings
