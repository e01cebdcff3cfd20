"""Textual summaries of charts for slide alt text, with values formatted for the locale."""

from __future__ import annotations

from generator.charts.axes import label_for
from generator.charts.donut import donut_parts
from generator.charts.formatting import format_day, format_share
from generator.charts.model import ChartRequest
from generator.charts.waterfall import waterfall_steps

KIND_WORDS = {"bar": "Bar chart", "stacked_bar": "Stacked bar chart", "line": "Line chart",
              "donut": "Donut chart", "waterfall": "Waterfall chart", "bullet": "Bullet chart",
              "gantt": "Timeline"}


def alt_text(request: ChartRequest, has_data: bool) -> str:
    """Return "title. kind: details" where details list categories and locale-formatted values."""
    kind = request.word(f"kind_{request.kind}", KIND_WORDS.get(request.kind, request.kind))
    head = f"{request.title}. {kind}" if request.title else kind
    body = _details(request) if has_data else request.word("no_data", "No data")
    return f"{head}: {body}"


def _details(request: ChartRequest) -> str:
    """Return the kind-specific listing of what the chart shows."""
    describe = {"donut": _donut, "waterfall": _waterfall, "bullet": _bullet, "gantt": _gantt}
    return describe.get(request.kind, _series_listing)(request)


def _series_listing(request: ChartRequest) -> str:
    """Return "series: category value, ..." for every series of a category chart."""
    rows = []
    for series in request.series:
        values = series.finite(len(request.categories))
        pairs = ", ".join(f"{c} {label_for(request, v) if v is not None else '–'}"
                          for c, v in zip(request.categories, values))
        rows.append(f"{series.name}: {pairs}" if series.name else pairs)
    return "; ".join(rows) + "."


def _donut(request: ChartRequest) -> str:
    """Return each share with its value and the total."""
    parts = donut_parts(request)
    total = sum(v for _, v in parts)
    shares = ", ".join(f"{c} {format_share(v / total, request.locale)} ({label_for(request, v)})" for c, v in parts)
    return f"{shares}; {request.word('total', 'Total')} {label_for(request, total)}."


def _waterfall(request: ChartRequest) -> str:
    """Return each step's change and the closing total."""
    steps = waterfall_steps(request)
    return ", ".join(f"{label} {label_for(request, v)}" for label, v in steps) + "."


def _bullet(request: ChartRequest) -> str:
    """Return the actual value and, when set, the target."""
    actual = label_for(request, request.series[0].finite(1)[0])
    name = request.categories[0] if request.categories else request.series[0].name
    text = f"{name} {actual}"
    if request.target is not None:
        text += f"; {request.word('target', 'Target')} {label_for(request, request.target)}"
    return text + "."


def _gantt(request: ChartRequest) -> str:
    """Return each task with its localized start and end dates."""
    return "; ".join(f"{t.label}: {format_day(t.start, request.locale)} – {format_day(t.end, request.locale)}"
                     for t in request.tasks) + "."
