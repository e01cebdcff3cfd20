"""Charts stage: draw PNG images of exact box size from ChartRequests, knowing nothing of slides.

matplotlib is imported only when a chart is drawn or keyed (``render_chart``,
``chart_cache_key``): a rebuild that keeps every deck, ``kitgen kit`` on a kept
deck or ``kitgen diff`` never pays for it.
"""

from __future__ import annotations

from generator import lazy_face
from generator.charts.formatting import format_value
from generator.charts.model import KINDS, ChartRequest, RenderedChart, Series, Task

__all__ = ["KINDS", "ChartCache", "ChartRequest", "RenderedChart", "Series", "Task", "chart_cache_key", "format_value",
           "render_chart"]
_LAZY = {"render_chart": "generator.charts.render", "chart_cache_key": "generator.charts.cache_key",
         "ChartCache": "generator.charts.cache"}

__getattr__ = lazy_face(__name__, _LAZY)
