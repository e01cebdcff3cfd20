"""One unit and one precision per set of figures: a chart's labels and ticks, a table column."""

from __future__ import annotations

import pytest

from generator.formats import GAP, excel_scale_format, figure_scale, format_figures

NBSP = "\u00a0"


def test_one_chart_reads_in_one_unit():
    # the review's chart: "912,5 k$" beside "1,2 M$"
    assert format_figures([912_500, 1_200_000], "currency", "fr_CA", "CAD") == [f"0,9{NBSP}M$", f"1,2{NBSP}M$"]
    assert format_figures([912_500, 1_200_000], "currency", "en_US", "USD") == ["$0.9M", "$1.2M"]


def test_one_chart_reads_with_one_precision():
    # "+231 k$" beside "+234,2 k$": from 100 units up no decimal, for every figure alike
    assert format_figures([231_000, 234_200, -5_400], "currency", "fr_CA", "CAD") == \
        [f"231{NBSP}k$", f"234{NBSP}k$", f"-5{NBSP}k$"]
    # below 100 units one decimal for all, whole ones included; all whole in the unit: none
    assert format_figures([12_000, 4_550], "number", "en_US", "USD") == ["12.0K", "4.6K"]
    assert format_figures([2_000_000, 3_000_000], "currency", "es_MX", "MXN") == [f"2{NBSP}M$", f"3{NBSP}M$"]
    # below the first unit: the full pattern, one precision
    assert format_figures([12, 560.5], "currency", "en_US", "USD") == ["$12", "$561"]


def test_the_unit_follows_the_largest_value_as_it_would_show():
    assert figure_scale([999_960, 1_000], "currency", "en_US", "USD").divisor == 1_000_000  # 999,960 shows $1M
    assert figure_scale([-2_500_000, 10], "currency", "en_US", "USD").format(-2_500_000) == "-$2.5M"
    assert figure_scale([], "currency", "en_US", "USD").format(None) == GAP


def test_ticks_show_exactly_and_do_not_choose_the_unit():
    scale = figure_scale([912_500], "currency", "en_US", "USD", exact=[0, 250_000, 500_000, 1_000_000])
    assert [scale.format(v) for v in (0, 250_000, 1_000_000, 912_500)] == ["$0K", "$250K", "$1,000K", "$913K"]
    scale = figure_scale([1_200_000], "currency", "en_US", "USD", exact=[0, 250_000, 1_250_000])
    assert [scale.format(v) for v in (0, 1_250_000, 1_200_000)] == ["$0.00M", "$1.25M", "$1.20M"]


@pytest.mark.parametrize(("kind", "values", "expected"), [
    ("percent", [0.04, 0.125], ["4.0%", "12.5%"]),
    ("multiple", [3.2, 12], ["3.2×", "12.0×"]),
])
def test_kinds_without_units_keep_their_own_precision(kind, values, expected):
    assert format_figures(values, kind, "en_US", "USD") == expected


@pytest.mark.parametrize(("values", "kind", "locale", "currency", "expected"), [
    ([1_200_000], "currency", "fr_CA", "CAD", f'#,##0.0,,"{NBSP}M$"'),
    ([1_200_000], "currency", "en_US", "USD", '"$"#,##0.0,,"M"'),
    ([231_000, 234_200], "currency", "en_US", "USD", '"$"#,##0,"K"'),
    ([4_500], "number", "es_MX", "MXN", f'#,##0.0,"{NBSP}k"'),
    ([560.5], "currency", "en_US", "USD", '"$"#,##0'),
    ([0.04], "percent", "fr_CA", "CAD", f'0.0"{NBSP}"%'),
])
def test_excel_codes_show_the_same_scale(values, kind, locale, currency, expected):
    assert excel_scale_format(figure_scale(values, kind, locale, currency)) == expected
