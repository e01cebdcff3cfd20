"""Simulate references, monthly sell-in/sell-out and the year-end stock snapshot.

Sell-out is Poisson around an expected rate per retailer and reference:
tier volume x reference popularity x seasonality x a regional trend that is
calibrated so that the season lands on the region's growth versus last year
(new launches included). Sell-in runs one month ahead of sell-out.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from generator.tools import sample_catalog as cat

REFERENCE_COLUMNS = [
    "reference", "collection", "model_name", "material", "retail_price_usd", "retail_price_cad",
    "retail_price_mxn", "focus", "launch",
]
SALES_COLUMNS = [
    "month", "retailer_id", "reference", "collection", "sellin_units", "sellin_value",
    "sellout_units", "sellout_value",
]
STOCK_COLUMNS = ["snapshot_date", "retailer_id", "reference", "units_on_hand", "value_on_hand"]
BASE_RATE = 0.6  # expected monthly units of an average reference in a standard-volume store
SELLIN_LEAD = 1.03  # retailers buy slightly more than they sell
SNAPSHOT = cat.SEASON_END
STEER_STEPS = 2000  # gives up quietly on tiny networks where one piece moves growth a lot
STEER_TOLERANCE = 0.01


def month_starts(count: int = cat.MONTHS + 1) -> list[date]:
    """Return the first days of ``count`` months from the first data month."""
    first = cat.FIRST_MONTH
    return [date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1) for i in range(count)]


def local_price(usd: int, currency: str) -> int:
    """Return the retail price in ``currency``, rounded to a price-list step."""
    step = cat.PRICE_STEP[currency]
    return int(round(usd * cat.FX_FROM_USD[currency] / step) * step)


def build_references() -> pd.DataFrame:
    """Return the reference catalogue with prices in every currency."""
    rows = [
        [r.reference, r.collection, r.model_name, r.material, r.retail_price_usd,
         local_price(r.retail_price_usd, "CAD"), local_price(r.retail_price_usd, "MXN"),
         "true" if r.focus else "false", r.launch.isoformat()]
        for r in cat.REFERENCES
    ]
    return pd.DataFrame(rows, columns=REFERENCE_COLUMNS).sort_values("reference", ignore_index=True)


def _assortment(retailers: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Return one row per carried (retailer, reference) with what the simulation needs."""
    refs = cat.REFERENCES
    weights = np.array([r.popularity * (2.0 if r.focus else 1.0) for r in refs])
    growth = {r.region_id: r.growth for r in cat.REGIONS}
    rows = []
    for shop in retailers.itertuples(index=False):
        low, high = cat.TIER_ASSORTMENT[shop.tier]
        picked = rng.choice(len(refs), size=int(rng.integers(low, high)), replace=False, p=weights / weights.sum())
        drift = float(rng.normal(0.0, 0.05))  # this shop grows a little faster or slower than its region
        for i in sorted(picked):
            ref = refs[i]
            rows.append((shop.retailer_id, shop.region_id, shop.tier, shop.currency, ref.reference,
                         ref.collection, local_price(ref.retail_price_usd, shop.currency),
                         ref.popularity, ref.launch, growth[shop.region_id], drift))
    return pd.DataFrame(rows, columns=[
        "retailer_id", "region_id", "tier", "currency", "reference", "collection", "price",
        "popularity", "launch", "growth", "drift",
    ])


def _expected_units(pairs: pd.DataFrame, months: list[date]) -> np.ndarray:
    """Return expected monthly sell-out units, shape (pairs, months), before the trend."""
    season = np.array([cat.SEASONALITY[m.month - 1] for m in months])
    volume = pairs["tier"].map(cat.TIER_VOLUME).to_numpy() * pairs["popularity"].to_numpy()
    launched = np.array([[m >= launch.replace(day=1) for m in months] for launch in pairs["launch"]])
    return BASE_RATE * volume[:, None] * season[None, :] * launched


def _season_ratio(values: np.ndarray, months: list[date]) -> float:
    """Return this season's total over last year's season total for value columns."""
    this = [i for i, m in enumerate(months) if cat.SEASON_START <= m <= cat.SEASON_END]
    last = [i - 12 for i in this]
    return float(values[:, this].sum() / values[:, last].sum())


