"""Textual summaries of charts for slide alt text, with values formatted for the locale.

The kind's name and the listing of what it shows come from its descriptor in charts/kinds/.
"""

from __future__ import annotations

from generator.charts.kinds import chart_kind
from generator.charts.model import ChartRequest


def alt_text(request: ChartRequest, has_data: bool) -> str:
    """Return "title. kind: details" where details list categories and locale-formatted values."""
    kind = chart_kind(request.kind)
    word = request.word(f"kind_{request.kind}", kind.word)
    head = f"{request.title}. {word}" if request.title else word
    body = kind.describe(request) if has_data else request.word("no_data", "No data")
    return f"{head}: {body}"
