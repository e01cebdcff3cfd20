"""What the charts stage knows of a chart kind: how it is drawn, when it has data, how alt text reads it.

Light on purpose: this module and the kind modules import only the standard library,
the charts model and the spec's kind list when loaded, so looking a kind up (the native
writer, the resolve stage) never loads matplotlib. A kind names its drawing function by
path and imports its alt-text helpers inside its functions: they run once a chart is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from generator.charts.model import ChartRequest
from generator.spec import KindRules, kind_rules


@dataclass(frozen=True)
class ChartKindInfo:
    """One chart kind of the spec's list, as the charts stage draws, describes and writes it natively."""

    name: str  # a name of generator/spec/chart_kinds.py
    word: str  # alt text's English name ("Bar chart"); a deck translates it through the label ``kind_<name>``
    draw: str  # "module:function"; ``flat`` ones draw in pixels on a Canvas (three times cheaper), others on an Axes
    flat: bool
    has_data: Callable[[ChartRequest], bool]  # False: the chart shows a "No data" note instead
    describe: Callable[[ChartRequest], str]  # alt text's details, once has_data holds
    native: str | None = None  # python-pptx XL_CHART_TYPE member of its editable chart; None: always a picture
    colors_by: str = "series"  # what takes the brand's fixed colours: "series", "categories" (parts of a whole), ""
    totals: str = ""  # sums labelled beside the values, on their scale: "columns" (stacks), "whole" (a ring), "running"

    @property
    def rules(self) -> KindRules:
        """Return what the spec format asks of this kind: how it is read, which keys it needs and has."""
        return kind_rules(self.name)

    def drawer(self) -> Callable[..., Any]:
        """Return the drawing function named by ``draw``, importing its module."""
        module, _, name = self.draw.partition(":")
        return getattr(import_module(module), name)


def any_value(request: ChartRequest) -> bool:
    """Return whether any series holds a drawable value for one of the categories."""
    count = len(request.categories)
    return any(v is not None for s in request.series for v in s.finite(count))
