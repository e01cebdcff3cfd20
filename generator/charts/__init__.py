"""Charts stage: draw PNG images of exact box size from ChartRequests, knowing nothing of slides.

matplotlib is imported only when a chart is drawn or keyed (``render_chart``,
``chart_cache_key``): a rebuild that keeps every deck, ``kitgen kit`` on a kept
deck or ``kitgen diff`` never pays for it. Looking a chart kind up (``chart_kind``) is
light too: the kind list itself is the spec's (generator/spec/chart_kinds.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import lazy_face
from generator.charts.cache import ChartCache
from generator.charts.cache_key import chart_cache_key
from generator.charts.colors import chart_colors
from generator.charts.kinds import ChartKindInfo, chart_kind, chart_kinds
from generator.charts.model import ChartRequest, RenderedChart, Series, Task
from generator.formats import format_value

if TYPE_CHECKING:  # the names below, for type checkers and IDEs
    from generator.charts.render import render_chart

# imported on first use: matplotlib costs about 0.46 s; a build whose charts all come from the cache never draws one
_LATER = {
    "generator.charts.render": ("render_chart",),
}

__all__ = ["ChartCache", "ChartKindInfo", "ChartRequest", "RenderedChart", "Series", "Task", "chart_cache_key",
           "chart_colors", "chart_kind", "chart_kinds", "format_value", "render_chart"]

__getattr__ = lazy_face(__name__, _LATER)
