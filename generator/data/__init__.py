"""Data stage: read the season's sources as declared, answer declarative bindings, compute KPIs.

The face is :class:`DataStore` (typed frames and bindings over them) and
:func:`compute_kpis` (the derived KPIs of one scope, a :class:`Kpis`); validation also
reads :func:`read_source` and two constants. They are
imported on first use, so that a module of this stage can be imported without pandas
and without import circles with the writer.
"""

from __future__ import annotations

from generator import lazy_face

_FACE = {"DataStore": "generator.data.bindings", "Kpis": "generator.data.kpis", "compute_kpis": "generator.data.kpis",
         # what validation checks a spec against without building: a source read as declared,
         # the retailer columns joined onto sources, the measures `derive` knows
         "read_source": "generator.data.sources", "read_notes": "generator.data.sources",
         "JOIN_COLUMNS": "generator.data.bindings",
         "DERIVED_MEASURES": "generator.data.measures",
         # the as-of month (monthly calls, trackers)
         "AsOf": "generator.data.periods", "MonthKpis": "generator.data.monthly",
         "compute_month_kpis": "generator.data.monthly",
         # every month the figures need is in the data; the as-of day fits the data and the season
         "coverage_findings": "generator.data.coverage", "check_as_of": "generator.data.coverage",
         # the per-door monthly figures every KPI is a sum of
         "door_months": "generator.data.figures", "scope_months": "generator.data.figures"}
__all__ = sorted(_FACE)

__getattr__ = lazy_face(__name__, _FACE)
