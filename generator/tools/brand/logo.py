"""The Maison Orvelle logo: a crowned "O" monogram with a watch hand, beside the wordmark."""

from __future__ import annotations

import math
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.patches import Circle, Polygon

from generator.tools.brand.canvas import caption, new_canvas, save_png, spaced
from generator.tools.brand.identity import ART_SANS, ART_SERIF, CITY, NAME, PALETTE

LOGO_SIZE = (1200, 300)
CENTRE = (1.45, 1.38)
RADIUS = 1.02


def draw_logo(path: Path, text_colour: str) -> None:
    """Write the logo PNG (transparent background) with the wordmark in ``text_colour``."""
    fig, ax = new_canvas(LOGO_SIZE)
    monogram(ax, PALETTE["gold"])
    caption(ax, (3.05, 1.32), spaced(NAME.upper()), text_colour, 46, ART_SERIF)
    caption(ax, (3.08, 0.62), spaced(spaced(CITY)), PALETTE["gold"], 17, ART_SANS)
    ax.plot([3.08, 3.08 + 0.9], [1.02, 1.02], color=PALETTE["gold"], lw=1.4)
    save_png(fig, path, transparent=True)


def monogram(ax: Axes, colour: str) -> None:
    """Draw the crowned "O" with its single watch hand pointing to ten past."""
    ax.add_patch(Circle(CENTRE, RADIUS, fill=False, ec=colour, lw=9))
    ax.add_patch(Circle(CENTRE, RADIUS * 0.80, fill=False, ec=colour, lw=1.4))
    _crown(ax, colour)
    theta = math.radians(90 - 60)  # ten past: the watchmaker's smile
    tip = (CENTRE[0] + RADIUS * 0.70 * math.cos(theta), CENTRE[1] + RADIUS * 0.70 * math.sin(theta))
    normal = (-math.sin(theta) * 0.05, math.cos(theta) * 0.05)
    ax.add_patch(Polygon([(CENTRE[0] + normal[0], CENTRE[1] + normal[1]), tip,
                          (CENTRE[0] - normal[0], CENTRE[1] - normal[1])], closed=True, color=colour, lw=0))
    ax.add_patch(Circle(CENTRE, 0.07, color=colour, lw=0))


def _crown(ax: Axes, colour: str) -> None:
    x, y = CENTRE[0], CENTRE[1] + RADIUS + 0.08
    w, h = 0.36, 0.36
    points = [(x - w, y), (x - w, y + h * 0.8), (x - w / 2, y + h * 0.35), (x, y + h),
              (x + w / 2, y + h * 0.35), (x + w, y + h * 0.8), (x + w, y)]
    ax.add_patch(Polygon(points, closed=True, color=colour, lw=0))
