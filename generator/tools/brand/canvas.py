"""Deterministic matplotlib drawing surface and the motifs shared by the brand visuals.

Figures are built with the object API on the Agg canvas (no pyplot state), in a
coordinate system of one unit per 100 pixels so shapes are placed in picture units.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Polygon, Rectangle, Wedge
from PIL import Image

DPI = 100


def new_canvas(size: tuple[int, int]) -> tuple[Figure, Axes]:
    """Return a figure of ``size`` pixels and a frameless axes spanning it in 1/100 px units."""
    width, height = size
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width / DPI)
    ax.set_ylim(0, height / DPI)
    ax.set_axis_off()
    ax.patch.set_alpha(0)
    return fig, ax


def save_png(fig: Figure, path: Path, transparent: bool = False, colours: int | None = None) -> None:
    """Write ``fig`` as a PNG whose bytes depend only on the drawing.

    Matplotlib stamps a Software tag; dropping it (and re-encoding with Pillow, which
    writes no time chunk) keeps re-runs byte-identical. ``colours`` quantizes to a
    palette image, which keeps the large gradient pictures small.
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, transparent=transparent, metadata={"Software": None})
    image = Image.open(io.BytesIO(buf.getvalue()))
    if colours:
        image = image.convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, format="PNG", optimize=True)


def vertical_gradient(ax: Axes, top: str, bottom: str, box: tuple[float, float, float, float] | None = None) -> None:
    """Fill ``box`` (x0, x1, y0, y1; whole canvas by default) with a top-to-bottom gradient."""
    x0, x1, y0, y1 = box or (*ax.get_xlim(), *ax.get_ylim())
    steps = np.linspace(0.0, 1.0, 256)[:, None, None]
    pixels = np.array(to_rgb(top)) * (1 - steps) + np.array(to_rgb(bottom)) * steps
    ax.imshow(pixels, extent=(x0, x1, y0, y1), origin="upper", aspect="auto", interpolation="bilinear", zorder=0)


def light_rays(ax: Axes, origin: tuple[float, float], count: int, colour: str, seed: int, reach: float = 20.0) -> None:
    """Draw ``count`` soft translucent rays fanning downwards from ``origin``."""
    rng = np.random.default_rng(seed)
    angles = np.sort(rng.uniform(200, 340, count))
    for angle in angles:
        spread = rng.uniform(2.0, 6.0)
        ax.add_patch(Wedge(origin, reach, angle - spread, angle + spread, color=colour,
                           alpha=rng.uniform(0.04, 0.10), lw=0, zorder=1))


def watch_dial(ax: Axes, centre: tuple[float, float], radius: float, face: str, accent: str,
               hands: tuple[float, float] = (305.0, 60.0), zorder: int = 5) -> None:
    """Draw a stylised watch: case, dial, twelve indices, two hands and a crown.

    ``hands`` are the minute and hour hand angles in degrees clockwise from twelve.
    """
    cx, cy = centre
    ax.add_patch(Rectangle((cx + radius * 1.02, cy - radius * 0.09), radius * 0.14, radius * 0.18,
                           color=accent, lw=0, zorder=zorder))
    ax.add_patch(Circle(centre, radius * 1.06, color=accent, lw=0, zorder=zorder))
    ax.add_patch(Circle(centre, radius, color=face, lw=0, zorder=zorder + 1))
    ax.add_patch(Circle(centre, radius * 0.93, fill=False, ec=accent, lw=radius * 0.6, alpha=0.5, zorder=zorder + 1))
    _indices(ax, centre, radius, accent, zorder + 2)
    for angle, length, width in ((hands[0], 0.82, 0.035), (hands[1], 0.55, 0.05)):
        _hand(ax, centre, radius * length, radius * width, angle, accent, zorder + 3)
    ax.add_patch(Circle(centre, radius * 0.05, color=accent, lw=0, zorder=zorder + 4))


def _indices(ax: Axes, centre: tuple[float, float], radius: float, colour: str, zorder: int) -> None:
    for hour in range(12):
        theta = math.radians(90 - hour * 30)
        inner = 0.70 if hour % 3 == 0 else 0.78
        xs = [centre[0] + radius * r * math.cos(theta) for r in (inner, 0.86)]
        ys = [centre[1] + radius * r * math.sin(theta) for r in (inner, 0.86)]
        ax.plot(xs, ys, color=colour, lw=radius * (2.4 if hour % 3 == 0 else 1.2), solid_capstyle="butt", zorder=zorder)


def _hand(ax: Axes, centre: tuple[float, float], length: float, width: float, angle: float,
          colour: str, zorder: int) -> None:
    theta = math.radians(90 - angle)
    ux, uy = math.cos(theta), math.sin(theta)
    px, py = -uy * width, ux * width
    cx, cy = centre
    points = [(cx + px, cy + py), (cx + ux * length, cy + uy * length), (cx - px, cy - py),
              (cx - ux * length * 0.15, cy - uy * length * 0.15)]
    ax.add_patch(Polygon(points, closed=True, color=colour, lw=0, zorder=zorder))


def caption(ax: Axes, xy: tuple[float, float], text: str, colour: str, size: float, family: list[str],
            ha: str = "left", weight: str = "normal", style: str = "normal") -> None:
    """Write one line of text at ``xy`` (picture units)."""
    ax.text(*xy, text, color=colour, fontsize=size, family=family, ha=ha, va="baseline",
            weight=weight, style=style, zorder=20)


def spaced(text: str) -> str:
    """Return ``text`` letter-spaced with thin spaces, the way the wordmark is set."""
    return "\u2009".join(" " if ch == " " else ch for ch in text)
