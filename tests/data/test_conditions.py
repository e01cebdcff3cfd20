"""Row conditions (``where``): every operator, several columns, missing values, types, and the store's answers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from generator.data.conditions import apply_where
from generator.errors import DataError
from generator.spec.model import DataBinding

FRAME = pd.DataFrame({
    "door": ["Alpha", "Beta", "Gamma", "Delta", "Omega"],
    "tier": ["flagship", "focus", "standard", "focus", "standard"],
    "change": [-300.0, 0.0, 250.0, math.nan, 1200.0],
    "start": pd.to_datetime(["2026-07-01", "2026-08-15", "2026-09-01", "2026-09-30", "2026-10-01"]),
    "retailer_id": ["000123", "000124", "000200", "000201", "000202"],
})


def _doors(where: dict, render=str) -> list[str]:
    binding = DataBinding.model_validate({"source": "doors", "where": where})
    return list(apply_where(FRAME, binding.where, "doors", render)["door"])


@pytest.mark.parametrize("where, doors", [
    ({"change": {"lt": 0}}, ["Alpha"]),
    ({"change": {"le": 0}}, ["Alpha", "Beta"]),
    ({"change": {"gt": 0}}, ["Gamma", "Omega"]),
    ({"change": {"ge": 0}}, ["Beta", "Gamma", "Omega"]),
    ({"change": {"eq": 0}}, ["Beta"]),
    ({"change": {"ne": 0}}, ["Alpha", "Gamma", "Omega"]),  # a missing change is not "not 0": it is not known
    ({"change": {"in": [0, 250]}}, ["Beta", "Gamma"]),
    ({"change": {"between": [0, 250]}}, ["Beta", "Gamma"]),  # both ends included
    ({"change": {"gt": 0, "lt": 1000}}, ["Gamma"]),  # every operator of a column holds
    ({"tier": {"eq": "focus"}}, ["Beta", "Delta"]),
    ({"tier": {"ne": "standard"}}, ["Alpha", "Beta", "Delta"]),
    ({"tier": {"in": ["flagship", "standard"]}, "change": {"gt": 0}}, ["Gamma", "Omega"]),  # every column holds
    ({"start": {"ge": "2026-09-01"}}, ["Gamma", "Delta", "Omega"]),
    ({"start": {"between": ["2026-08-01", "2026-09-30"]}}, ["Beta", "Gamma", "Delta"]),
    ({"retailer_id": {"eq": "000124"}}, ["Beta"]),
    ({"change": {"lt": -1000}}, []),
])
def test_each_operator(where, doors):
    assert _doors(where) == doors


def test_no_condition_keeps_every_row():
    assert _doors({}) == ["Alpha", "Beta", "Gamma", "Delta", "Omega"]


def test_operands_interpolate():
    render = {"{{ month.start }}": "2026-09-01", "{{ door.tier }}": "focus"}.get
    assert _doors({"start": {"lt": "{{ month.start }}"}, "tier": {"eq": "{{ door.tier }}"}}, render) == ["Beta"]


def test_a_column_the_rows_do_not_have_names_the_columns_they_have():
    with pytest.raises(DataError) as info:
        _doors({"chnage": {"lt": 0}})
    assert info.value.message == ("where: the rows of source 'doors' have no column 'chnage' (did you mean 'change'?); "
                                  "columns: door, tier, change, start, retailer_id")


def test_a_number_column_against_a_word():
    with pytest.raises(DataError) as info:
        _doors({"change": {"lt": "low"}})
    assert info.value.message == "where: column 'change' holds numbers, not 'low'"


def test_the_store_keeps_rows_after_derive_and_before_top(tiny_store):
    # the tiny season against last year: Maison Alpha +10000, Beta Bijoux -2000, Casa Gamma new (no change: kept by none)
    binding = {"source": "sales", "period": "season", "group_by": ["retailer_id"],
               "aggregate": {"sellout_value": "sum"}, "compare_last_year": True,
               "derive": {"change": "sellout_change"}, "sort": "-change", "top": 1}
    up = tiny_store.query(DataBinding.model_validate({**binding, "where": {"change": {"gt": 0}}}))
    down = tiny_store.query(DataBinding.model_validate({**binding, "where": {"change": {"lt": 0}}}))
    assert list(up["retailer_id"]) == ["000123"]
    assert list(down["retailer_id"]) == ["000124"] and list(down["change"]) == [-2000.0]
    none = tiny_store.query(DataBinding.model_validate({**binding, "where": {"change": {"lt": -5000}}}))
    assert none.empty and "change" in none.columns


def test_the_store_answers_each_interpolated_operand_apart(tiny_store):
    binding = DataBinding.model_validate({"source": "sales", "where": {"sellout_value": {"ge": "{{ floor }}"}}})
    high = tiny_store.query(binding, lambda s: "6000")
    low = tiny_store.query(binding, lambda s: "1000")
    assert len(high) == 3 and len(low) == 7


def test_the_store_reports_an_unknown_where_column(tiny_store):
    binding = DataBinding.model_validate({"source": "sales", "group_by": ["retailer_id"],
                                          "aggregate": {"sellout_value": "sum"}, "where": {"sellin_units": {"gt": 0}}})
    with pytest.raises(DataError) as info:
        tiny_store.query(binding)
    assert info.value.message == ("where: the rows of source 'sales' have no column 'sellin_units'; "
                                  "columns: retailer_id, sellout_value")
