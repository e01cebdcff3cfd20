"""Waterfall chart: steps of change from an optional opening bar to a total, drawn flat by charts/waterfall.py."""

from __future__ import annotations

from generator.charts.kinds.base import ChartKindInfo, any_value
from generator.charts.model import ChartRequest


def _steps(request: ChartRequest) -> str:
    """Return each step's change and the closing total."""
    from generator.charts.axes import label_for  # matplotlib: only once a chart is drawn
    from generator.charts.waterfall import waterfall_steps

    return ", ".join(f"{label} {label_for(request, v)}" for label, v in waterfall_steps(request)) + "."


# no native form: PowerPoint's own waterfall chart (2016) is not one python-pptx writes
KINDS = (ChartKindInfo("waterfall", "Waterfall chart", "generator.charts.waterfall:draw_waterfall", flat=True,
                       has_data=any_value, describe=_steps, colors_by="", totals="running"),)
