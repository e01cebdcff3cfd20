"""Bar, stacked bar and line charts over categories, drawn flat on a Canvas.

These kinds are most of a season's charts. They are laid out in one pass, in
pixels: value ticks from matplotlib's own locator, tick labels, grid, marks, data
labels and legend are a few dozen plain artists, about half of what the same
chart costs through an Axes. The Plot and its layout (value_limits, lay_out,
draw_frame, finish) also serve the waterfall, bars floating on a running total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import matplotlib
import numpy as np
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from generator.charts.axes import category_labels, chart_scale, series_color, value_locator, values_array
from generator.charts.canvas import BAR_Z, Canvas, Frame, tick_pad_points
from generator.charts.legend import Entry, Legend
from generator.charts.model import ChartRequest, Series
from generator.charts.style import Theme

GROUP_WIDTH = 0.76
MAX_LABELLED_BARS = 16  # beyond this, data labels clutter more than they inform
DATA_LABEL_POINTS, LAST_POINT_POINTS = 7.5, 8.0
LINE_STYLES = {"ly": dict(linestyle=(0, (4, 3)), linewidth=1.4, marker=""),
               "target": dict(linestyle=(0, (1, 2)), linewidth=1.4, marker="")}
OUTLINE_POINTS = 1.2  # a target bar's outline
DEFAULT_LINE = dict(linestyle="-", linewidth=2.0, marker="o", markersize=4)


@dataclass(frozen=True)
class Mark:
    """A data label to place: the value's text, its category position, value and offset in points."""

    text: str
    position: float
    value: float
    offset_points: float
    size: float = DATA_LABEL_POINTS
    weight: str = "normal"


class Plot:
    """One category chart: its value range, its frame in pixels and the mapping into it."""

    def __init__(self, canvas: Canvas, request: ChartRequest, limits: tuple[float, float],
                 categories: tuple[str, ...] | None = None) -> None:
        self.canvas, self.request = canvas, request
        self.categories = request.categories if categories is None else categories
        self.count = len(self.categories)
        self.lo, self.hi = limits
        ticks = value_locator().tick_values(self.lo, self.hi)
        slack = (self.hi - self.lo) * 1e-9
        kept = [t for t in ticks if self.lo - slack <= t <= self.hi + slack]
        # 12 significant digits drop float noise (5.200000000000001) the tick labels would show
        self.ticks = [float(f"{t:.12g}") + 0.0 for t in kept]
        self.scale = chart_scale(request, tuple(self.ticks))  # one unit and precision for ticks and labels
        self.frame = Frame(0, 0, canvas.width, canvas.height)
        self.value_labels: list[Text] = []
        self.category_labels: list[Text] = []
        self.mark_labels: list[Text] = []

    def label(self, value: float) -> str:
        """Return ``value`` as the chart shows it: compact, on its one scale."""
        return self.scale.format(value)

    def x(self, position: float) -> float:
        """Return the pixel x of a category position (categories sit at 0, 1, 2 ...)."""
        return self.frame.left + (position + 0.6) / self.count * self.frame.width

    def y(self, value: float) -> float:
        """Return the pixel y of a value."""
        return self.frame.bottom + (value - self.lo) / (self.hi - self.lo) * self.frame.height


def draw_bar(canvas: Canvas, request: ChartRequest, theme: Theme) -> None:
    """Draw one bar per series side by side within each category, values above the bars."""
    count, n_series = len(request.categories), len(request.series)
    width = GROUP_WIDTH / max(n_series, 1)
    heights = [np.nan_to_num(values_array(s, count)) for s in request.series]
    plot = Plot(canvas, request, value_limits([0.0, *(v for h in heights for v in h), *_reference(request)], 0.12,
                                              sticky_zero=True))
    marks = _bar_marks(plot, width) if count * n_series <= MAX_LABELLED_BARS else []
    legend = _legend(canvas, request, theme, line=False)
    lay_out(plot, legend, marks, theme.ink)
    bars = Bars()
    half = width * 0.92 / 2
    for index, (series, values) in enumerate(zip(request.series, heights)):
        centres = [_bar_centre(x, index, width) for x in range(count)]
        bars.add(series, series_color(series, index, theme),
                 [(plot.x(c - half), plot.y(0), plot.x(c + half), plot.y(v)) for c, v in zip(centres, values)])
    draw_frame(plot, theme, baseline=True)
    bars.draw(canvas, theme)
    draw_reference(plot, request, theme)
    finish(plot, legend, marks)


