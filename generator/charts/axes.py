"""Small drawing helpers shared by the chart families (value axes, legends, series colours)."""

from __future__ import annotations

import textwrap
from functools import lru_cache

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import FuncFormatter, MaxNLocator

from generator.charts.kinds import chart_kind
from generator.charts.model import ChartRequest, Series
from generator.charts.style import Theme
from generator.formats import FigureScale, figure_scale


MAX_LABEL_LINES = 3  # category labels wrap onto this many lines before they are rotated

def values_array(series: Series, count: int) -> np.ndarray:
    """Return ``count`` values as floats with NaN for every gap."""
    return np.array([np.nan if v is None else v for v in series.finite(count)], dtype=float)


def label_for(request: ChartRequest, value: float) -> str:
    """Return ``value`` in the request's format, compact, on the chart's one scale (for data labels)."""
    return chart_scale(request).format(value)


def chart_scale(request: ChartRequest, ticks: tuple[float, ...] = ()) -> FigureScale:
    """Return the one unit and precision of every figure the chart shows (its ``ticks`` shown exactly).

    "912,5 k$" beside "1,2 M$" in one chart makes the reader compare units: all read "0,9 M$", "1,2 M$".
    """
    count = len(request.categories)
    rows = tuple(tuple(s.finite(count)) for s in request.series)
    try:
        totals = chart_kind(request.kind).totals
    except KeyError:  # drawing an unknown kind fails with its own message
        totals = ""
    return _scale(totals, request.value_format, request.locale, request.currency, rows, request.target, tuple(ticks))


@lru_cache(maxsize=256)  # asked once per tick and label: the values are scanned once per chart
def _scale(totals: str, value_format: str, locale: str, currency: str, rows: tuple[tuple[float | None, ...], ...],
           target: float | None, ticks: tuple[float, ...]) -> FigureScale:
    """Return the scale of the values a chart shows: its values, and the ``totals`` it labels (its kind's)."""
    shown = [v for row in rows for v in row if v is not None] + ([target] if target is not None else [])
    if totals == "columns":  # each stack's total
        shown += [sum(v or 0.0 for v in column) for column in zip(*rows)]
    if totals == "whole" and rows:  # a ring's total: of its drawn, positive parts
        shown.append(sum(v for v in rows[0] if v is not None and v > 0))
    if totals == "running" and rows:  # running levels and the closing total
        level = 0.0
        for value in rows[0]:
            level += value or 0.0
            shown.append(level)
    return figure_scale(shown, value_format, locale, currency, exact=ticks)


def format_value_axis(ax: Axes, request: ChartRequest, axis: str = "y") -> None:
    """Put locale-formatted compact tick labels on the value ``axis`` with few, round ticks, on the chart's scale."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(value_locator())
    target.set_major_formatter(FuncFormatter(lambda value, _pos: label_for(request, value)))


def value_locator() -> MaxNLocator:
    """Return the tick locator of value axes: about five round ticks, at least three."""
    return MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3)


def series_color(series: Series, index: int, theme: Theme) -> str:
    """Return a series colour: as resolved for the request, else last year muted, target the accent, others in order."""
    if index < len(theme.parts) and theme.parts[index]:
        return theme.parts[index]
    if series.kind == "ly":
        return theme.muted
    if series.kind == "target":
        return theme.color(1)
    return theme.color(index)


def category_labels(categories: tuple[str, ...], figure_inches: float) -> tuple[list[str], bool]:
    """Return the category labels wrapped to fit side by side, or as they are and whether to rotate them.

    Labels that would need more than three lines are rotated rather than wrapped: a slanted name is read
    with the head tilted, so door names ("Marlowe & Finch Jewelers") wrap onto up to three lines first.
    """
    room = _chars_per_category(figure_inches, len(categories))
    labels = [_wrap(c, room) for c in categories]
    if any(label.count("\n") > MAX_LABEL_LINES - 1 for label in labels):
        return list(categories), True
    return labels, False


def _chars_per_category(figure_inches: float, count: int) -> int:
    """Return roughly how many tick-label characters fit side by side under one category."""
    # the rc size the tick labels will get: asking the axis for its labels would build and format ticks
    label_points = FontProperties(size=matplotlib.rcParams["xtick.labelsize"]).get_size_in_points()
    width_points = figure_inches * 72 * 0.85
    return max(int(width_points / max(count, 1) / (label_points * 0.5)) - 2, 4)


def _wrap(label: str, width: int) -> str:
    """Return ``label`` broken at spaces into lines of at most ``width`` characters."""
    return "\n".join(textwrap.wrap(label, width)) if len(label) > width else label

