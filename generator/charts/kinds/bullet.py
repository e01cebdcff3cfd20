"""Bullet chart: one value against a target, from expressions rather than data, drawn on an Axes."""

from __future__ import annotations

from generator.charts.kinds.base import ChartKindInfo
from generator.charts.model import ChartRequest


def _has_actual(request: ChartRequest) -> bool:
    """Return whether the actual value is known."""
    return bool(request.series) and request.series[0].finite(1)[0] is not None


def _actual(request: ChartRequest) -> str:
    """Return the actual value and, when set, the target."""
    from generator.charts.axes import label_for  # matplotlib: only once a chart is drawn

    actual = label_for(request, request.series[0].finite(1)[0])
    name = request.categories[0] if request.categories else request.series[0].name
    text = f"{name} {actual}"
    if request.target is not None:
        text += f"; {request.word('target', 'Target')} {label_for(request, request.target)}"
    return text + "."


KINDS = (ChartKindInfo("bullet", "Bullet chart", "generator.charts.waterfall:draw_bullet", flat=False,
                       has_data=_has_actual, describe=_actual, colors_by=""),)
