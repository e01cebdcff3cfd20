"""The one locale formatting module: every kind pinned for en_US, en_CA, fr_CA and es_MX, compact and full."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from generator.errors import LocalizeError
from generator.formats import (
    GAP,
    babel_locale,
    excel_number_format,
    format_day,
    format_month,
    format_share,
    format_value,
    signed_percent,
)

NBSP = "\u00a0"
SEPT_1 = dt.date(2026, 9, 1)
LOCALES = [("en_US", "USD"), ("en_CA", "CAD"), ("fr_CA", "CAD"), ("es_MX", "MXN")]
#: (value, kind) of each pinned column below
FIGURES = [(1234567.5, "number"), (12.34, "number"), (1234567.5, "currency"), (0.04, "percent"),
           (3.2, "multiple"), (3.45, "weeks")]


@pytest.mark.parametrize(("locale", "currency", "full", "compact"), [
    ("en_US", "USD", ["1,234,568", "12.3", "$1,234,568", "4.0%", "3.2×", "3.5"],
                     ["1.2M", "12.3", "$1.2M", "4.0%", "3.2×", "3.5"]),
    ("en_CA", "CAD", ["1,234,568", "12.3", "$1,234,568", "4.0%", "3.2×", "3.5"],
                     ["1.2M", "12.3", "$1.2M", "4.0%", "3.2×", "3.5"]),
    ("fr_CA", "CAD", [f"1{NBSP}234{NBSP}568", "12,3", f"1{NBSP}234{NBSP}568{NBSP}$", f"4,0{NBSP}%", "3,2×", "3,5"],
                     [f"1,2{NBSP}M", "12,3", f"1,2{NBSP}M$", f"4,0{NBSP}%", "3,2×", "3,5"]),
    ("es_MX", "MXN", ["1,234,568", "12.3", "$1,234,568", "4.0%", "3.2×", "3.5"],
                     [f"1.2{NBSP}M", "12.3", f"1.2{NBSP}M$", "4.0%", "3.2×", "3.5"]),
])
def test_every_kind_is_pinned_per_locale(locale, currency, full, compact):
    assert [format_value(v, kind, locale, currency) for v, kind in FIGURES] == full
    assert [format_value(v, kind, locale, currency, compact=True) for v, kind in FIGURES] == compact


@pytest.mark.parametrize(("value", "expected"), [
    (12.34, "12.3"), (12.04, "12"), (99.96, "100"), (560.5, "561"), (-7.25, "-7.3"), (-0.04, "0"), (3.0, "3"),
])
def test_numbers_show_one_decimal_only_when_not_whole_and_below_100(value, expected):
    assert format_value(value, "number", "en_US", "USD") == expected


@pytest.mark.parametrize(("locale", "currency", "expected"), [
    ("en_US", "USD", ["$560.5K", "$560.5", "$0.9", "$0", "$250", "-$2.5K", "$1M", "1M"]),
    ("en_CA", "CAD", ["$560.5K", "$560.5", "$0.9", "$0", "$250", "-$2.5K", "$1M", "1M"]),
    ("fr_CA", "CAD", [f"560,5{NBSP}k$", f"560,5{NBSP}$", f"0,9{NBSP}$", f"0{NBSP}$", f"250{NBSP}$",
                      f"-2,5{NBSP}k$", f"1{NBSP}M$", f"1{NBSP}M"]),
    ("es_MX", "MXN", [f"560.5{NBSP}k$", "$560.5", "$0.9", "$0", "$250", f"-2.5{NBSP}k$", f"1{NBSP}M$", f"1{NBSP}M"]),
])
def test_compact_forms_keep_at_most_one_decimal(locale, currency, expected):
    amounts = [560500, 560.5, 0.9117581236920912, -0.04, 250, -2500, 999960]
    got = [format_value(v, "currency", locale, currency, compact=True) for v in amounts]
    # 999,960 rounds up to the next unit: "1M", never "1000K"
    assert got + [format_value(999960, "number", locale, currency, compact=True)] == expected


def test_foreign_currencies_compact_and_full():
    assert format_value(1234567.5, "currency", "en_CA", "USD", compact=True) == "US$1.2M"
    assert format_value(1234567.5, "currency", "fr_CA", "USD", compact=True) == f"1,2{NBSP}M${NBSP}US"
    assert format_value(1234567.5, "currency", "es_MX", "USD", compact=True) == f"1.2{NBSP}MUSD"
    assert format_value(1234567.5, "currency", "fr_CA", "USD") == f"1{NBSP}234{NBSP}568{NBSP}${NBSP}US"


def test_halves_round_away_from_zero_and_zero_has_no_sign():
    assert format_value(0.0125, "percent", "en_US", "USD") == "1.3%"  # not the banker's 1.2%
    assert format_value(2.25, "multiple", "en_US", "USD") == "2.3×"
    assert format_value(0.5, "currency", "en_US", "USD") == "$1"
    assert format_value(-0.00001, "percent", "fr_CA", "CAD") == f"0,0{NBSP}%"
    assert format_value(-0.4, "currency", "en_US", "USD") == "$0"


@pytest.mark.parametrize(("locale", "up", "down", "zero"), [
    ("en_US", "+4.2%", "-3.9%", "+0.0%"),
    ("en_CA", "+4.2%", "-3.9%", "+0.0%"),
    ("fr_CA", f"+4,2{NBSP}%", f"-3,9{NBSP}%", f"+0,0{NBSP}%"),
    ("es_MX", "+4.2%", "-3.9%", "+0.0%"),
])
def test_signed_percent(locale, up, down, zero):
    assert (signed_percent(0.042, locale), signed_percent(-0.039, locale), signed_percent(-0.00001, locale)) \
        == (up, down, zero)


def test_shares_follow_the_percent_rule():
    assert (format_share(0.75, "en_US"), format_share(0.125, "fr_CA")) == ("75.0%", f"12,5{NBSP}%")


@pytest.mark.parametrize("missing", [None, math.nan, math.inf, -math.inf, np.nan, "n/a", True])
@pytest.mark.parametrize("kind", ["number", "currency", "percent", "multiple", "weeks"])
def test_missing_figures_show_the_gap_sign(missing, kind):
    assert format_value(missing, kind, "fr_CA", "CAD") == GAP == "–"
    assert format_value(missing, kind, "fr_CA", "CAD", compact=True) == GAP


def test_gaps_in_dates_and_text():
    assert signed_percent(math.nan, "en_US") == GAP
    assert (format_day(None, "en_US"), format_day(pd.NaT, "en_US"), format_month(math.nan, "en_US")) == (GAP,) * 3
    assert format_day("TBD", "en_US") == "TBD"  # text that is no date shows as it is
    assert (format_value(None, "text", "en_US", "USD"), format_value("Or", "text", "en_US", "USD")) == ("", "Or")


def test_numpy_and_pandas_values():
    assert format_value(np.float64(0.125), "percent", "en_US", "USD") == "12.5%"
    assert format_value(np.int64(1500), "number", "en_US", "USD", compact=True) == "1.5K"
    assert format_value(pd.Timestamp("2026-09-01"), "date", "en_US", "USD") == "September 1, 2026"


@pytest.mark.parametrize(("locale", "long", "medium", "short", "wide"), [
    ("en_US", "September 1, 2026", "Sep 1, 2026", "Sep", "September"),
    ("en_CA", "September 1, 2026", "Sep 1, 2026", "Sep", "September"),
    ("fr_CA", "1er septembre 2026", "1er sept. 2026", "sept.", "septembre"),
    ("es_MX", "1 de septiembre de 2026", "1 sep 2026", "sep", "septiembre"),
])
def test_days_and_months(locale, long, medium, short, wide):
    assert (format_day(SEPT_1, locale), format_day(SEPT_1, locale, "medium"), format_month(SEPT_1, locale),
            format_month(SEPT_1, locale, "wide")) == (long, medium, short, wide)
    assert format_value("2026-09-01", "date", locale, "") == long
    assert format_value(dt.datetime(2026, 9, 1, 10), "month", locale, "") == short


FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"]
FRENCH_MONTHS_MEDIUM = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.",
                        "déc."]


@pytest.mark.parametrize("month", range(1, 13))
def test_french_writes_the_first_of_every_month_as_an_ordinal(month):
    first = dt.date(2026, month, 1)
    assert format_day(first, "fr_CA") == format_day(first, "fr_FR") == f"1er {FRENCH_MONTHS[month - 1]} 2026"
    # Quebec's abbreviations ("juill.")
    assert format_day(first, "fr_CA", "medium") == f"1er {FRENCH_MONTHS_MEDIUM[month - 1]} 2026"
    assert format_day(first, "fr_CA", "short") == f"2026-{month:02d}-01"  # digits only: no ordinal
    assert format_value(first, "date", "fr_CA", "CAD") == f"1er {FRENCH_MONTHS[month - 1]} 2026"


@pytest.mark.parametrize(("day", "long", "medium"), [
    (dt.date(2026, 7, 2), "2 juillet 2026", "2 juill. 2026"),
    (dt.date(2026, 7, 11), "11 juillet 2026", "11 juill. 2026"),
    (dt.date(2026, 7, 21), "21 juillet 2026", "21 juill. 2026"),
    (dt.date(2026, 7, 31), "31 juillet 2026", "31 juill. 2026"),
])
def test_french_other_days_stay_cardinal(day, long, medium):
    assert (format_day(day, "fr_CA"), format_day(day, "fr_CA", "medium")) == (long, medium)


def test_only_french_has_the_ordinal_first():
    first = dt.date(2026, 7, 1)
    assert format_day(first, "fr_CA", "full") == "mercredi 1er juillet 2026"
    assert [format_day(first, locale) for locale in ("en_US", "en_CA", "es_MX")] == [
        "July 1, 2026", "July 1, 2026", "1 de julio de 2026"]


@pytest.mark.parametrize(("locale", "currency", "expected"), [
    ("en_US", "USD", ["#,##0", '"$"#,##0', "0.0%", '0.0"×"', "0.0", "[$-409]d mmm yyyy", "[$-409]mmm yyyy"]),
    ("en_CA", "CAD", ["#,##0", '"$"#,##0', "0.0%", '0.0"×"', "0.0", "[$-1009]d mmm yyyy", "[$-1009]mmm yyyy"]),
    ("fr_CA", "CAD", ["#,##0", f'#,##0"{NBSP}$"', f'0.0"{NBSP}"%', '0.0"×"', "0.0",
                      "[$-C0C]d mmm yyyy", "[$-C0C]mmm yyyy"]),
    ("es_MX", "MXN", ["#,##0", '"$"#,##0', "0.0%", '0.0"×"', "0.0", "[$-80A]d mmm yyyy", "[$-80A]mmm yyyy"]),
])
def test_excel_codes(locale, currency, expected):
    kinds = ["number", "currency", "percent", "multiple", "weeks", "date", "month"]
    assert [excel_number_format(kind, locale, currency) for kind in kinds] == expected


def test_excel_codes_of_foreign_currencies_and_unlisted_locales():
    assert excel_number_format("currency", "fr_CA", "USD") == f'#,##0"{NBSP}${NBSP}US"'
    assert excel_number_format("currency", "en_CA", "USD") == '"US$"#,##0'
    assert excel_number_format("date", "de_DE", "EUR") == "d mmm yyyy"  # no LCID: the reader's month names


def test_unknown_locale_and_kind_are_localize_errors():
    with pytest.raises(LocalizeError, match=r"^unknown locale 'xx_YY' \(use e\.g\. en_US, fr_CA, es_MX\)$"):
        format_value(1.0, "number", "xx_YY", "USD")
    with pytest.raises(LocalizeError, match="unknown locale 'nonsense!'"):
        babel_locale("nonsense!")
    with pytest.raises(LocalizeError, match="unknown value format 'ratio'"):
        format_value(1.0, "ratio", "en_US", "USD")
    with pytest.raises(LocalizeError, match="unknown value format 'ratio'"):
        excel_number_format("ratio", "en_US", "USD")