def _reference(request: ChartRequest) -> list[float]:
    """Return the reference line's value as a list (empty without one), for the value range."""
    return [] if request.target is None else [request.target]  # only bar and line drawers ask


def draw_reference(plot: Plot, request: ChartRequest, theme: Theme) -> None:
    """Draw the spec's reference line (a target, 100 %) across the plot, its label at the right end above it."""
    if not _reference(request):
        return
    frame, y = plot.frame, plot.y(request.target)
    plot.canvas.segments([((frame.left, y), (frame.right, y))], theme.ink, 1.0, zorder=BAR_Z + 0.2)
    words = request.word("reference", "") or plot.label(request.target)
    plot.canvas.text(frame.right, y + plot.canvas.pt(2), words, ha="right", va="bottom", color=theme.ink,
                     fontsize=matplotlib.rcParams["xtick.labelsize"])


def draw_stacked_bar(canvas: Canvas, request: ChartRequest, theme: Theme) -> None:
    """Draw the series stacked within each category (gaps count as zero), the total above."""
    count = len(request.categories)
    heights = [np.nan_to_num(values_array(s, count)) for s in request.series]
    tops = np.cumsum(heights, axis=0)
    plot = Plot(canvas, request, value_limits([0.0, *tops.ravel()], 0.12, sticky_zero=True))
    marks = [Mark(plot.label(total), x, max(total, 0), 3) for x, total in enumerate(tops[-1])] \
        if count <= MAX_LABELLED_BARS else []
    legend = _legend(canvas, request, theme, line=False, stacked=True)
    lay_out(plot, legend, marks, theme.ink)
    half = GROUP_WIDTH * 0.8 / 2
    bars = Bars(edge=0.6)
    for index, (series, top) in enumerate(zip(request.series, tops)):
        bottom = top - heights[index]
        bars.add(series, series_color(series, index, theme),
                 [(plot.x(x - half), plot.y(b), plot.x(x + half), plot.y(t))
                  for x, (b, t) in enumerate(zip(bottom, top))])
    draw_frame(plot, theme, baseline=True)
    bars.draw(canvas, theme)
    finish(plot, legend, marks)


def draw_line(canvas: Canvas, request: ChartRequest, theme: Theme) -> None:
    """Draw each series as a line over the categories (gaps break it), the lead's last value labelled."""
    count = len(request.categories)
    values = [values_array(s, count) for s in request.series]
    plot = Plot(canvas, request, value_limits([v for row in values for v in row if not math.isnan(v)]
                                              + _reference(request), 0.15))
    legend, marks = _legend(canvas, request, theme, line=True), _last_point(plot)
    lay_out(plot, legend, marks, theme.ink)
    draw_frame(plot, theme, baseline=False)
    draw_reference(plot, request, theme)
    for index, (series, row) in enumerate(zip(request.series, values)):
        style = LINE_STYLES.get(series.kind, DEFAULT_LINE)
        canvas.polyline([plot.x(x) for x in range(count)], [plot.y(v) for v in row],
                        series_color(series, index, theme), **style)
    finish(plot, legend, marks)


def value_limits(values: list[float], margin: float, sticky_zero: bool = False) -> tuple[float, float]:
    """Return the value range with matplotlib's margins; bars stand on zero, so no margin below it."""
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    lo, hi = MaxNLocator().nonsingular(lo, hi)
    span = hi - lo
    low, high = lo - margin * span, hi + margin * span
    if sticky_zero:
        low, high = (0.0 if lo == 0 else low), (0.0 if hi == 0 else high)
    return low, high


def _bar_marks(plot: Plot, width: float) -> list[Mark]:
    """Return the value labels of every bar, none above a gap."""
    count = len(plot.request.categories)
    marks = []
    for index, series in enumerate(plot.request.series):
        for x, value in enumerate(series.finite(count)):
            if value is not None:
                marks.append(Mark(plot.label(value), _bar_centre(x, index, width), value,
                                  2 if value >= 0 else -2))
    return marks


