"""A figure drawn on in pixels, without matplotlib's Axes machinery.

Axes, axis and tick objects are most of a business chart's cost in matplotlib
(each tick is five artists built and styled anew for every chart). The category
charts place their few artists themselves: text, rectangles and lines on the
figure, in pixels from the bottom-left corner, styled from the rc parameters.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace

import matplotlib
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox, IdentityTransform

from generator.charts.layout import MIN_FRACTION, PAD_INCHES, inside

POINTS_PER_INCH = 72
GRID_Z, BAR_Z, LINE_Z, TEXT_Z = 0.5, 3.0, 3.5, 4.0


@dataclass(frozen=True)
class Frame:
    """The plot area in figure pixels."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        """Return the plot width in pixels."""
        return self.right - self.left

    @property
    def height(self) -> float:
        """Return the plot height in pixels."""
        return self.top - self.bottom


class Canvas:
    """Artists added to one figure in pixel coordinates, origin bottom-left."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.renderer = figure.canvas.get_renderer()
        self.width, self.height = figure.bbox.width, figure.bbox.height
        self.px_per_pt = figure.dpi / POINTS_PER_INCH
        self._boxes: dict[tuple[int, str], Bbox] = {}  # text boxes around their anchor
        self.cut_off = False  # set when some text was laid out past the picture's edge

    @property
    def pad(self) -> float:
        """Return the margin kept free along the picture's edges, in pixels."""
        return PAD_INCHES * self.figure.dpi

    def pt(self, points: float) -> float:
        """Return ``points`` in pixels."""
        return points * self.px_per_pt

    def tick_text(self, axis: str, words: str, **props: object) -> Text:
        """Return a tick label of ``axis`` ("x" or "y") in the style's size and colour, placed later."""
        return self.text(0, 0, words, fontsize=matplotlib.rcParams[f"{axis}tick.labelsize"],
                         color=tick_label_color(axis), **props)

    def wrap(self, label: Text, room: float) -> None:
        """Break ``label`` at spaces into lines narrow enough for ``room`` pixels (one long word stays whole)."""
        words = label.get_text()
        for chars in range(len(words) - 1, 0, -1):
            if self.extent(label).width <= room:
                return
            label.set_text(textwrap.fill(words, chars, break_long_words=False))

    def at_least(self, frame: Frame, keep_top: bool = False) -> Frame:
        """Return ``frame`` grown back to the minimum share of the picture a plot always keeps.

        It grows rightwards, and upwards (or downwards when ``keep_top``).
        """
        width = max(frame.width, self.width * MIN_FRACTION)
        height = max(frame.height, self.height * MIN_FRACTION)
        if keep_top:
            return replace(frame, right=frame.left + width, bottom=frame.top - height)
        return replace(frame, right=frame.left + width, top=frame.bottom + height)

    def note_cut_off(self, texts: Sequence[Text]) -> None:
        """Record whether any of ``texts`` crosses the picture's edge (the chart then says so)."""
        self.cut_off = not all(inside(self.extent(t), self.figure) for t in texts)

    def text(self, x: float, y: float, words: str, **props: object) -> Text:
        """Return a text artist at pixel (x, y), added to the figure above the plot."""
        label = Text(x, y, words, transform=IdentityTransform(), zorder=TEXT_Z, **props)
        self.figure.add_artist(label)
        return label

    def extent(self, label: Text) -> Bbox:
        """Return the pixel box ``label`` covers where it stands now.

        A text's box moves with its anchor, so each text is measured once (again if its words
        change) and later asked for where it stands: layout asks for the same boxes many times.
        """
        x, y = label.get_position()
        key = (id(label), label.get_text())
        around_anchor = self._boxes.get(key)
        if around_anchor is None:
            around_anchor = self._boxes[key] = label.get_window_extent(self.renderer).translated(-x, -y)
        return around_anchor.translated(x, y)

    def rectangles(self, boxes: Sequence[tuple[float, float, float, float]], colors: Sequence[str],
                   zorder: float = BAR_Z, edgecolor: str | Sequence[str] | None = None,
                   linewidth: float = 0.0) -> None:
        """Fill pixel boxes (x0, y0, x1, y1), one colour each, as one collection (edges: one colour or one each)."""
        if not boxes:
            return
        polygons = [((x0, y0), (x1, y0), (x1, y1), (x0, y1)) for x0, y0, x1, y1 in boxes]
        edges = edgecolor if edgecolor is not None and len(edgecolor) else "none"
        patches = PolyCollection(polygons, facecolors=list(colors), edgecolors=edges,
                                 linewidths=linewidth, transform=IdentityTransform(), zorder=zorder)
        self.figure.add_artist(patches)

    def segments(self, lines: Sequence[tuple[tuple[float, float], tuple[float, float]]], color: str,
                 width_pt: float, zorder: float = GRID_Z, alpha: float | None = None) -> None:
        """Draw straight pixel segments in one colour (grid lines, a baseline, a spine)."""
        if lines:
            collection = LineCollection(list(lines), colors=color, linewidths=width_pt, alpha=alpha,
                                        transform=IdentityTransform(), zorder=zorder)
            self.figure.add_artist(collection)

    def plot_box(self, frame: Frame, sides: Sequence[str]) -> None:
        """Fill the plot area with the style's colour and draw those of ``sides`` the style shows as spines."""
        rc = matplotlib.rcParams
        self.rectangles([(frame.left, frame.bottom, frame.right, frame.top)], [rc["axes.facecolor"]], zorder=0.1)
        ends = {"left": ((frame.left, frame.bottom), (frame.left, frame.top)),
                "bottom": ((frame.left, frame.bottom), (frame.right, frame.bottom)),
                "top": ((frame.left, frame.top), (frame.right, frame.top)),
                "right": ((frame.right, frame.bottom), (frame.right, frame.top))}
        spines = [ends[side] for side in sides if rc[f"axes.spines.{side}"]]
        self.segments(spines, rc["axes.edgecolor"], rc["axes.linewidth"], zorder=2.5)

    def grid(self, lines: Sequence[tuple[tuple[float, float], tuple[float, float]]]) -> None:
        """Draw grid lines in the style's grid colour, width and alpha."""
        rc = matplotlib.rcParams
        self.segments(lines, rc["grid.color"], rc["grid.linewidth"], alpha=rc["grid.alpha"])

    def polyline(self, xs: Sequence[float], ys: Sequence[float], color: str, **style: object) -> Line2D:
        """Return a line through pixel points (NaN breaks it), with markers and dashes as in ``style``."""
        line = Line2D(xs, ys, color=color, transform=IdentityTransform(), zorder=LINE_Z, **style)
        self.figure.add_artist(line)
        return line


def tick_label_color(axis: str) -> str:
    """Return the rc colour of ``axis`` ("x" or "y") tick labels ("inherit" means the tick colour)."""
    rc = matplotlib.rcParams
    color = rc[f"{axis}tick.labelcolor"]
    return rc[f"{axis}tick.color"] if str(color) == "inherit" else color


def tick_pad_points(axis: str) -> float:
    """Return the gap in points between the plot edge and the ``axis`` tick labels."""
    rc = matplotlib.rcParams
    return rc[f"{axis}tick.major.pad"] + max(rc[f"{axis}tick.major.size"], 0)
