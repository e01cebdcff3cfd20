"""The one list of chart kinds, in listing order, and what the spec format asks of each.

Every stage takes its kinds from here: the spec's ``type:`` choices (model, schema,
reference), the keys each kind needs, how the resolve stage reads it; the charts stage
adds how each kind is drawn, described and written as a native chart, one descriptor
per name below (generator/charts/kinds/). tests/charts/test_kinds.py fails when a
name here has no descriptor there, or a descriptor names no kind here.

Why the list lives in the spec stage: the stage layers (``[tool.importlinter]`` in
pyproject.toml) put spec below charts, and the spec needs the names and requirements
to validate a deck before anything is drawn. So the list sits in the lowest stage that
reads it, and charts, resolve and fill import it, never the other way round. It imports
only the standard library: neither pydantic, matplotlib nor python-pptx.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

#: how the resolve stage reads a kind's spec: categories and series from the ``x``/``series`` columns,
#: one value against a target (``actual``/``target``), or dated tasks (``label``/``start``/``end``)
Reads = Literal["series", "value", "tasks"]


@dataclass(frozen=True)
class Needs:
    """One requirement of a kind on its chart spec: every key in ``keys`` set, or the spec is refused."""

    keys: tuple[str, ...]
    says: str  # how the message names them: "a gantt chart needs <says>"


@dataclass(frozen=True)
class KindRules:
    """What the spec format knows of one chart kind: its name, how it is read, which keys it needs and has."""

    name: str  # the spec's ``type:``, and ChartRequest.kind
    reads: Reads
    needs: tuple[Needs, ...]  # checked in order: the first one unmet is the spec's error
    keys: Mapping[str, str] = field(default_factory=dict)  # chart keys only this kind reads -> the reference's note

    def unmet(self, spec: Any) -> str:
        """Return the error of the first requirement ``spec`` does not meet, or "" when it meets them all."""
        for need in self.needs:
            if not all(_is_set(getattr(spec, key, None)) for key in need.keys):
                return f"a {self.name} chart needs {need.says}"
        return ""


def _is_set(value: Any) -> bool:
    """Return whether a spec key holds something: not missing, not an empty text or list."""
    return value is not None and value != "" and value != []


SERIES_NEEDS = (Needs(("data",), "'data'"), Needs(("x", "series"), "'x' and 'series'"))

CHART_KINDS: tuple[KindRules, ...] = (
    KindRules("bar", "series", SERIES_NEEDS),
    KindRules("stacked_bar", "series", SERIES_NEEDS),
    KindRules("line", "series", SERIES_NEEDS),
    KindRules("donut", "series", SERIES_NEEDS),
    KindRules("waterfall", "series", SERIES_NEEDS, {
        "opening_label": "waterfall: the opening bar's label",
        "opening_column": "waterfall: column summed into the opening bar",
        "total_label": "waterfall: the total bar's label (default: Total)"}),
    KindRules("bullet", "value", (Needs(("actual",), "'actual' (e.g. kpi.roi)"),), {
        "actual": "", "target": "bullet charts: the target, a number or an expression"}),
    KindRules("gantt", "tasks", (Needs(("data",), "'data'"), Needs(("label", "start", "end"),
                                                                   "'label', 'start' and 'end' columns")), {
        "label": "gantt: column of the task names", "start": "gantt: column of the start dates",
        "end": "gantt: column of the end dates",
        "category": "gantt: column colouring the bars (codes show through labels)"}),
)


def kind_names() -> tuple[str, ...]:
    """Return the names of every chart kind, in listing order: the spec's ``type:`` choices."""
    return tuple(k.name for k in CHART_KINDS)


def kind_rules(name: str) -> KindRules:
    """Return the rules of the kind called ``name``, or raise KeyError naming the valid kinds."""
    for kind in CHART_KINDS:
        if kind.name == name:
            return kind
    raise KeyError(f"unknown chart kind {name!r}; valid kinds: {', '.join(kind_names())}")
