"""compute_kpis over the tiny season (tests/conftest.py), checked against hand-computed values."""

from __future__ import annotations

import math

import pytest

from generator.data.figures import COVER_MONTHS
from generator.data.kpis import compute_kpis
from generator.data.measures import WEEKS_PER_MONTH


def test_retailer_kpis(tiny_store):
    kpis = compute_kpis(tiny_store, {"retailer_id": "000123"})
    # season Jul+Oct+Dec 2026 = 8000+6000+6000; same months 2025 = 5000+5000
    assert (kpis.sellout, kpis.sellout_ly) == (20000, 10000)
    assert kpis.sellout_growth == pytest.approx(1.0)
    assert kpis.sell_through == pytest.approx(18 / 20)
    # cover = units on hand / weekly sell-out of the season's last 3 months (Oct 4 + Dec 6 units)
    assert kpis.stock_cover_weeks == pytest.approx(13 / (10 / (COVER_MONTHS * WEEKS_PER_MONTH)))
    assert kpis.stock_cover_weeks == pytest.approx(16.9)
    assert (kpis.trade_spend, kpis.incremental_sellout, kpis.activations) == (2000, 6000, 2)
    assert kpis.roi == pytest.approx(3.0)
    assert (kpis.target, kpis.attainment) == (25000, pytest.approx(0.8))
    assert (kpis.doors, kpis.flagships, kpis.focus_doors) == (1, 1, 0)


def test_region_kpis(tiny_store):
    kpis = compute_kpis(tiny_store, {"region_id": "CA"})
    assert (kpis.sellout, kpis.sellout_ly) == (20000, 12000)
    assert kpis.sellout_growth == pytest.approx(20000 / 12000 - 1)
    assert kpis.sell_through == pytest.approx(18 / 25)
    assert kpis.stock_cover_weeks == pytest.approx(20 / (10 / 13))
    assert kpis.roi == pytest.approx(6500 / 2000)
    assert kpis.attainment == pytest.approx(20000 / 30000)
    assert (kpis.doors, kpis.flagships, kpis.focus_doors) == (2, 1, 0)
    mexico = compute_kpis(tiny_store, {"region_id": "MX"})
    assert (mexico.doors, mexico.flagships, mexico.focus_doors) == (1, 0, 1)


def test_division_by_zero_gives_none(tiny_store):
    quiet = compute_kpis(tiny_store, {"retailer_id": "000124"})
    assert quiet.sellout_growth == pytest.approx(-1.0)
    assert quiet.sell_through == 0
    assert quiet.stock_cover_weeks is None  # no recent sell-out
    assert quiet.roi is None  # no spend
    assert quiet.attainment == 0
    new = compute_kpis(tiny_store, {"retailer_id": "000200"})
    assert new.sellout_growth is None  # nothing sold last year
    assert (new.trade_spend, new.roi, new.activations) == (0, None, 0)
    assert (new.target, new.attainment) == (None, None)


def test_as_dict_lists_every_kpi(tiny_store):
    values = compute_kpis(tiny_store, {"retailer_id": "000123"}).as_dict()
    assert values["sellout"] == 20000 and "stock_cover_weeks" in values and len(values) == 21


def test_float_measures_with_gaps_sum_like_pandas(tiny_store):
    """Sums over numpy columns give the very floats Series.sum gives (NaN skipped, same order)."""
    sales = tiny_store.frame("sales").copy()
    sales["sellout_value"] = sales["sellout_value"] / 3 + 0.1
    sales.loc[sales.index[0], "sellout_value"] = math.nan
    tiny_store._frames["sales"] = sales
    kpis = compute_kpis(tiny_store, {"region_id": "CA"})
    ca = sales[sales["region_id"] == "CA"]
    season = ca[(ca["month"] >= "2026-07-01") & (ca["month"] <= "2026-12-31")]
    assert kpis.sellout == float(season["sellout_value"].sum())
    assert kpis.sellout_units == float(season["sellout_units"].sum())


def test_tier_scope_counts_doors(tiny_store):
    kpis = compute_kpis(tiny_store, {"region_id": "CA", "tier": "flagship"})
    assert (kpis.doors, kpis.flagships, kpis.focus_doors) == (1, 1, 0)
    assert compute_kpis(tiny_store, {}).doors == 3
