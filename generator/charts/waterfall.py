"""Waterfall (steps of change ending in a total) and bullet (actual against target) charts."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from generator.charts.axes import format_value_axis, label_for
from generator.charts.canvas import Canvas
from generator.charts.category import Mark, Plot, draw_frame, finish, lay_out, value_limits
from generator.charts.model import ChartRequest
from generator.charts.style import Theme

HALF_STEP = 0.31  # half a bar's width, in categories
BREAK_SHARE = 0.35  # steps spanning less than this share of the total get a broken axis (see broken_floor)


def waterfall_steps(request: ChartRequest) -> list[tuple[str, float]]:
    """Return (label, delta) per category, gaps as zero, then ("Total", sum) as the last bar."""
    values = request.series[0].finite(len(request.categories)) if request.series else []
    steps = [(c, v or 0.0) for c, v in zip(request.categories, values)]
    return steps + [(request.word("total", "Total"), sum(v for _, v in steps))]


def draw_waterfall(canvas: Canvas, request: ChartRequest, theme: Theme) -> None:
    """Draw each delta floating from the running total; the closing total stands on zero."""
    steps = waterfall_steps(request)
    deltas = np.array([v for _, v in steps[:-1]])
    bottoms = np.concatenate([[0.0], np.cumsum(deltas)[:-1], [0.0]])
    ends = bottoms + np.append(deltas, steps[-1][1])
    floor = broken_floor(bottoms, ends)
    limits = value_limits([0.0, *bottoms, *ends], 0.12, sticky_zero=True) if floor is None else \
        (floor, value_limits([floor, *ends], 0.12)[1])
    plot = Plot(canvas, request, limits, tuple(label for label, _ in steps))
    marks = _step_marks(plot, bottoms, ends)
    lay_out(plot, None, marks, theme.ink)
    draw_frame(plot, theme, baseline=floor is None)
    low = 0.0 if floor is None else floor
    canvas.rectangles([(plot.x(x - HALF_STEP), plot.y(max(bottom, low)), plot.x(x + HALF_STEP), plot.y(end))
                       for x, (bottom, end) in enumerate(zip(bottoms, ends))], _step_colors(deltas, theme))
    if floor is not None:
        _break_marks(plot, canvas, theme, [0, len(ends) - 1], floor, limits[1])
    canvas.segments([((plot.x(x + HALF_STEP), plot.y(level)), (plot.x(x + 1 - HALF_STEP), plot.y(level)))
                     for x, level in enumerate(ends[:-1])], theme.muted, 0.6, zorder=2)
    finish(plot, None, marks)


def broken_floor(bottoms: np.ndarray, ends: np.ndarray) -> float | None:
    """Return where a broken value axis starts, None when it should start at zero.

    When every level the steps float between lies in the top BREAK_SHARE of the total, an axis
    from zero makes the changes slivers on a tall bar: the axis starts below the lowest level
    instead, and the opening and closing bars (which stand on zero) are drawn broken.
    """
    floating = [*bottoms[1:-1], *ends[:-1]]
    if len(floating) < 2:
        return None
    low, high = min(floating + [ends[-1]]), max([*floating, ends[-1]])
    if low <= 0 or (high - low) > BREAK_SHARE * high:
        return None
    return max(low - (high - low) * 0.6, 0.0) or None


def _break_marks(plot: Plot, canvas: Canvas, theme: Theme, bars: list[int], floor: float, top: float) -> None:
    """Draw the axis-break sign (two slanted white cuts) across the bars that stand on zero."""
    level = floor + (top - floor) * 0.08
    rise = (top - floor) * 0.025
    for x in bars:
        for offset in (0.0, rise * 1.6):
            start = (plot.x(x - HALF_STEP * 1.2), plot.y(level + offset - rise))
            end = (plot.x(x + HALF_STEP * 1.2), plot.y(level + offset + rise))
            canvas.segments([(start, end)], theme.background, 2.2, zorder=3)


def _step_marks(plot: Plot, bottoms: np.ndarray, ends: np.ndarray) -> list[Mark]:
    """Return each bar's value above it: signed for the changes, plain for opening and total, on one scale."""
    last = len(ends) - 1
    marks = []
    for x, (bottom, end) in enumerate(zip(bottoms, ends)):
        height = end - bottom
        text = plot.label(height)
        text = "+" + text if 0 < x < last and height > 0 else text
        marks.append(Mark(text, x, max(bottom, end), 3))
    return marks


def _step_colors(deltas: np.ndarray, theme: Theme) -> list[str]:
    """Return rise/fall colours per step, muted for the opening level, brand colour for the total."""
    colors = [theme.positive if d >= 0 else theme.negative for d in deltas] + [theme.color(0)]
    if len(deltas) > 1:
        colors[0] = theme.muted  # the first step stands on zero: it reads as the opening level
    return colors


BANDS = (0.7, 1.0)  # band edges as fractions of target: below / approaching / at-or-above


def draw_bullet(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Draw the actual (``series[0].values[0]``) as a bar over qualitative bands, target as a mark."""
    actual = request.series[0].finite(1)[0] or 0.0
    target = request.target if request.target is not None else actual
    low, top = bullet_range(actual, target)
    # bands grade the way to a positive target; with none to grade against, one plain band
    edges = [low] + [target * b for b in BANDS] + [top] if target > 0 else [low, top]
    shades = ("#E9E4DD", "#DDD6CC", "#CFC6B8") if target > 0 else ("#DDD6CC",)
    for left, right, shade in zip(edges, edges[1:], shades):
        ax.barh(0, right - left, 0.9, left=left, color=shade, zorder=1)
    ax.barh(0, actual, 0.34, color=theme.color(0), zorder=3)
    if request.target is not None:
        ax.plot([target, target], [-0.32, 0.32], color=theme.color(1), linewidth=2.6, zorder=4)
        _bullet_note(ax, target, f"{request.word('target', 'Target')} {label_for(request, target)}", theme, -0.47)
    _bullet_note(ax, actual, label_for(request, actual), theme, 0.47, bold=True)
    _bullet_axes(ax, request, low, top)


def bullet_range(actual: float, target: float) -> tuple[float, float]:
    """Return the value axis limits: from zero (or 20 % past a negative value) to 20 % past the largest value."""
    high, low = max(actual, target, 0.0), min(actual, target, 0.0)
    span = (high - low) or 1.0
    return (low - 0.2 * span if low < 0 else 0.0), (high + 0.2 * span if high > 0 else 0.2 * span)


def _bullet_note(ax: Axes, x: float, text: str, theme: Theme, y: float, bold: bool = False) -> None:
    """Write a small note centred on ``x`` just above (y > 0) or below the bullet."""
    ax.text(x, y, text, ha="center", va="bottom" if y > 0 else "top", fontsize=8.5 if bold else 8,
            color=theme.ink, fontweight="bold" if bold else "normal", zorder=5)


def _bullet_axes(ax: Axes, request: ChartRequest, low: float, top: float) -> None:
    """Set limits, the category label and value ticks for a bullet chart."""
    ax.set_xlim(low, top)
    ax.set_ylim(-0.9, 0.9)
    name = request.categories[0] if request.categories else request.series[0].name
    ax.set_yticks([0], [name])
    ax.grid(False)
    ax.spines["bottom"].set_visible(False)
    format_value_axis(ax, request, axis="x")
