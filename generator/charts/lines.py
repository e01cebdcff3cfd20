"""Line charts: this year solid in the brand colour, last year dashed grey, target dotted."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from generator.charts.axes import category_ticks, format_value_axis, label_for, series_color, top_legend, values_array
from generator.charts.model import ChartRequest, Series
from generator.charts.style import Theme

LINE_STYLES = {"ly": dict(linestyle=(0, (4, 3)), linewidth=1.4, marker=""),
               "target": dict(linestyle=(0, (1, 2)), linewidth=1.4, marker="")}
DEFAULT_LINE = dict(linestyle="-", linewidth=2.0, marker="o", markersize=4)


def draw_line(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Draw each series as a line over the categories; gaps break the line."""
    count = len(request.categories)
    x = np.arange(count)
    for index, series in enumerate(request.series):
        y = values_array(series, count)
        look = LINE_STYLES.get(series.kind, DEFAULT_LINE)
        ax.plot(x, y, color=series_color(series, index, theme), label=series.name, zorder=3, **look)
    _label_last_point(ax, request, theme)
    category_ticks(ax, request.categories)
    format_value_axis(ax, request)
    ax.margins(y=0.15)
    top_legend(ax, len(request.series))


def _label_last_point(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Annotate the last known value of the leading series (this year, or the first one)."""
    lead = _lead_series(request.series)
    if lead is None:
        return
    values = lead.finite(len(request.categories))
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if known:
        i, v = known[-1]
        ax.annotate(label_for(request, v), (i, v), xytext=(0, 7), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8, color=theme.ink, fontweight="bold")


def _lead_series(series: tuple[Series, ...]) -> Series | None:
    """Return the "ty" series, else the first one that is not last year or target."""
    ranked = [s for s in series if s.kind == "ty"] + [s for s in series if s.kind not in ("ly", "target")]
    return ranked[0] if ranked else None