def _bar_centre(category: int, index: int, width: float) -> float:
    """Return the centre of series ``index``'s bar in ``category``, bars of ``width`` side by side."""
    return category - GROUP_WIDTH / 2 + width * (index + 0.5)


def _last_point(plot: Plot) -> list[Mark]:
    """Return the label of the lead series' last known value (this year, or the first plain series)."""
    request = plot.request
    ranked = [s for s in request.series if s.kind == "ty"] + \
        [s for s in request.series if s.kind not in ("ly", "target")]
    if not ranked:
        return []
    known = [(i, v) for i, v in enumerate(ranked[0].finite(len(request.categories))) if v is not None]
    if not known:
        return []
    i, v = known[-1]
    return [Mark(plot.label(v), i, v, 7, LAST_POINT_POINTS, "bold")]


def _legend(canvas: Canvas, request: ChartRequest, theme: Theme, line: bool, stacked: bool = False) -> Legend | None:
    """Return the legend of a chart with several series (swatches for bars, strokes for lines).

    A stack's legend reads in the stack's order, top segment first, as think-cell and PowerPoint's
    vertical legends list it: in one row when it fits (read left to right), else in columns read
    top-down, never in rows that would interleave the stack's order.
    """
    if len(request.series) < 2:
        return None
    entries = [Entry(s.name, series_color(s, i, theme), LINE_STYLES.get(s.kind, DEFAULT_LINE) if line else {},
                     outline=not line and s.kind == "target")
               for i, s in enumerate(request.series)]
    if stacked:
        return Legend(canvas, entries[::-1], max_columns=len(entries))
    return Legend(canvas, entries)


class Bars:
    """The boxes of a bar chart, series by series: filled, or outlined for a target (IBCS notation)."""

    def __init__(self, edge: float = 0.0) -> None:
        self.edge = edge  # a thin line of the background between stacked segments
        self.filled: tuple[list, list] = ([], [])
        self.outlined: tuple[list, list] = ([], [])

    def add(self, series: Series, color: str, boxes: list[tuple[float, float, float, float]]) -> None:
        """Add one series' boxes in its colour."""
        boxes_, colors = self.outlined if series.kind == "target" else self.filled
        boxes_ += boxes
        colors += [color] * len(boxes)

    def draw(self, canvas: Canvas, theme: Theme) -> None:
        """Draw the filled boxes, then the outlined ones over them."""
        canvas.rectangles(*self.filled, BAR_Z, edgecolor=theme.background if self.edge else None, linewidth=self.edge)
        boxes, colors = self.outlined
        if boxes:
            canvas.rectangles(boxes, [theme.background] * len(boxes), BAR_Z + 0.1, edgecolor=colors,
                              linewidth=OUTLINE_POINTS)


# ----------------------------------------------------------------- layout
def lay_out(plot: Plot, legend: Legend | None, marks: list[Mark], ink: str) -> None:
    """Set ``plot.frame`` so tick labels, category labels, data labels and legend fit the picture."""
    canvas = plot.canvas
    pad = canvas.pad
    plot.value_labels = [canvas.tick_text("y", plot.label(t), ha="right", va="center_baseline")
                         for t in plot.ticks]
    plot.category_labels = _category_texts(plot)
    plot.mark_labels = [canvas.text(0, 0, m.text, fontsize=m.size, fontweight=m.weight, color=ink, ha="center",
                                    va="bottom" if m.offset_points > 0 else "top") for m in marks]
    widest = max([canvas.extent(t).width for t in plot.value_labels] + [0.0])
    below = max([canvas.extent(t).height for t in plot.category_labels] + [0.0])
    left = pad + widest + canvas.pt(tick_pad_points("y"))
    plot.frame = Frame(left, pad + below + canvas.pt(tick_pad_points("x")), canvas.width - pad, canvas.height - pad)
    reach = _reach(plot, marks)
    for _ in range(3):  # wide first or last labels may hang over the sides
        plot.frame = _inside_sides(plot, reach, pad)
    if legend:
        legend.fit(canvas.width - 2 * pad)
    top = canvas.height - pad - (legend.height() + legend.gap() + 0.01 * canvas.height if legend else 0.0)
    heights = [h for _, _, _, h in reach[len(plot.category_labels):]]
    plot.frame = canvas.at_least(_room_for_marks(plot, replace(plot.frame, top=top), marks, heights, top))


