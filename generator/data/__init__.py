"""Data stage: read the season's sources as declared, answer declarative bindings, compute KPIs.

The face is :class:`DataStore` (typed frames and bindings over them) and
:func:`compute_kpis` (the derived KPIs of one scope, a :class:`Kpis`); validation also
reads :func:`read_source` and two constants. They are
imported on first use, so that a module of this stage can be imported without pandas
and without import circles with the writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import lazy_face
from generator.data.periods import AsOf, shift_years

if TYPE_CHECKING:  # the names below, for type checkers and IDEs
    from generator.data.bindings import JOIN_COLUMNS, DataStore
    from generator.data.coverage import check_as_of, coverage_findings
    from generator.data.figures import COVER_MONTHS, DoorMonths, cover_window, door_months, scope_months
    from generator.data.glossary import TRACKER_TERMS, TRACKER_WORDS, glossary_page
    from generator.data.kpis import Kpis, compute_kpis, counted_activations
    from generator.data.measures import DERIVED_MEASURES, WEEKS_PER_MONTH
    from generator.data.monthly import MonthKpis, compute_month_kpis
    from generator.data.source_cache import disk_cache
    from generator.data.sources import read_notes, read_source

# imported on first use: pandas costs about 0.22-0.37 s; the as-of month (periods) is read by commands that never
# load a frame
_LATER = {
    "generator.data.bindings": ("JOIN_COLUMNS", "DataStore"),
    "generator.data.coverage": ("check_as_of", "coverage_findings"),
    "generator.data.figures": ("COVER_MONTHS", "DoorMonths", "cover_window", "door_months", "scope_months"),
    "generator.data.glossary": ("TRACKER_TERMS", "TRACKER_WORDS", "glossary_page"),
    "generator.data.kpis": ("Kpis", "compute_kpis", "counted_activations"),
    "generator.data.measures": ("DERIVED_MEASURES", "WEEKS_PER_MONTH"),
    "generator.data.monthly": ("MonthKpis", "compute_month_kpis"),
    "generator.data.source_cache": ("disk_cache",),
    "generator.data.sources": ("read_notes", "read_source"),
}

__all__ = ["COVER_MONTHS", "DERIVED_MEASURES", "JOIN_COLUMNS", "TRACKER_TERMS", "TRACKER_WORDS", "WEEKS_PER_MONTH",
           "AsOf", "DataStore", "DoorMonths", "Kpis", "MonthKpis", "check_as_of", "compute_kpis",
           "compute_month_kpis", "counted_activations", "cover_window", "coverage_findings", "disk_cache",
           "door_months", "glossary_page", "read_notes", "read_source", "scope_months", "shift_years"]

__getattr__ = lazy_face(__name__, _LATER)
