"""Build the fictional retailer network of the sample season."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import cycle, islice

import numpy as np
import pandas as pd

from generator.tools import sample_catalog as cat

RETAILER_COLUMNS = [
    "retailer_id", "name", "city", "state_province", "region_id", "country", "languages",
    "currency", "tier", "contact_name", "contact_email", "contact_phone", "opened",
]
MINIMUM_PER_REGION = sum(cat.TIER_MINIMUM.values())
MINIMUM_RETAILERS = MINIMUM_PER_REGION * len(cat.REGIONS)


@dataclass(frozen=True)
class Slot:
    """Where a retailer sits and which tier it holds, before it gets a name."""

    region: cat.Region
    city: cat.City
    tier: str
    naming: str  # language of the shop name: en, fr or es


def apportion(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Return integer shares of ``total`` proportional to ``weights`` (largest remainder).

    Each share is at least ``minimum``; ties go to the earlier weight so the
    result is stable.
    """
    quotas = [total * w / sum(weights) for w in weights]
    shares = [max(minimum, int(q)) for q in quotas]
    by_remainder = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - int(quotas[i])), i))
    for i in by_remainder[: max(0, total - sum(shares))]:
        shares[i] += 1
    return shares


def region_counts(retailers: int) -> dict[str, int]:
    """Return how many retailers each region gets for a network of ``retailers``."""
    shares = apportion(retailers, [r.weight for r in cat.REGIONS], MINIMUM_PER_REGION)
    return {r.region_id: n for r, n in zip(cat.REGIONS, shares)}


def tier_counts(counts: dict[str, int]) -> dict[str, dict[str, int]]:
    """Return flagship/focus/standard counts per region (about 15 % / 30 % / rest)."""
    total = sum(counts.values())
    per_tier = {
        tier: apportion(round(share * total), list(counts.values()), cat.TIER_MINIMUM[tier])
        for tier, share in cat.TIER_SHARE.items()
    }
    result = {}
    for i, (region_id, n) in enumerate(counts.items()):
        tiers = {tier: shares[i] for tier, shares in per_tier.items()}
        tiers["standard"] = n - sum(tiers.values())
        result[region_id] = tiers
    return result


def _region_cities(region: cat.Region, n: int) -> list[cat.City]:
    """Return ``n`` cities by importance; Canada mixes Quebec and the rest of Canada."""
    if region.region_id != "CA":
        return list(islice(cycle(cat.CITIES[region.region_id]), n))
    quebec = round(cat.QUEBEC_SHARE * n)
    qc = list(islice(cycle(cat.CITIES["CA-QC"]), quebec))
    roc = list(islice(cycle(cat.CITIES["CA-ROC"]), n - quebec))
    mixed = [c for pair in zip(roc, qc) for c in pair]
    longer = roc if len(roc) > len(qc) else qc
    return mixed + longer[len(mixed) // 2:]


def _slots(retailers: int) -> list[Slot]:
    """Return every retailer slot, region by region, most important city first."""
    counts = region_counts(retailers)
    tiers = tier_counts(counts)
    slots = []
    for region in cat.REGIONS:
        order = [t for t, k in tiers[region.region_id].items() for _ in range(k)]
        order.sort(key=["flagship", "focus", "standard"].index)
        for city, tier in zip(_region_cities(region, counts[region.region_id]), order):
            naming = "fr" if city.state_province == "QC" else cat.COUNTRY_LANGUAGE[region.country]
            slots.append(Slot(region, city, tier, naming))
    return slots


def _name_pool(language: str, rng: np.random.Generator) -> list[str]:
    """Return every distinct shop name for ``language``, shuffled by ``rng``.

    Each naming pattern is equally likely to come first, so two-name patterns
    (many more combinations) do not crowd out the single-name ones.
    """
    stems = cat.NAME_STEMS[language]
    by_pattern = [
        sorted({pattern.format(a=a, b=b) for a in stems for b in stems if a != b})
        for pattern in cat.NAME_PATTERNS[language]
    ]
    names = [name for group in by_pattern for name in group]
    weights = np.array([1 / len(group) for group in by_pattern for _ in group])
    order = rng.choice(len(names), size=len(names), replace=False, p=weights / weights.sum())
    return [names[i] for i in order]


def ascii_slug(text: str, sep: str = "-") -> str:
    """Return ``text`` lower-cased, without accents, words joined by ``sep``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(ch if ch.isalnum() else " " for ch in plain.lower()).split()
    return sep.join(words)


def _contact(slot: Slot, shop: str, rng: np.random.Generator) -> tuple[str, str, str]:
    """Return a fictional contact name, example.com e-mail and 555 phone number."""
    first = str(rng.choice(cat.FIRST_NAMES[slot.naming]))
    last = str(rng.choice(cat.LAST_NAMES[slot.naming]))
    email = f"{ascii_slug(first, '')}.{ascii_slug(last, '')}@{ascii_slug(shop)}.example.com"
    line = int(rng.integers(0, 100))
    area = slot.city.area_code
    phone = f"+52 {area} 555 01{line:02d}" if slot.region.country == "MX" else f"+1 {area}-555-01{line:02d}"
    return f"{first} {last}", email, phone


def _opened(rng: np.random.Generator) -> str:
    """Return a plausible opening date of a retailer account, ISO formatted."""
    start = date(1978, 1, 1)
    return (start + timedelta(days=int(rng.integers(0, (date(2023, 1, 1) - start).days)))).isoformat()


def build_retailers(retailers: int, rng: np.random.Generator) -> pd.DataFrame:
    """Return the retailers table: ids are zero-padded strings grouped by region."""
    pools = {lang: iter(_name_pool(lang, rng)) for lang in cat.NAME_STEMS}
    rows, numbers = [], {r.region_id: 100 + 1000 * (i + 1) for i, r in enumerate(cat.REGIONS)}
    for slot in _slots(retailers):
        numbers[slot.region.region_id] += 1
        shop = next(pools[slot.naming])
        contact = _contact(slot, shop, rng)
        languages = slot.city.languages or cat.COUNTRY_LANGUAGE[slot.region.country]
        rows.append([
            f"{numbers[slot.region.region_id]:06d}", shop, slot.city.name, slot.city.state_province,
            slot.region.region_id, slot.region.country, languages, slot.region.currency, slot.tier,
            *contact, _opened(rng),
        ])
    return pd.DataFrame(rows, columns=RETAILER_COLUMNS).sort_values("retailer_id", ignore_index=True)