def _category_texts(plot: Plot) -> list[Text]:
    """Return the category label artists (wrapped, or rotated when wrapping is not enough)."""
    labels, rotated = category_labels(plot.categories, plot.canvas.width / plot.canvas.figure.dpi)
    props = dict(rotation=35, ha="right", rotation_mode="anchor") if rotated else dict(ha="center")
    return [plot.canvas.tick_text("x", label, va="top", **props) for label in labels]


def _reach(plot: Plot, marks: list[Mark]) -> list[tuple[float, float, float, float]]:
    """Return (category position, left and right reach from its anchor, height) of each category and data label.

    A label's box moves with its anchor, so it is measured once, not once per layout step.
    """
    labels = [(float(p), label) for p, label in enumerate(plot.category_labels)]
    labels += [(mark.position, label) for mark, label in zip(marks, plot.mark_labels)]
    reach = []
    for position, label in labels:
        label.set_position((0.0, 0.0))
        box = plot.canvas.extent(label)
        reach.append((position, box.x0, box.x1, box.height))
    return reach


def _inside_sides(plot: Plot, reach: list[tuple[float, float, float, float]], pad: float) -> Frame:
    """Return the frame narrowed so the first and last category and data labels stay inside the picture."""
    frame, limit = plot.frame, plot.canvas.width - pad
    left_over = max([pad - (plot.x(p) + x0) for p, x0, _, _ in reach] + [0.0])
    right_over = max([plot.x(p) + x1 - limit for p, _, x1, _ in reach] + [0.0])
    return replace(frame, left=frame.left + left_over, right=frame.right - right_over)


def _room_for_marks(plot: Plot, frame: Frame, marks: list[Mark], heights: list[float], limit: float) -> Frame:
    """Return ``frame`` lowered so the data labels above the highest values stay below ``limit``."""
    for mark, height in zip(marks, heights):
        share = (mark.value - plot.lo) / (plot.hi - plot.lo)
        room = plot.canvas.pt(mark.offset_points) + height
        if mark.offset_points > 0 and share > 0 and frame.bottom + share * frame.height + room > limit:
            frame = replace(frame, top=frame.bottom + (limit - room - frame.bottom) / share)
    return frame


# ----------------------------------------------------------------- drawing
def draw_frame(plot: Plot, theme: Theme, baseline: bool) -> None:
    """Draw the plot background, grid, spines and, for bars, the zero line they stand on."""
    rc, canvas, frame = matplotlib.rcParams, plot.canvas, plot.frame
    canvas.plot_box(frame, ("left",) if baseline else ("left", "bottom"))  # bars stand on the zero line instead
    if rc["axes.grid"] and rc["axes.grid.axis"] in ("y", "both"):
        canvas.grid([((frame.left, plot.y(t)), (frame.right, plot.y(t))) for t in plot.ticks])
    if baseline:
        canvas.segments([((frame.left, plot.y(0)), (frame.right, plot.y(0)))], theme.ink, 0.6, zorder=2)


def finish(plot: Plot, legend: Legend | None, marks: list[Mark]) -> None:
    """Place the tick labels, category labels, data labels and legend around the final frame."""
    canvas, frame = plot.canvas, plot.frame
    for tick, label in zip(plot.ticks, plot.value_labels):
        label.set_position((frame.left - canvas.pt(tick_pad_points("y")), plot.y(tick)))
    for position, label in enumerate(plot.category_labels):
        label.set_position((plot.x(position), frame.bottom - canvas.pt(tick_pad_points("x"))))
    for mark, label in zip(marks, plot.mark_labels):
        label.set_position((plot.x(mark.position), plot.y(mark.value) + canvas.pt(mark.offset_points)))
    if legend:
        legend.draw(max(0.0, min(frame.left, canvas.width - canvas.pad - legend.width())), frame.top + 0.01 * frame.height)
    canvas.note_cut_off(plot.value_labels + plot.category_labels + plot.mark_labels + (legend.texts if legend else []))
