"""The as-of date of a build and the month periods it gives bindings, KPIs and text.

Monthly calls and trackers look at one month (the as-of month) against the one before
and the same month last year. ``month_to_date`` and ``season_to_date`` end on the
as-of day itself; the other periods are whole months.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

#: every period a binding may name besides the season ones
MONTH_PERIODS = ("month", "month_last_year", "previous_month", "next_month", "last_3_months",
                 "month_to_date", "season_to_date")


@dataclass(frozen=True)
class Window:
    """A closed date interval [start, end]."""

    start: dt.date
    end: dt.date

    def shifted(self, years: int) -> "Window":
        """Return the same window ``years`` later (negative: earlier)."""
        return Window(shift_years(self.start, years), shift_years(self.end, years))


def shift_years(day: dt.date, years: int) -> dt.date:
    """Return ``day`` ``years`` later (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def month_end(day: dt.date) -> dt.date:
    """Return the last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """Return the first day of the month ``months`` after ``day``'s (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_window(first: dt.date) -> Window:
    """Return the whole month starting on ``first``."""
    return Window(first, month_end(first))


@dataclass(frozen=True)
class AsOf:
    """The day a monthly build looks from: its month, the one before, last year's."""

    day: dt.date

    @property
    def first(self) -> dt.date:
        """Return the first day of the as-of month."""
        return self.day.replace(day=1)

    @property
    def key(self) -> str:
        """Return the month as ``YYYY-MM`` (file names, summaries)."""
        return f"{self.day.year:04d}-{self.day.month:02d}"

    def window(self, period: str, season: Window) -> Window:
        """Return the date window of one of :data:`MONTH_PERIODS`."""
        first = self.first
        windows = {
            "month": lambda: month_window(first),
            "month_last_year": lambda: month_window(first).shifted(-1),
            "previous_month": lambda: month_window(add_months(first, -1)),
            "next_month": lambda: month_window(add_months(first, 1)),
            "last_3_months": lambda: Window(add_months(first, -2), month_end(first)),
            "month_to_date": lambda: Window(first, self.day),
            "season_to_date": lambda: Window(season.start, min(self.day, season.end)),
        }
        return windows[period]()

    def months(self, season: Window) -> list[dt.date]:
        """Return the first day of every season month up to the as-of month (tracker columns)."""
        months, first = [], season.start.replace(day=1)
        while first <= min(self.first, season.end):
            months.append(first)
            first = add_months(first, 1)
        return months

    def as_values(self) -> dict[str, object]:
        """Return what deck text sees as ``month``: its first and last day, key, previous and next month."""
        return {"start": self.first, "end": month_end(self.first), "key": self.key, "day": self.day,
                "previous": add_months(self.first, -1), "next": add_months(self.first, 1),
                "last_year": shift_years(self.first, -1)}
