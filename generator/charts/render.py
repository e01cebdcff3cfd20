"""Turn a ChartRequest into a PNG of exactly the requested box size (Agg, no pyplot)."""

from __future__ import annotations

import logging
from collections.abc import Callable

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from generator.charts.alt_text import alt_text
from generator.charts.canvas import Canvas
from generator.charts.figures import pooled_figure
from generator.charts.kinds import chart_kind, chart_kinds
from generator.charts.layout import fit_axes
from generator.charts.model import ChartRequest, RenderedChart
from generator.charts.png import encode_png
from generator.charts.style import Theme, chart_rc, make_theme
from generator.errors import RenderError
from generator.geometry import EMU_PER_INCH

Drawer = Callable[[Axes, ChartRequest, Theme], None]
FlatDrawer = Callable[[Canvas, ChartRequest, Theme], None]
log = logging.getLogger(__name__)

# Each kind's drawer, from the kind registry: flat ones draw in pixels without an Axes (three times
# cheaper). Kept as dicts a test can put a failing drawer into, also in forked workers.
FLAT_DRAWERS: dict[str, FlatDrawer] = {k.name: k.drawer() for k in chart_kinds() if k.flat}
DRAWERS: dict[str, Drawer] = {k.name: k.drawer() for k in chart_kinds() if not k.flat}


def render_chart(request: ChartRequest) -> RenderedChart:
    """Return the chart drawn for ``request`` as PNG bytes with its alt text."""
    draw = drawer_for(request.kind)
    rc = chart_rc(request.style)
    theme = make_theme(request.palette, rc, request.colors)
    present = has_data(request)
    try:
        with matplotlib.rc_context(rc):
            figure = new_figure(request)
            if present and request.kind in FLAT_DRAWERS:
                canvas = Canvas(figure)
                draw(canvas, request, theme)
                cut_off = canvas.cut_off
            else:
                ax = figure.add_subplot()
                (draw if present else draw_no_data)(ax, request, theme)
                cut_off = not fit_axes(figure, ax)
            note = cut_off_note(figure) if cut_off else ""
            png = png_bytes(figure)
    except (ArithmeticError, RuntimeError, ValueError) as exc:  # matplotlib/FreeType on data they cannot draw
        log.debug("drawing %s failed", chart_name(request), exc_info=True)  # the whole trace, for kitgen's maintainers
        raise RenderError(f"{chart_name(request)} could not be drawn: {exc}; "
                          "check its data for extreme or unexpected values") from exc
    return RenderedChart(png, request.width_emu, request.height_emu, alt_text(request, present), note)


def chart_name(request: ChartRequest) -> str:
    """Return how messages name a chart: "chart 'Sell-out' (line)", or "chart (line)" when it has no title."""
    return f"chart {request.title!r} ({request.kind})" if request.title else f"chart ({request.kind})"


def cut_off_note(figure: Figure) -> str:
    """Return what to tell the deck's author when some labels do not fit the figure, and what they can change.

    The chart stage knows nothing of decks and slides: the fill stage records the note
    with the slide it is on, and the build reports it with the deck.
    """
    return (f"some labels do not fit a {figure.bbox.width / figure.dpi:.1f} x {figure.bbox.height / figure.dpi:.1f} "
            "in box and are cut off; use a layout with a larger chart area, or shorter series and category names")


def drawer_for(kind: str) -> Drawer | FlatDrawer:
    """Return the drawing function of ``kind``, or raise RenderError naming the valid kinds."""
    if kind not in FLAT_DRAWERS and kind not in DRAWERS:
        try:
            info = chart_kind(kind)
        except KeyError as error:
            raise RenderError(error.args[0]) from None
        (FLAT_DRAWERS if info.flat else DRAWERS)[kind] = info.drawer()  # registered after this module loaded
    return FLAT_DRAWERS.get(kind) or DRAWERS[kind]


def pixel_size(request: ChartRequest) -> tuple[int, int]:
    """Return the PNG size in pixels: the box size in inches times dpi, rounded."""
    return (round(request.width_emu * request.dpi / EMU_PER_INCH),
            round(request.height_emu * request.dpi / EMU_PER_INCH))


def new_figure(request: ChartRequest) -> Figure:
    """Return a cleared Agg figure whose canvas is exactly ``pixel_size(request)``.

    The figure is reused by the next chart of the same style and size on this thread.
    """
    width_px, height_px = pixel_size(request)
    # Agg truncates width*dpi to int; a hundredth of a pixel keeps float error from losing a pixel.
    size = ((max(width_px, 1) + 0.01) / request.dpi, (max(height_px, 1) + 0.01) / request.dpi)
    key = (request.style or "", width_px, height_px, request.dpi, str(matplotlib.rcParams["figure.facecolor"]))
    return pooled_figure(key, size, request.dpi)


def png_bytes(figure: Figure) -> bytes:
    """Return the figure drawn once and encoded as PNG without metadata, so equal figures give equal bytes."""
    canvas = figure.canvas
    canvas.draw()
    return encode_png(np.asarray(canvas.buffer_rgba()))


def has_data(request: ChartRequest) -> bool:
    """Return whether ``request`` holds anything drawable for its kind (its registry rule)."""
    return chart_kind(request.kind).has_data(request)


def draw_no_data(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Draw a quiet, centred "no data" note in place of the chart."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, request.word("no_data", "No data"), transform=ax.transAxes, ha="center", va="center",
            fontsize=10, color=theme.muted, fontstyle="italic")