def _with_trend(pairs: pd.DataFrame, rates: np.ndarray, months: list[date]) -> np.ndarray:
    """Return ``rates`` with a monthly trend that meets each region's growth vs last year."""
    trended = rates.copy()
    elapsed = np.arange(len(months)) / 12.0
    for region_id, index in pairs.groupby("region_id").groups.items():
        rows = pairs.index.get_indexer(index)
        values = rates[rows] * pairs["price"].to_numpy()[rows, None]
        yearly = (1 + pairs["growth"].iloc[rows[0]]) / _season_ratio(values, months)
        drift = 1 + pairs["drift"].to_numpy()[rows, None]
        trended[rows] = rates[rows] * (yearly * drift) ** elapsed[None, :]
    return trended


def _steer_growth(pairs: pd.DataFrame, units: np.ndarray, rates: np.ndarray, months: list[date],
                  rng: np.random.Generator) -> None:
    """Nudge this season's sell-out units, one at a time, until each region is near its growth.

    Poisson noise on a few expensive pieces can move a small region's growth by
    ten points; the decks tell a regional growth story, so keep it recognisable.
    """
    season = np.array([cat.SEASON_START <= m <= cat.SEASON_END for m in months])
    price = pairs["price"].to_numpy()
    for region_id, index in pairs.groupby("region_id").groups.items():
        rows = pairs.index.get_indexer(index)
        target = 1 + pairs["growth"].iloc[rows[0]]
        cells = [(r, c) for r in rows for c in np.flatnonzero(season) if rates[r, c] > 0]
        for _ in range(STEER_STEPS):
            ratio = _season_ratio(units[rows] * price[rows, None], months)
            if abs(ratio - target) <= STEER_TOLERANCE:
                break
            step = 1 if ratio < target else -1
            candidates = [cell for cell in cells if step > 0 or units[cell] > 0]
            units[candidates[int(rng.integers(len(candidates)))]] += step


def _valued(units: np.ndarray, price: np.ndarray, max_discount: float, rng: np.random.Generator) -> np.ndarray:
    """Return whole-currency values of ``units`` at ``price`` less a small random discount."""
    discount = rng.uniform(0.0, max_discount, size=units.shape)
    return np.rint(units * price[:, None] * (1 - discount)).astype(np.int64)


def simulate(retailers: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (sales, stock) tables for ``retailers``."""
    pairs = _assortment(retailers, rng)
    months = month_starts()
    rates = _with_trend(pairs, _expected_units(pairs, months), months)
    sellout = rng.poisson(rates[:, :-1])
    _steer_growth(pairs, sellout, rates[:, :-1], months[:-1], rng)
    sellin = rng.poisson(rates[:, 1:] * SELLIN_LEAD)
    price = pairs["price"].to_numpy()
    columns = {
        "sellin_units": sellin, "sellin_value": _valued(sellin, price, 0.04, rng),
        "sellout_units": sellout, "sellout_value": _valued(sellout, price, 0.06, rng),
    }
    sales = _long_sales(pairs, months[:-1], columns)
    return sales, _stock(pairs, sellout, rng)


def _long_sales(pairs: pd.DataFrame, months: list[date], columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """Return the sales matrix as sorted long rows, leaving out rows with no movement."""
    count = len(months)
    frame = pd.DataFrame({
        "month": np.tile([m.isoformat() for m in months], len(pairs)),
        "retailer_id": np.repeat(pairs["retailer_id"].to_numpy(), count),
        "reference": np.repeat(pairs["reference"].to_numpy(), count),
        "collection": np.repeat(pairs["collection"].to_numpy(), count),
        **{name: matrix.reshape(-1) for name, matrix in columns.items()},
    })
    moved = (frame["sellin_units"] > 0) | (frame["sellout_units"] > 0)
    frame = frame[moved].sort_values(["month", "retailer_id", "reference"], ignore_index=True)
    return frame[SALES_COLUMNS]


def _stock(pairs: pd.DataFrame, sellout: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    """Return the year-end stock: 4-30 weeks of recent sell-out, at least one display piece."""
    weekly = sellout[:, -6:].sum(axis=1) / 26.0
    cover = rng.uniform(4.0, 30.0, size=len(pairs))
    units = np.maximum(1, np.rint(weekly * cover)).astype(np.int64)
    frame = pd.DataFrame({
        "snapshot_date": SNAPSHOT.isoformat(),
        "retailer_id": pairs["retailer_id"],
        "reference": pairs["reference"],
        "units_on_hand": units,
        "value_on_hand": units * pairs["price"].to_numpy(),
    })
    return frame.sort_values(["retailer_id", "reference"], ignore_index=True)
