"""Charts stage: draw PNG images of exact box size from ChartRequests, knowing nothing of slides."""

from generator.charts.cache_key import chart_cache_key
from generator.charts.formatting import format_value
from generator.charts.model import KINDS, ChartRequest, RenderedChart, Series, Task
from generator.charts.render import render_chart

__all__ = ["KINDS", "ChartRequest", "RenderedChart", "Series", "Task", "chart_cache_key", "format_value",
           "render_chart"]
