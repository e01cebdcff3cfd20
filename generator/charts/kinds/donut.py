"""Donut chart: one series as shares of a whole, drawn on an Axes by charts/donut.py."""

from __future__ import annotations

from generator.charts.kinds.base import ChartKindInfo
from generator.charts.model import ChartRequest


def _has_parts(request: ChartRequest) -> bool:
    """Return whether some category has a known, positive share."""
    from generator.charts.donut import donut_parts  # matplotlib: only once a chart is drawn

    return bool(donut_parts(request))


def _shares(request: ChartRequest) -> str:
    """Return each share with its value, and the total."""
    from generator.charts.axes import label_for
    from generator.charts.donut import donut_parts
    from generator.formats import format_share

    parts = donut_parts(request)
    total = sum(v for _, v in parts)
    shares = ", ".join(f"{c} {format_share(v / total, request.locale)} ({label_for(request, v)})" for c, v in parts)
    return f"{shares}; {request.word('total', 'Total')} {label_for(request, total)}."


KINDS = (ChartKindInfo("donut", "Donut chart", "generator.charts.donut:draw_donut", flat=False, has_data=_has_parts,
                       describe=_shares, native="DOUGHNUT", colors_by="categories", totals="whole"),)
