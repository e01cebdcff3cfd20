"""Spec stage: load YAML with line marks and validate it into typed models.

The face (:class:`Season`, :func:`load_season`) is imported on first use, so a command that only
needs a constant of the spec format (``LANGUAGES``) does not load pydantic and every model.
"""

from __future__ import annotations

from generator import lazy_face

_FACE = {"Season": "generator.spec.season", "load_season": "generator.spec.season",
         # the one list of chart kinds and their spec rules (stdlib only): the charts stage describes each of them
         "KindRules": "generator.spec.chart_kinds", "Needs": "generator.spec.chart_kinds",
         "kind_names": "generator.spec.chart_kinds", "kind_rules": "generator.spec.chart_kinds"}
__all__ = sorted(_FACE)

__getattr__ = lazy_face(__name__, _FACE)
