"""Data stage: read the season's sources as declared, answer declarative bindings, compute KPIs.

The face is :class:`DataStore` (typed frames and bindings over them) and
:func:`compute_kpis` (the derived KPIs of one scope, a :class:`Kpis`); validation also
reads :func:`read_source` and two constants. They are
imported on first use, so that a module of this stage can be imported without pandas
and without import circles with the writer.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_FACE = {"DataStore": "generator.data.bindings", "Kpis": "generator.data.kpis", "compute_kpis": "generator.data.kpis",
         # what validation checks a spec against without building: a source read as declared,
         # the retailer columns joined onto sources, the measures `derive` knows
         "read_source": "generator.data.sources", "read_notes": "generator.data.sources",
         "JOIN_COLUMNS": "generator.data.bindings",
         "DERIVED_MEASURES": "generator.data.measures",
         # the as-of month (monthly calls, trackers)
         "AsOf": "generator.data.periods", "MonthKpis": "generator.data.monthly",
         "compute_month_kpis": "generator.data.monthly", "coverage_findings": "generator.data.monthly"}
__all__ = sorted(_FACE)


def __getattr__(name: str) -> Any:
    """Return the stage's public classes and functions on first use (PEP 562)."""
    if name in _FACE:
        return getattr(import_module(_FACE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
