"""One-pass layout: fit the axes and their decorations inside the figure.

Cheaper than constrained layout (which draws twice and iterates) and never
resizes the figure, unlike ``bbox_inches="tight"``: the PNG keeps the box size.
"""

from __future__ import annotations


from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox


PAD_INCHES = 0.05
MIN_FRACTION = 0.25  # the plot keeps at least this share of the figure whatever the labels


def fit_axes(figure: Figure, ax: Axes) -> bool:
    """Return whether tick labels, legend and notes fit the figure once ``ax`` is moved to make room.

    Two passes: labels anchored to data (rotated categories, notes) move when the plot is
    resized. False means some text still crosses the figure's edge (too small a box).
    """
    renderer = figure.canvas.get_renderer()
    outer = ax.get_tightbbox(renderer)
    for _ in range(2):
        if outer is None:
            return True
        _place(figure, ax, outer, ax.get_window_extent(renderer))
        outer = ax.get_tightbbox(renderer)
        if inside(outer, figure):
            break
    _freeze_empty_labels(ax)
    return inside(outer, figure)


def inside(box: Bbox, figure: Figure) -> bool:
    """Return whether ``box`` (pixels) lies within the figure, a pixel of rounding allowed."""
    width, height = figure.bbox.width, figure.bbox.height
    return box.x0 >= -1 and box.y0 >= -1 and box.x1 <= width + 1 and box.y1 <= height + 1


def _place(figure: Figure, ax: Axes, outer: Bbox, inner: Bbox) -> None:
    """Set the axes position that moves the decorations ``outer`` around the plot ``inner`` inside the figure."""
    pad = PAD_INCHES * figure.dpi
    width, height = figure.bbox.width, figure.bbox.height
    left = inner.x0 - outer.x0 + pad
    bottom = inner.y0 - outer.y0 + pad
    plot_w = max(width - left - (outer.x1 - inner.x1 + pad), width * MIN_FRACTION)
    plot_h = max(height - bottom - (outer.y1 - inner.y1 + pad), height * MIN_FRACTION)
    ax.set_position((left / width, bottom / height, plot_w / width, plot_h / height))


def _freeze_empty_labels(ax: Axes) -> None:
    """Pin empty axis labels where they are, so drawing does not measure every tick label again to place them."""
    for axis in (ax.xaxis, ax.yaxis):
        if not axis.label.get_text():
            axis.set_label_coords(0.5, 0.5)  # an empty label draws nothing wherever it sits
