"""Locale-aware number formatting for axis ticks, data labels and alt text (Babel/CLDR).

Conventions: ``percent`` values are fractions (0.125 -> "12.5%"); ``multiple``
values are ratios (3.2 -> "3.2×"). Compact forms are for axes and data labels.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
)

from generator.charts.model import to_finite

GAP = "–"  # what a missing value reads as
MULTIPLE_SIGN = "×"


@lru_cache(maxsize=4096)  # axis formatters ask for the same ticks on every draw
def format_value(value: float, value_format: str, locale: str, currency: str, compact: bool = False) -> str:
    """Return ``value`` formatted for ``locale`` as a number, currency, percent or multiple."""
    number = to_finite(value)
    if number is None:
        return GAP
    if value_format == "currency":
        return _currency(number, locale, currency, compact)
    if value_format == "percent":
        return format_percent(number, _percent_pattern(locale), locale=locale)
    if value_format == "multiple":
        return format_decimal(number, "#,##0.0", locale=locale) + MULTIPLE_SIGN
    if compact:
        return format_compact_decimal(_one_decimal_below_1000(number), locale=locale, fraction_digits=1)
    return format_decimal(number, locale=locale)


def format_share(fraction: float, locale: str) -> str:
    """Return a part-of-whole ``fraction`` as a locale percent with at most one decimal."""
    return format_value(fraction, "percent", locale, "", compact=True)


def format_month(day: datetime.date, locale: str) -> str:
    """Return the abbreviated month name of ``day`` in ``locale`` (e.g. fr_CA "janv.")."""
    return format_date(day, "MMM", locale=locale)


def format_day(day: datetime.date, locale: str) -> str:
    """Return ``day`` as a medium-length locale date (e.g. fr_CA "15 janv. 2026")."""
    return format_date(day, "medium", locale=locale)


def _currency(number: float, locale: str, currency: str, compact: bool) -> str:
    """Return a currency amount, compact ("$1.2M", "1,2 M$") or full ("$1,234,567.50")."""
    if compact:
        return format_compact_currency(_one_decimal_below_1000(number), currency, locale=locale, fraction_digits=1)
    return format_currency(number, currency, locale=locale)


def _one_decimal_below_1000(number: float) -> float:
    """Return ``number`` rounded to one decimal when below 1,000 (CLDR compact forms only round from 1,000 up)."""
    return round(number, 1) + 0.0 if abs(number) < 1000 else number  # + 0.0: no "-0"


@lru_cache(maxsize=32)
def _percent_pattern(locale: str) -> str:
    """Return the locale's percent pattern allowing one optional decimal (keeps "12,5 %" spacing)."""
    pattern = Locale.parse(locale).percent_formats[None].pattern
    return re.sub(r"0(?!.*0)", "0.#", pattern, count=1)
