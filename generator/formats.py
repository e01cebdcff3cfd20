"""The one set of locale formatting rules: figures and dates as text, and as Excel number codes.

Every stage that shows a figure (slide text, tables, chart ticks and labels, alt
text, native charts, tracker workbooks) asks this module, so a figure reads the
same wherever it appears. The rules, per kind of value:

- ``number``: grouped; one decimal only when not whole and below 100 (``1,234,567``, ``12.3``);
- ``currency``: whole units (``$1,234,568``, ``1 234 568 $``);
- ``percent``: a fraction shown with one decimal (0.04 -> ``4.0%``, ``4,0 %``);
- ``multiple``: a ratio with one decimal and a times sign (``3.2×``);
- ``weeks``: one decimal (``3.5``);
- ``date``: the long locale date; ``month``: the abbreviated month name; ``text``: as is.

Compact forms (axes, data labels, the ``money`` filter) abbreviate from 1,000 up
with at most one decimal (``$1.2M``, ``1,2 M$``, 999,960 -> ``1M``). Below 1,000 a
compact amount keeps at most one decimal (``$0.9``, ``$560.5``), so the ticks of a
small axis stay distinct, and a compact number follows the number rule; percent,
multiple and weeks have no compact form of their own. Halves round away from zero (1.25% -> 1.3%,
not the banker's 1.2%), and a value that rounds to zero never shows "-0".
A missing figure (None, NaN, infinity, not a number) shows as the gap sign ``–``.

Excel number codes come from the same CLDR patterns: Excel shows digits with the
reader's own separators, so a code only fixes the symbol, its place and spacing
(fr_CA ``#,##0" $"``) and, through ``[$-LCID]``, the language of month names.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
)

from generator.errors import LocalizeError

GAP = "–"  # what a missing figure reads as
MULTIPLE_SIGN = "\u00d7"
#: the kinds of value :func:`format_value` knows (the spec's ValueFormat)
KINDS = ("number", "currency", "percent", "multiple", "weeks", "date", "month", "text")
#: Windows locale ids of the locales kitgen builds for (month names in Excel date codes)
LCIDS = {"en_US": "409", "en_CA": "1009", "fr_CA": "C0C", "fr_FR": "40C", "es_MX": "80A", "es_ES": "C0A"}
MONTH_WIDTHS = {"abbreviated": "MMM", "wide": "MMMM", "narrow": "MMMMM"}

# half away from zero, as people round; the precision leaves room for any float quantized to 0.001
_ROUNDING = decimal.Context(prec=400, rounding=decimal.ROUND_HALF_UP)
_NUMBER_PART = re.compile(r"[#0][#0,.]*")  # the digits of a CLDR pattern: "#,##0.00" in "¤#,##0.00"


# ------------------------------------------------------------------ locales and values
@lru_cache(maxsize=64)
def babel_locale(locale: str) -> Locale:
    """Return the Babel locale of ``locale`` (e.g. ``fr_CA``); an unknown one is a LocalizeError."""
    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise LocalizeError(f"unknown locale '{locale}' (use e.g. en_US, fr_CA, es_MX)") from exc


def finite_number(value: Any) -> float | None:
    """Return ``value`` as a float, or None when it is missing, NaN, infinite, a bool or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def as_date(value: Any) -> dt.date | None:
    """Return ``value`` (date, datetime, pandas Timestamp, ISO text) as a date, or None when it is none."""
    if value is None or _is_nan(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date()
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _is_nan(value: Any) -> bool:
    """Return whether ``value`` is NaN-like (float NaN, pandas NaT), which equals nothing, itself included."""
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


# ------------------------------------------------------------------ figures
def format_value(value: Any, kind: str, locale: str, currency: str, *, compact: bool = False) -> str:
    """Return ``value`` as text of ``kind`` (see :data:`KINDS`) in ``locale``; a missing figure is ``–``."""
    if kind in ("text", ""):
        return "" if value is None else str(value)
    if kind == "date":
        return format_day(value, locale, "long")
    if kind == "month":
        return format_month(value, locale)
    if kind not in KINDS:
        raise LocalizeError(f"unknown value format '{kind}'")
    number = finite_number(value)
    return GAP if number is None else _format_figure(number, kind, locale, currency, compact)


def signed_percent(value: Any, locale: str) -> str:
    """Return a fraction as a percent with an explicit sign (``+4.2%``, ``-3,9 %``); zero shows ``+0.0%``."""
    number = finite_number(value)
    if number is None:
        return GAP
    text = _format_figure(number, "percent", locale, "", False)
    return text if _rounded(number, 3) < 0 else "+" + text


def format_share(fraction: float, locale: str) -> str:
    """Return a part of a whole (donut slices, alt text) as a percent: the percent rule, one decimal."""
    return format_value(fraction, "percent", locale, "")


@lru_cache(maxsize=8192)  # chart axes ask for the same ticks on every draw, tables for the same figures
def _format_figure(number: float, kind: str, locale: str, currency: str, compact: bool) -> str:
    """Return the finite ``number`` formatted as ``kind`` (number, currency, percent, multiple, weeks)."""
    babel = babel_locale(locale)
    with decimal.localcontext(_ROUNDING):  # Babel rounds in the current context: away from zero here too
        if kind == "percent":
            return format_percent(_rounded(number, 3), _pattern(babel.percent_formats[None].pattern, "#,##0.0"),
                                  locale=babel)
        if kind == "multiple":
            return format_decimal(_rounded(number, 1), "#,##0.0", locale=babel) + MULTIPLE_SIGN
        if kind == "weeks":
            return format_decimal(_rounded(number, 1), "#,##0.0", locale=babel)
        if kind == "currency":
            return _currency(number, babel, currency, compact)
        if compact:
            rounded = _compact_rounded(number, babel.compact_decimal_formats["short"]["other"])
            if abs(rounded) >= 1000:
                return format_compact_decimal(rounded, locale=babel, fraction_digits=1)
        return _plain_number(number, babel)


def _plain_number(number: float, babel: Locale) -> str:
    """Return a grouped number: one decimal when it is not whole and below 100, else none."""
    tenth = _rounded(number, 1)
    if tenth == tenth.to_integral_value() or abs(tenth) >= 100:
        return format_decimal(_rounded(number, 0), "#,##0", locale=babel)
    return format_decimal(tenth, "#,##0.0", locale=babel)


def _currency(number: float, babel: Locale, currency: str, compact: bool) -> str:
    """Return an amount: whole units in full (``1 234 568 $``), at most one decimal when compact."""
    if not compact:
        pattern = _pattern(babel.currency_formats["standard"].pattern, "#,##0")
        return format_currency(_rounded(number, 0), currency, pattern, locale=babel, currency_digits=False)
    rounded = _compact_rounded(number, babel.compact_currency_formats["short"]["other"])
    if abs(rounded) >= 1000:
        return format_compact_currency(rounded, currency, locale=babel, fraction_digits=1)
    # below 1,000 the full pattern with one decimal at most: Babel's compact form there keeps every
    # decimal and, for es_MX, puts the symbol after the digits ("0.9 $" beside a full "$250")
    pattern = _pattern(babel.currency_formats["standard"].pattern, "#,##0.#")
    return format_currency(rounded, currency, pattern, locale=babel, currency_digits=False)


def _compact_rounded(number: float, table: dict[str, Any]) -> Decimal:
    """Return ``number`` rounded to one decimal of its compact unit (999,960 -> 1,000,000, not "1000K").

    Babel picks the unit before it rounds, so a value just under the next unit would read "1000K".
    """
    for magnitude in sorted((int(m) for m in table), reverse=True):
        if abs(number) >= magnitude:
            zeros = str(table[str(magnitude)].pattern).count("0")
            if zeros == 0:
                break
            unit = Decimal(magnitude // 10 ** (zeros - 1))
            units = _ROUNDING.divide(Decimal(repr(number)), unit).quantize(Decimal("0.1"), context=_ROUNDING)
            return _tidy(_ROUNDING.multiply(units, unit))
    return _rounded(number, 1)


def _rounded(number: float, digits: int) -> Decimal:
    """Return ``number`` rounded half away from zero to ``digits`` decimals, never a negative zero."""
    return _tidy(Decimal(repr(number)).quantize(Decimal(1).scaleb(-digits), context=_ROUNDING))


def _tidy(number: Decimal) -> Decimal:
    """Return ``number`` with a negative zero made positive: "-0.0%" reads as a loss that is not there."""
    return number.copy_abs() if number.is_zero() else number


@lru_cache(maxsize=128)
def _pattern(cldr: str, digits: str) -> str:
    """Return a CLDR pattern's positive part with its digits replaced by ``digits`` (symbol and spacing kept)."""
    positive = cldr.split(";")[0]
    return _NUMBER_PART.sub(digits, positive, count=1)


# ------------------------------------------------------------------ one unit for a set of figures
@dataclass(frozen=True)
class FigureScale:
    """One unit and one precision for a set of figures: a chart's labels and ticks, a table column.

    Read together, "912,5 k$" beside "1,2 M$" makes the reader compare units before figures;
    on one scale they read "0,9 M$" and "1,2 M$".
    """

    kind: str
    locale: str
    currency: str
    divisor: int = 1  # what one shown unit counts: 1, 1,000, 1,000,000 ...
    pattern: str = ""  # the CLDR pattern of that unit ("0\u00a0k\u00a4"); "" for kinds that are not scaled
    decimals: int = 0

    def format(self, value: Any) -> str:
        """Return ``value`` in this scale's unit and precision; a missing figure is ``–``."""
        number = finite_number(value)
        if number is None:
            return GAP
        if not self.pattern:  # percent, multiple, weeks: one precision already, and no unit to share
            return format_value(number, self.kind, self.locale, self.currency, compact=True)
        return _scaled(number, self)


def figure_scale(values: Any, kind: str, locale: str, currency: str, *, exact: Any = ()) -> FigureScale:
    """Return the one unit and precision that show ``values`` alike, compact.

    The unit is the compact unit of the largest absolute value (rounded as it would show: 999,960
    is in millions). The precision is none when every value is whole in that unit, else one decimal
    below 100 units and none from 100 up. ``exact`` values (axis ticks) must show as they are: they
    take up to two decimals, and none of them chooses the unit.
    """
    if kind not in ("number", "currency"):
        return FigureScale(kind, locale, currency)
    babel = babel_locale(locale)
    numbers = [n for n in (finite_number(v) for v in values) if n is not None]
    table = (babel.compact_currency_formats if kind == "currency" else babel.compact_decimal_formats)["short"]["other"]
    largest = max((abs(n) for n in numbers), default=0.0)
    divisor, pattern = _unit(float(_compact_rounded(largest, table)), table)
    if not pattern:
        pattern = babel.currency_formats["standard"].pattern if kind == "currency" else "#,##0"
    units = [n / divisor for n in numbers]
    whole = all(_rounded(u, 1) == _rounded(u, 0) for u in units)
    decimals = 0 if whole or max((abs(u) for u in units), default=0.0) >= 100 else 1
    for tick in (n / divisor for n in (finite_number(v) for v in exact) if n is not None):
        decimals = max(decimals, next((d for d in (0, 1) if abs(round(tick, d) - tick) < 1e-9), 2))
    return FigureScale(kind, locale, currency, divisor, str(pattern), decimals)


def format_figures(values: Any, kind: str, locale: str, currency: str) -> list[str]:
    """Return each of ``values`` compact, all in one unit and one precision (see :func:`figure_scale`)."""
    values = list(values)
    scale = figure_scale(values, kind, locale, currency)
    return [scale.format(v) for v in values]


def _unit(rounded: float, table: dict[str, Any]) -> tuple[int, str]:
    """Return the divisor and CLDR pattern of the compact unit ``rounded`` shows in; (1, "") below the first unit."""
    for magnitude in sorted((int(m) for m in table), reverse=True):
        if abs(rounded) >= magnitude:
            pattern = str(table[str(magnitude)].pattern)
            zeros = pattern.count("0")
            return (magnitude // 10 ** (zeros - 1), pattern) if zeros else (1, "")
    return 1, ""


def _scaled(number: float, scale: FigureScale) -> str:
    """Return ``number`` counted in the scale's unit with exactly its decimals, in its pattern."""
    babel = babel_locale(scale.locale)
    digits = "#,##0" + ("." + "0" * scale.decimals if scale.decimals else "")
    units = _rounded(float(_ROUNDING.divide(Decimal(repr(number)), Decimal(scale.divisor))), scale.decimals)
    pattern = _pattern(scale.pattern, digits)
    with decimal.localcontext(_ROUNDING):
        if scale.kind == "currency":
            return format_currency(units, scale.currency, pattern, locale=babel, currency_digits=False)
        return format_decimal(units, pattern, locale=babel)


# ------------------------------------------------------------------ dates
def format_day(day: Any, locale: str, width: str = "long") -> str:
    """Return a date in ``locale`` at CLDR ``width``: short, medium (``1 sept. 2026``), long, full.

    A missing date is ``–``; text that is no date shows as it is.
    """
    date = as_date(day)
    if date is None:
        return GAP if day is None or _is_nan(day) else str(day)
    if date.day == 1 and width in _ORDINAL_FIRST_WIDTHS and babel_locale(locale).language == "fr":
        return _format_date(date, locale, _first_day_pattern(locale, width))
    return _format_date(date, locale, width)


#: the widths that write the month in words, where French writes the first day "1er" (the short form is digits)
_ORDINAL_FIRST_WIDTHS = ("medium", "long", "full")


@lru_cache(maxsize=16)
def _first_day_pattern(locale: str, width: str) -> str:
    """Return the CLDR pattern of ``width`` with the day as French's ordinal first: ``d MMMM y`` -> ``d'er' MMMM y``.

    French writes the first of a month "1er juillet", every other day as a cardinal ("2 juillet");
    CLDR has no field for it, so the day field gains a quoted suffix (quoted literals are left alone).
    """
    pattern = babel_locale(locale).date_formats[width].pattern
    return re.sub(r"'[^']*'|d+", lambda m: "d'er'" if m.group(0) == "d" else m.group(0), pattern)


def format_month(day: Any, locale: str, width: str = "abbreviated") -> str:
    """Return the month name of a date: abbreviated (``sept.``, ``Sep``), wide (``septembre``) or narrow."""
    date = as_date(day)
    if date is None:
        return GAP if day is None or _is_nan(day) else str(day)
    return _format_date(date, locale, MONTH_WIDTHS.get(width, "MMM"))


@lru_cache(maxsize=2048)  # a Gantt labels the same months in every deck
def _format_date(day: dt.date, locale: str, pattern: str) -> str:
    """Return ``day`` in ``locale`` by CLDR width or pattern."""
    return format_date(day, pattern, locale=babel_locale(locale))


# ------------------------------------------------------------------ Excel number codes
@lru_cache(maxsize=256)
def excel_number_format(kind: str, locale: str, currency: str) -> str:
    """Return the Excel number code of ``kind`` in ``locale`` (fr_CA currency ``#,##0" $"``, percent ``0.0" "%``).

    The precision is the rule of :func:`format_value` where a code can hold it (numbers
    show whole: a code cannot drop the decimal of whole values only); dates are
    ``d mmm yyyy`` and months ``mmm yyyy`` with the locale's month names.
    """
    babel = babel_locale(locale)
    if kind == "currency":
        return _excel_code(babel.currency_formats["standard"].pattern, "#,##0",
                           get_currency_symbol(currency, locale=babel))
    if kind == "percent":
        return _excel_code(babel.percent_formats[None].pattern, "0.0", "")
    if kind == "multiple":
        return f'0.0"{MULTIPLE_SIGN}"'
    if kind == "weeks":
        return "0.0"
    if kind == "number":
        return "#,##0"
    if kind in ("date", "month"):
        lcid = LCIDS.get(locale)
        prefix = f"[$-{lcid}]" if lcid else ""
        return prefix + ("d mmm yyyy" if kind == "date" else "mmm yyyy")
    if kind == "text":
        return "General"
    raise LocalizeError(f"unknown value format '{kind}'")


def excel_scale_format(scale: FigureScale) -> str:
    """Return the Excel number code showing figures as ``scale`` does (fr_CA millions ``#,##0.0,,"\u00a0M $"``).

    Each comma after the digits divides by 1,000; a scale that is not counted in thousands keeps its kind's code.
    """
    thousands = round(math.log10(scale.divisor) / 3) if scale.divisor > 1 else 0
    if not scale.pattern or 1000 ** thousands != scale.divisor:
        return excel_number_format(scale.kind, scale.locale, scale.currency)
    digits = "#,##0" + ("." + "0" * scale.decimals if scale.decimals else "") + "," * thousands
    symbol = get_currency_symbol(scale.currency, locale=babel_locale(scale.locale)) if scale.kind == "currency" else ""
    return _excel_code(scale.pattern, digits, symbol)


def _excel_code(cldr: str, digits: str, symbol: str) -> str:
    """Return a CLDR pattern's positive part as an Excel code: ``digits`` for its number, literals quoted."""
    positive = cldr.split(";")[0]
    number = _NUMBER_PART.search(positive)
    if number is None:
        return digits
    before, after = positive[:number.start()], positive[number.end():]
    return _excel_literal(before, symbol) + digits + _excel_literal(after, symbol)


def _excel_literal(text: str, symbol: str) -> str:
    """Return pattern text as Excel literals: ``%`` stays live (it scales by 100), the rest is quoted."""
    text = re.sub(r"'([^']*)'", lambda m: m.group(1) or "'", text)  # CLDR quotes literals with ''
    parts = re.split(r"(%)", text.replace("\u00a4", symbol))
    return "".join(p if p == "%" else (f'"{p}"' if p else "") for p in parts)
