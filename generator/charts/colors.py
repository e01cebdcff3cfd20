"""Which colour each part of a chart gets: the brand's fixed colours first, the palette's others after.

A review found a collection navy in a donut and green in the stacked bars of the same deck,
because colours followed series order. Here a scenario (``ty``, ``ly``, ``target``) or a
category value the brand fixes (brand.yaml ``colors:``) has its colour in every chart; any
other part takes the chart palette's colours that chart leaves free, in palette order. Pure
Python on plain values: both the picture requests and the native charts ask it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.charts.kinds import chart_kind
from generator.charts.model import Series

FALLBACK = "#1F2A44"  # when a chart has no palette at all
SCENARIOS = ("ty", "ly", "target")  # a series' ``kind``: this year, last year, target (IBCS notation)


def chart_colors(kind: str, categories: Sequence[str], series: Sequence[Series], palette: Sequence[str],
                 fixed: Mapping[str, str], scenarios: Mapping[str, str],
                 category_keys: Sequence[str] = ()) -> tuple[str, ...]:
    """Return one colour per part ``kind`` colours: its series, or its categories for parts of a whole.

    A part is matched by its scenario kind, then by its data value (``Series.key``, ``category_keys``),
    then by its shown name; ``()`` for kinds whose colours carry meaning of their own (rise and fall).
    A scenario the brand gives no colour is "": its drawer's own convention (last year muted) applies.
    """
    try:
        by = chart_kind(kind).colors_by
    except KeyError:
        return ()
    if by == "categories":
        keys = list(category_keys) + [""] * (len(categories) - len(category_keys))
        parts = [(key, name, "") for key, name in zip(keys, categories)]
    elif by == "series":
        parts = [(s.key, s.name, s.kind) for s in series]
    else:
        return ()
    chosen = [_fixed_colour(key, name, scenario, fixed, scenarios) for key, name, scenario in parts]
    taken = {c for c in chosen if c}
    free = [c.upper() for c in palette if c.upper() not in taken] or [c.upper() for c in palette] or [FALLBACK]
    spare = iter(free * (len(parts) // len(free) + 1))
    return tuple(c or ("" if part[2] in SCENARIOS else next(spare)) for c, part in zip(chosen, parts))


def _fixed_colour(key: str, name: str, scenario: str, fixed: Mapping[str, str],
                  scenarios: Mapping[str, str]) -> str:
    """Return the brand's colour of one part ("" when the brand fixes none)."""
    colour = scenarios.get(scenario, "") if scenario else ""
    colour = colour or (fixed.get(key, "") if key else "") or fixed.get(name, "")
    return colour.upper()
