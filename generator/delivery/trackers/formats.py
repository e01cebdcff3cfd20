"""Excel number formats from the locale: currency symbol and its place, percent spacing, month names.

Excel shows digits with the reader's own separators; what a format fixes is the symbol, where it
goes, and (through a ``[$-LCID]`` prefix) the language of month names.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from babel.numbers import get_currency_symbol

#: Windows locale ids of the locales kitgen builds for (month names in date formats)
LCIDS = {"en_US": "409", "en_CA": "1009", "fr_CA": "C0C", "fr_FR": "40C", "es_MX": "80A", "es_ES": "C0A"}
_NUMBER_CHARS = set("#,0.%")


@dataclass(frozen=True)
class NumberFormats:
    """The Excel format codes of one locale and currency."""

    currency: str
    percent: str
    number: str
    weeks: str
    multiple: str  # a return per unit spent (trade ROI): 1.94 shows 1.94x, never "2"
    month: str
    day: str


def _excel(pattern: str, symbol: str) -> str:
    """Return a CLDR pattern as an Excel format code: number characters kept, the rest quoted."""
    code = ""
    for char in pattern.split(";")[0]:
        if char in _NUMBER_CHARS:
            code += char
        elif char == "\u00a4":
            code += f'"{symbol}"'
        else:
            code += f'"{char}"'
    return code.replace('""', "")


def number_formats(locale: str, currency: str) -> NumberFormats:
    """Return the formats for ``locale`` (e.g. fr_CA) and ``currency`` (e.g. CAD)."""
    babel = Locale.parse(locale)
    symbol = get_currency_symbol(currency, locale=babel)
    money = _excel(babel.currency_formats["standard"].pattern.replace(".00", ""), symbol)
    percent = _excel(babel.percent_formats[None].pattern.replace("#,##0", "0.0", 1), symbol)
    lcid = LCIDS.get(locale)
    prefix = f"[$-{lcid}]" if lcid else ""
    return NumberFormats(currency=money, percent=percent, number="#,##0", weeks="0.0", multiple='0.00"x"',
                         month=f"{prefix}mmm yyyy", day=f"{prefix}d mmm yyyy")
