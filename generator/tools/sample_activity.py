"""Build the season's activity tables: trade marketing, competitors, trainings, initiatives, targets."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from generator.tools import sample_catalog as cat

ACTIVATION_COLUMNS = [
    "activation_id", "region_id", "retailer_id", "kind", "name", "start", "end", "spend",
    "incremental_sellout", "currency",
]
COMPETITOR_COLUMNS = ["region_id", "competitor", "initiative", "city", "start", "end", "impact"]
TRAINING_COLUMNS = ["session_id", "retailer_id", "region_id", "date", "topic", "format", "trainer", "attendees"]
INITIATIVE_COLUMNS = ["initiative_id", "region_id", "name", "category", "start", "end", "owner"]
TARGET_COLUMNS = ["region_id", "retailer_id", "season", "sellout_target"]
REGION_IDS = [r.region_id for r in cat.REGIONS]
SEASON_DAYS = (cat.SEASON_END - cat.SEASON_START).days + 1
COLLECTIONS = sorted({r.collection for r in cat.REFERENCES})
ROI_RANGE = (0.85, 5.9)  # inside the documented 0.8-6 band even after rounding
ATTAINMENT_RANGE = (0.87, 1.13)  # inside the documented 85-115 % band even after rounding
TRAINING_SESSIONS = {"flagship": (3, 5), "focus": (2, 4), "standard": (1, 3)}
TRAINING_ATTENDEES = {"flagship": (6, 19), "focus": (4, 13), "standard": (2, 9)}
ACTIVATIONS = {"flagship": (2, 5), "focus": (2, 5), "standard": (0, 2)}


def _window(rng: np.random.Generator, days: int) -> tuple[date, date]:
    """Return a random (start, end) of ``days`` days inside the season window."""
    start = cat.SEASON_START + timedelta(days=int(rng.integers(0, SEASON_DAYS - days + 1)))
    return start, start + timedelta(days=days - 1)


def _numbered(frame: pd.DataFrame, column: str, prefix: str, order: list[str]) -> pd.DataFrame:
    """Return ``frame`` sorted by ``order`` with sequential ids ``prefix0001`` in ``column``."""
    frame = frame.sort_values(order, kind="stable", ignore_index=True)
    frame.insert(0, column, [f"{prefix}{i:04d}" for i in range(1, len(frame) + 1)])
    return frame


def _round_money(amount: float, currency: str) -> int:
    """Return ``amount`` rounded to a budget-like step (100, or 1,000 for pesos)."""
    step = 1000 if currency == "MXN" else 100
    return int(round(amount / step) * step)


def build_trade_marketing(retailers: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Return in-season activations: 2-4 per flagship/focus retailer, 0-1 per standard one."""
    rows = []
    for shop in retailers.itertuples(index=False):
        for _ in range(int(rng.integers(*ACTIVATIONS[shop.tier]))):
            kind = str(rng.choice(sorted(cat.ACTIVATION_KINDS)))
            low_days, high_days, low_spend, high_spend = cat.ACTIVATION_KINDS[kind]
            start, end = _window(rng, int(rng.integers(low_days, high_days + 1)))
            spend = _round_money(rng.uniform(low_spend, high_spend) * cat.FX_FROM_USD[shop.currency], shop.currency)
            name = cat.ACTIVATION_NAMES[kind].format(c=str(rng.choice(COLLECTIONS)))
            uplift = int(round(spend * rng.uniform(*ROI_RANGE)))
            rows.append([shop.region_id, shop.retailer_id, kind, name, start.isoformat(), end.isoformat(),
                         spend, uplift, shop.currency])
    frame = pd.DataFrame(rows, columns=ACTIVATION_COLUMNS[1:])
    return _numbered(frame, "activation_id", "TM26-", ["start", "retailer_id", "kind"])


def _region_cities(region_id: str) -> list[str]:
    """Return the city names of a region (Canada: Quebec and the rest)."""
    keys = ["CA-ROC", "CA-QC"] if region_id == "CA" else [region_id]
    return [city.name for key in keys for city in cat.CITIES[key]]


