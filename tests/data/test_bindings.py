"""DataStore.query over the tiny season (tests/conftest.py): filters, periods, grouping, derived measures."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from generator.data.bindings import DataStore, Window, filter_rows
from generator.errors import DataError
from generator.spec.model import DataBinding


def query(store: DataStore, render=str, **binding):
    """Return the rows of a binding given as keyword arguments."""
    return store.query(DataBinding.model_validate(binding), render)


def test_ids_with_leading_zeros_stay_strings(tiny_store):
    sales = tiny_store.frame("sales")
    assert sales["retailer_id"].iloc[0] == "000123"
    assert set(tiny_store.frame("retailers")["retailer_id"]) == {"000123", "000124", "000200"}


def test_retailer_columns_joined_into_sources(tiny_store):
    row = tiny_store.frame("sales").iloc[0]
    assert (row["region_id"], row["tier"], row["retailer_name"], row["retailer_city"]) == \
        ("CA", "flagship", "Maison Alpha", "Montréal")
    assert list(tiny_store.frame("stock")["region_id"]) == ["CA", "CA", "MX"]


def test_filter_single_and_list_values(tiny_store):
    assert len(query(tiny_store, source="sales", filter={"retailer_id": "000200"})) == 1
    both = query(tiny_store, source="sales", filter={"retailer_id": ["000124", "000200"]})
    assert sorted(both["retailer_id"]) == ["000124", "000124", "000200"]


def test_filter_renders_interpolated_values(tiny_store):
    seen = []

    def render(text: str) -> str:
        seen.append(text)
        return text.replace("{{ region.id }}", "MX")

    rows = query(tiny_store, render, source="sales", filter={"region_id": ["{{ region.id }}", "XX"]})
    assert seen == ["{{ region.id }}"]
    assert list(rows["retailer_id"]) == ["000200"]


@pytest.mark.parametrize("period, months", [
    ("season", ["2026-07", "2026-10", "2026-12"]),
    ("last_season", ["2025-07", "2025-12"]),
    ("year", ["2026-03", "2026-07", "2026-10", "2026-12"]),
    ("last_year", ["2025-07", "2025-12"]),
    (None, ["2025-07", "2025-12", "2026-03", "2026-07", "2026-10", "2026-12"]),
])
def test_period_windows(tiny_store, period, months):
    rows = query(tiny_store, source="sales", filter={"retailer_id": "000123"}, period=period)
    assert sorted(rows["month"].dt.strftime("%Y-%m")) == months


def test_window_dates(tiny_store):
    assert tiny_store.window("year") == Window(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert tiny_store.window("last_season") == Window(dt.date(2025, 7, 1), dt.date(2025, 12, 31))
    assert tiny_store.window("all") is None


def test_group_by_and_aggregate(tiny_store):
    rows = query(tiny_store, source="sales", period="season", group_by=["region_id", "collection"],
                 aggregate={"sellout_value": "sum", "retailer_id": "nunique"})
    table = {(r.region_id, r.collection): (r.sellout_value, r.retailer_id) for r in rows.itertuples()}
    assert table == {("CA", "Solenne"): (14000, 1), ("CA", "Veyrac"): (6000, 2), ("MX", "Solenne"): (900, 1)}


def test_aggregate_without_group_gives_one_row(tiny_store):
    rows = query(tiny_store, source="sales", period="season", filter={"region_id": "CA"},
                 aggregate={"sellout_value": "sum", "sellin_units": "sum"})
    assert rows.to_dict("records") == [{"sellout_value": 20000, "sellin_units": 25}]


def test_compare_last_year_aligns_months(tiny_store):
    rows = query(tiny_store, source="sales", filter={"retailer_id": "000123"}, period="season",
                 group_by=["month"], aggregate={"sellout_value": "sum"}, compare_last_year=True)
    assert list(rows["month"].dt.strftime("%Y-%m")) == ["2026-07", "2026-10", "2026-12"]
    assert list(rows["sellout_value"]) == [8000, 6000, 6000]
    last = list(rows["sellout_value_ly"])
    assert last[0] == 5000 and math.isnan(last[1]) and last[2] == 5000


def test_derive_sellout_change_and_sell_through(tiny_store):
    rows = query(tiny_store, source="sales", period="season", filter={"region_id": "CA"}, group_by=["retailer_id"],
                 aggregate={"sellout_value": "sum", "sellout_units": "sum", "sellin_units": "sum"},
                 compare_last_year=True, derive={"change": "sellout_change", "st": "sell_through"})
    by_id = rows.set_index("retailer_id")
    assert by_id.loc["000123", "change"] == 10000
    assert by_id.loc["000124", "change"] == -2000
    assert by_id.loc["000123", "st"] == pytest.approx(0.9)
    assert by_id.loc["000124", "st"] == 0


def test_derive_roi_divides_safely(tiny_store):
    rows = query(tiny_store, source="trade", group_by=["retailer_id"],
                 aggregate={"spend": "sum", "incremental_sellout": "sum"}, derive={"roi": "roi"})
    by_id = rows.set_index("retailer_id")["roi"]
    assert by_id["000123"] == 3.0
    assert math.isnan(by_id["000124"])  # no spend: a gap, not an exception


def test_sort_and_top(tiny_store):
    rows = query(tiny_store, source="sales", period="season", group_by=["retailer_name"],
                 aggregate={"sellout_value": "sum"}, sort="-sellout_value", top=2)
    assert list(rows["retailer_name"]) == ["Maison Alpha", "Casa Gamma"]
    ascending = query(tiny_store, source="sales", period="season", group_by=["retailer_name"],
                      aggregate={"sellout_value": "sum"}, sort=["sellout_value"])
    assert list(ascending["retailer_name"]) == ["Beta Bijoux", "Casa Gamma", "Maison Alpha"]


def test_unknown_column_suggests_the_closest(tiny_store):
    with pytest.raises(DataError) as info:
        query(tiny_store, source="sales", filter={"regoin_id": "CA"})
    assert info.value.message == "source 'sales' has no column 'regoin_id' (did you mean 'region_id'?)"


def test_unknown_source_and_measure(tiny_store):
    with pytest.raises(DataError) as info:
        query(tiny_store, source="sale")
    assert info.value.message == "unknown data source 'sale' (did you mean 'sales'?)"
    with pytest.raises(DataError) as info:
        query(tiny_store, source="trade", derive={"r": "rio"})
    assert info.value.message == "unknown derived measure 'rio' (did you mean 'roi'?)"


def test_period_on_source_without_date_column(tiny_store):
    with pytest.raises(DataError) as info:
        query(tiny_store, source="stock", period="season")
    assert info.value.message == ("source 'stock' has no date_column, so 'period' cannot filter it "
                                  "(add date_column: <column> to the source)")


def test_positions_match_filter_rows(tiny_store):
    sales = tiny_store.frame("sales")
    for filters in ({"region_id": "CA"}, {"retailer_id": ["000200", "000124"]}, {"region_id": "CA", "tier": "x"}):
        expected = filter_rows(sales, filters, str, "sales").index.to_numpy()
        assert list(tiny_store.positions("sales", filters)) == list(expected)
    assert tiny_store.positions("sales", {}) is None


def test_values_are_cached_numpy_columns(tiny_store):
    units = tiny_store.values("sales", "sellout_units")
    assert units is tiny_store.values("sales", "sellout_units")
    assert list(units) == list(tiny_store.frame("sales")["sellout_units"])


def test_query_reads_only_needed_columns_with_same_result(tiny_store):
    """A grouped query over a float column with gaps sums like pandas over the full filtered rows."""
    sales = tiny_store.frame("sales").copy()
    sales["sellout_value"] = sales["sellout_value"] * 1.1 + 0.1
    sales.loc[sales.index[1], "sellout_value"] = math.nan
    tiny_store._frames["sales"] = sales
    rows = query(tiny_store, source="sales", period="season", group_by=["region_id"],
                 aggregate={"sellout_value": "sum", "sellout_units": "sum"})
    season = sales[(sales["month"] >= "2026-07-01") & (sales["month"] <= "2026-12-31")]
    expected = season.groupby("region_id").agg(sellout_value=("sellout_value", "sum"),
                                                sellout_units=("sellout_units", "sum")).reset_index()
    pd.testing.assert_frame_equal(rows, expected, check_exact=True)


def test_repeated_query_answers_an_independent_copy(tiny_store):
    binding = {"source": "sales", "filter": {"region_id": "{{ r }}"}, "group_by": ["month"],
               "aggregate": {"sellout_value": "sum"}}
    first = query(tiny_store, lambda s: "CA", **binding)
    first.loc[0, "sellout_value"] = -1
    again = query(tiny_store, lambda s: "CA", **binding)
    assert again["sellout_value"].iloc[0] != -1 and again is not first
    assert list(query(tiny_store, lambda s: "MX", **binding)["sellout_value"]) == [900]
