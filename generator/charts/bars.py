"""Grouped and stacked bar charts (categories along x, one colour per series)."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from generator.charts.axes import (
    baseline,
    category_ticks,
    format_value_axis,
    label_for,
    series_color,
    top_legend,
    values_array,
)
from generator.charts.model import ChartRequest
from generator.charts.style import Theme

GROUP_WIDTH = 0.76
MAX_LABELLED_BARS = 16  # beyond this, data labels clutter more than they inform


def draw_bar(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Draw one bar per series side by side within each category."""
    count, n_series = len(request.categories), len(request.series)
    width = GROUP_WIDTH / max(n_series, 1)
    positions = np.arange(count)
    labelled = count * n_series <= MAX_LABELLED_BARS
    for index, series in enumerate(request.series):
        offsets = positions - GROUP_WIDTH / 2 + width * (index + 0.5)
        heights = values_array(series, count)
        bars = ax.bar(offsets, np.nan_to_num(heights), width * 0.92, label=series.name,
                      color=series_color(series, index, theme), zorder=3)
        if labelled:
            _label_bars(ax, bars, heights, request)
    _finish(ax, request, theme)


def draw_stacked_bar(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Draw the series stacked within each category (gaps count as zero), total above."""
    count = len(request.categories)
    positions = np.arange(count)
    bottom = np.zeros(count)
    for index, series in enumerate(request.series):
        heights = np.nan_to_num(values_array(series, count))
        ax.bar(positions, heights, GROUP_WIDTH * 0.8, bottom=bottom, label=series.name,
               color=series_color(series, index, theme), edgecolor=theme.background, linewidth=0.6, zorder=3)
        bottom = bottom + heights
    if count <= MAX_LABELLED_BARS:
        for x, total in zip(positions, bottom):
            ax.annotate(label_for(request, total), (x, max(total, 0)), xytext=(0, 3), textcoords="offset points",
                        ha="center", va="bottom", fontsize=7.5, color=theme.ink)
    _finish(ax, request, theme)


def _label_bars(ax: Axes, bars, heights: np.ndarray, request: ChartRequest) -> None:
    """Write the compact value above each bar, nothing above a gap."""
    texts = ["" if np.isnan(h) else label_for(request, h) for h in heights]
    ax.bar_label(bars, labels=texts, padding=2, fontsize=7.5)


def _finish(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Apply the shared category axis, value axis, floor and legend."""
    category_ticks(ax, request.categories)
    format_value_axis(ax, request)
    baseline(ax, theme)
    ax.margins(y=0.12)
    top_legend(ax, len(request.series))