def build_competitors(rng: np.random.Generator) -> pd.DataFrame:
    """Return 3-6 competitor initiatives per region, inside the season window."""
    rows = []
    for region in cat.REGIONS:
        for _ in range(int(rng.integers(3, 7))):
            start, end = _window(rng, int(rng.integers(14, 121)))
            rows.append([region.region_id, str(rng.choice(cat.COMPETITORS)), str(rng.choice(cat.COMPETITOR_MOVES)),
                         str(rng.choice(_region_cities(region.region_id))), start.isoformat(), end.isoformat(),
                         str(rng.choice(cat.IMPACTS, p=[0.35, 0.4, 0.25]))])
    frame = pd.DataFrame(rows, columns=COMPETITOR_COLUMNS)
    return frame.sort_values(["region_id", "start", "competitor"], kind="stable", ignore_index=True)


def _weekday(day: date) -> date:
    """Return ``day``, or the Monday after it when it falls on a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def build_trainings(retailers: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Return retailer training sessions on weekdays of the season window."""
    trainers = {r.region_id: r.trainers for r in cat.REGIONS}
    rows = []
    for shop in retailers.itertuples(index=False):
        for _ in range(int(rng.integers(*TRAINING_SESSIONS[shop.tier]))):
            day, _end = _window(rng, 3)  # three days of room so Monday stays in season
            rows.append([shop.retailer_id, shop.region_id, _weekday(day).isoformat(),
                         str(rng.choice(cat.TRAINING_TOPICS)), str(rng.choice(cat.TRAINING_FORMATS, p=[0.6, 0.4])),
                         str(rng.choice(trainers[shop.region_id])), int(rng.integers(*TRAINING_ATTENDEES[shop.tier]))])
    frame = pd.DataFrame(rows, columns=TRAINING_COLUMNS[1:])
    return _numbered(frame, "session_id", "TR26-", ["date", "retailer_id", "topic"])


def _regional_initiatives(region_id: str, rng: np.random.Generator) -> list[list[str]]:
    """Return 6-9 initiative rows of one region: a local highlight plus shared themes."""
    picked = sorted(rng.choice(len(cat.REGIONAL_INITIATIVES), size=int(rng.integers(5, 9)), replace=False))
    plans = [cat.REGIONAL_INITIATIVES[i] for i in picked] + [cat.REGION_SIGNATURES[region_id]]
    rows = []
    for name, category, month, days in plans:
        start = date(2026, month, 1 + int(rng.integers(0, 15)))
        end = min(start + timedelta(days=days - 1), cat.SEASON_END)
        rows.append([region_id, name, category, start.isoformat(), end.isoformat(), cat.INITIATIVE_OWNERS[region_id]])
    return rows


def build_initiatives(rng: np.random.Generator) -> pd.DataFrame:
    """Return the season plan: shared (``ALL``) initiatives then each region's own."""
    rows = [["ALL", name, category, start.isoformat(), end.isoformat(), cat.INITIATIVE_OWNERS["ALL"]]
            for name, category, start, end in cat.GLOBAL_INITIATIVES]
    for region in cat.REGIONS:
        rows.extend(_regional_initiatives(region.region_id, rng))
    frame = pd.DataFrame(rows, columns=INITIATIVE_COLUMNS[1:])
    frame["_group"] = frame["region_id"].map({r: i for i, r in enumerate(["ALL", *REGION_IDS])})
    frame = _numbered(frame, "initiative_id", "IN26-", ["_group", "start", "name"])
    return frame.drop(columns="_group")


def build_targets(retailers: pd.DataFrame, sales: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Return season sell-out targets set so that actuals land at 85-115 % of target."""
    in_season = sales["month"].between(cat.SEASON_START.isoformat(), cat.SEASON_END.isoformat())
    actual = sales[in_season].groupby("retailer_id")["sellout_value"].sum()
    rows = []
    for shop in retailers.itertuples(index=False):
        target = float(actual.get(shop.retailer_id, 0)) / rng.uniform(*ATTAINMENT_RANGE)
        step = 10000 if shop.currency == "MXN" else 1000
        rows.append([shop.region_id, shop.retailer_id, cat.SEASON, max(step, int(round(target / step) * step))])
    return pd.DataFrame(rows, columns=TARGET_COLUMNS).sort_values("retailer_id", ignore_index=True)
