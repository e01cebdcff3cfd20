"""A frameless legend laid out by hand on a Canvas, in matplotlib's proportions.

Spacing follows the rc legend parameters in font-size units, entries fill the
columns top-down as matplotlib's do, and handles are a colour swatch for bars or
a short stroke (with its marker and dashes) for lines. A legend that would not fit
the picture's width takes fewer columns, and in one column its long labels wrap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import matplotlib
from matplotlib.font_manager import FontProperties

from generator.charts.canvas import Canvas

HANDLE_LENGTH = 1.2  # in font sizes, shorter than matplotlib's 2.0: a discreet key
COLUMN_SPACING = 1.4
BORDER_AXES_PAD = 0.2
MAX_COLUMNS = 4


@dataclass(frozen=True)
class Entry:
    """One legend line: a label and how its handle looks (``style`` empty for a swatch)."""

    label: str
    color: str
    style: dict[str, object] = field(default_factory=dict)
    outline: bool = False  # a target's swatch: outlined, as its bars are


class Legend:
    """Entries measured once, then drawn with their lower-left corner at a pixel point."""

    def __init__(self, canvas: Canvas, entries: list[Entry], max_columns: int = MAX_COLUMNS) -> None:
        rc = matplotlib.rcParams
        self.canvas, self.entries, self.max_columns = canvas, entries, max_columns
        self.em_px = canvas.pt(FontProperties(size=rc["legend.fontsize"]).get_size_in_points())  # font size, pixels
        color = rc["legend.labelcolor"]
        color = rc["text.color"] if color in (None, "None", "inherit") else color
        self.texts = [canvas.text(0, 0, e.label, fontsize=rc["legend.fontsize"], color=color,
                                  ha="left", va="center") for e in entries]
        self.columns = _columns(len(entries), min(len(entries), max_columns))
        self._measure()

    def fit(self, room: float) -> None:
        """Take as many columns as fit in ``room`` pixels; in one column, wrap labels wider than the room."""
        for ncols in range(min(len(self.entries), self.max_columns), 0, -1):
            self.columns = _columns(len(self.entries), ncols)
            if self.width() <= room:
                return
        chrome = self.width() - max(self.canvas.extent(t).width for t in self.texts)  # handle, padding
        for text in self.texts:
            self.canvas.wrap(text, room - chrome)
        self._measure()

    def width(self) -> float:
        """Return the legend's width in pixels, its padding included."""
        columns = sum(max(self._entry_width(i) for i in column) for column in self.columns)
        return (columns + (len(self.columns) - 1) * COLUMN_SPACING * self.em_px
                + 2 * self._em("legend.borderpad") + self.gap())

    def height(self) -> float:
        """Return the legend's height in pixels, its border padding included."""
        rows = max(len(c) for c in self.columns)
        return self._em("legend.borderpad") * 2 + rows * self.row + (rows - 1) * self._em("legend.labelspacing")

    def gap(self) -> float:
        """Return the space kept between the plot and the legend, in pixels."""
        return BORDER_AXES_PAD * self.em_px

    def draw(self, left: float, bottom: float) -> None:
        """Place the entries so the legend's lower-left corner sits at (left, bottom) plus its padding."""
        x = left + self.gap() + self._em("legend.borderpad")
        top = bottom + self.gap() + self.height() - self._em("legend.borderpad")
        for column in self.columns:
            widths = [self._entry(i, x, top - r * (self.row + self._em("legend.labelspacing")) - self.row / 2)
                      for r, i in enumerate(column)]
            x += max(widths) + COLUMN_SPACING * self.em_px

    def _measure(self) -> None:
        rc = matplotlib.rcParams
        self.row = max([self.canvas.extent(t).height for t in self.texts] + [rc["legend.handleheight"] * self.em_px])

    def _entry_width(self, index: int) -> float:
        label = self.canvas.extent(self.texts[index]).width
        return HANDLE_LENGTH * self.em_px + self._em("legend.handletextpad") + label

    def _entry(self, index: int, x: float, y: float) -> float:
        """Draw entry ``index`` centred on height ``y`` from ``x``; return its width."""
        entry, text = self.entries[index], self.texts[index]
        length = HANDLE_LENGTH * self.em_px
        if entry.style:
            self.canvas.polyline([x, x + length / 2, x + length], [y, y, y], entry.color,
                                 markevery=[1], **entry.style)
        else:
            half = matplotlib.rcParams["legend.handleheight"] * self.em_px / 2
            box = [(x, y - half, x + length, y + half)]
            if entry.outline:
                self.canvas.rectangles(box, ["none"], edgecolor=[entry.color], linewidth=1.0)
            else:
                self.canvas.rectangles(box, [entry.color])
        text_x = x + length + self._em("legend.handletextpad")
        text.set_position((text_x, y))
        return self._entry_width(index)

    def _em(self, key: str) -> float:
        return matplotlib.rcParams[key] * self.em_px


def _columns(count: int, ncols: int) -> list[list[int]]:
    """Return entry indexes per column, filled top-down, the first columns one longer when uneven."""
    if not count:
        return [[]]
    rows = math.ceil(count / ncols)
    columns, start = [], 0
    for column in range(ncols):
        size = rows if column < count - (rows - 1) * ncols else rows - 1
        columns.append(list(range(start, start + size)))
        start += size
    return [c for c in columns if c]
