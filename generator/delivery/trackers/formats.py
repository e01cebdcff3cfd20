"""Excel number formats of a tracker workbook: currency symbol and its place, percent spacing, month names.

Excel shows digits with the reader's own separators; what a format fixes is the symbol, where it
goes, and (through a ``[$-LCID]`` prefix) the language of month names. The codes come from
:func:`generator.formats.excel_number_format`, the one algorithm native charts use too.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.formats import excel_number_format


@dataclass(frozen=True)
class NumberFormats:
    """The Excel format codes of one locale and currency."""

    currency: str
    percent: str
    number: str
    weeks: str
    multiple: str  # a return per unit spent (trade ROI): 1.94 shows 1.9×, as on the slides, never "2"
    month: str
    day: str


def number_formats(locale: str, currency: str) -> NumberFormats:
    """Return the formats for ``locale`` (e.g. fr_CA) and ``currency`` (e.g. CAD)."""
    code = lambda kind: excel_number_format(kind, locale, currency)  # noqa: E731
    return NumberFormats(currency=code("currency"), percent=code("percent"), number=code("number"),
                         weeks=code("weeks"), multiple=code("multiple"), month=code("month"), day=code("date"))
