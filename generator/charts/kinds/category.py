"""Bar, stacked bar and line charts: series of values over categories, drawn flat by charts/category.py."""

from __future__ import annotations

from generator.charts.kinds.base import ChartKindInfo, any_value
from generator.charts.model import ChartRequest


def series_listing(request: ChartRequest) -> str:
    """Return "series: category value, ..." for every series of a category chart."""
    from generator.charts.axes import label_for  # matplotlib: only once a chart is drawn

    rows = []
    for series in request.series:
        values = series.finite(len(request.categories))
        pairs = ", ".join(f"{c} {label_for(request, v) if v is not None else '–'}"
                          for c, v in zip(request.categories, values))
        rows.append(f"{series.name}: {pairs}" if series.name else pairs)
    return "; ".join(rows) + "."


def _category_kind(name: str, word: str, function: str, native: str, totals: str = "") -> ChartKindInfo:
    """Return a kind drawing series over categories with ``charts.category.<function>``."""
    return ChartKindInfo(name, word, f"generator.charts.category:{function}", flat=True, has_data=any_value,
                         describe=series_listing, native=native, totals=totals)


KINDS = (
    _category_kind("bar", "Bar chart", "draw_bar", "COLUMN_CLUSTERED"),
    _category_kind("stacked_bar", "Stacked bar chart", "draw_stacked_bar", "COLUMN_STACKED", totals="columns"),
    _category_kind("line", "Line chart", "draw_line", "LINE_MARKERS"),
)
