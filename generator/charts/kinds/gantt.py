"""Gantt timeline: dated tasks as bars, drawn flat by charts/gantt.py."""

from __future__ import annotations

from generator.charts.kinds.base import ChartKindInfo
from generator.charts.model import ChartRequest


def _has_tasks(request: ChartRequest) -> bool:
    """Return whether there is a task to draw."""
    return bool(request.tasks)


def _tasks(request: ChartRequest) -> str:
    """Return each task with its localized start and end dates."""
    from generator.formats import format_day

    return "; ".join(f"{t.label}: {format_day(t.start, request.locale, 'medium')} – "
                     f"{format_day(t.end, request.locale, 'medium')}" for t in request.tasks) + "."


KINDS = (ChartKindInfo("gantt", "Timeline", "generator.charts.gantt:draw_gantt", flat=True, has_data=_has_tasks,
                       describe=_tasks, colors_by=""),)
