"""The eight campaign / trade-marketing visuals of the retailer kits, one drawing per asset id.

Each drawing is an abstract composition (dials, light, display furniture) with the asset's
caption; randomness (stars, rays) comes from fixed seeds so the PNGs never change. Every text is
written through ``say`` so the same drawing gives the French and Spanish variants.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Rectangle, Wedge

from generator.tools.brand.canvas import (
    caption, light_rays, new_canvas, save_png, spaced, vertical_gradient, watch_dial,
)
from generator.tools.brand.identity import ART_SANS, ART_SERIF, CHART_COLOURS, NAME, PALETTE, Asset
from generator.tools.brand.wording import words

Say = Callable[[str], str]

INK, GOLD, IVORY = PALETTE["ink"], PALETTE["gold"], PALETTE["ivory"]
STONE, SLATE = PALETTE["stone"], PALETTE["slate"]
NIGHT = "#070D18"


def draw_asset(asset: Asset, path: Path, language: str | None = None) -> None:
    """Write the PNG of ``asset`` to ``path``, its words in ``language`` (None: English)."""
    fig, ax = new_canvas(asset.size)
    DRAWINGS[asset.id](ax, asset, words(language))
    save_png(fig, path, colours=224)


def _signature(ax: Axes, asset: Asset, say: Say, colour: str, x: float, y: float, ha: str = "left",
               size: float = 34) -> None:
    """Write the caption with the spaced wordmark beneath it."""
    caption(ax, (x, y), say(asset.caption), colour, size, ART_SERIF, ha=ha)
    caption(ax, (x, y - 0.55), spaced(NAME.upper()), GOLD, 13, ART_SANS, ha=ha)


def _key_visual(ax: Axes, asset: Asset, say: Say) -> None:
    vertical_gradient(ax, "#1C2B45", NIGHT)
    light_rays(ax, (11.0, 10.5), 14, GOLD, seed=11)
    watch_dial(ax, (11.0, 4.3), 2.5, IVORY, GOLD)
    caption(ax, (1.0, 5.2), spaced(say("AUTUMN – WINTER COLLECTION")), GOLD, 13, ART_SANS)
    _signature(ax, asset, say, IVORY, 1.0, 4.2, size=44)


def _solenne_window(ax: Axes, asset: Asset, say: Say) -> None:
    vertical_gradient(ax, STONE, "#BDB4A2")
    ax.add_patch(Rectangle((2.2, 1.6), 11.6, 6.6, color=INK, lw=0, zorder=1))
    vertical_gradient(ax, "#22324F", NIGHT, (2.4, 13.6, 1.8, 8.0))
    light_rays(ax, (8.0, 8.0), 10, GOLD, seed=21, reach=5.9)
    for x, width, height, radius in ((4.6, 2.2, 1.2, 0.9), (8.0, 2.6, 2.0, 1.3), (11.4, 2.2, 0.9, 0.8)):
        ax.add_patch(Rectangle((x - width / 2, 1.8), width, height, color=STONE, lw=0, zorder=3))
        watch_dial(ax, (x, 1.8 + height + radius + 0.15), radius, IVORY, GOLD, zorder=4)
    _signature(ax, asset, say, INK, 8.0, 0.95, ha="center", size=24)


def _counter_card(ax: Axes, asset: Asset, say: Say) -> None:
    vertical_gradient(ax, "#E9E3D6", "#A9A290")
    ax.add_patch(Polygon([(1.6, 2.4), (10.4, 2.4), (9.8, 1.6), (2.2, 1.6)], color="#8E8774", alpha=0.5, lw=0))
    ax.add_patch(FancyBboxPatch((1.6, 2.4), 8.8, 12.0, boxstyle="round,pad=0,rounding_size=0.15",
                                fc=IVORY, ec=GOLD, lw=3, zorder=2))
    ax.add_patch(Rectangle((1.95, 2.75), 8.1, 11.3, fill=False, ec=GOLD, lw=0.8, zorder=3))
    watch_dial(ax, (6.0, 9.6), 2.6, INK, GOLD, hands=(50.0, 300.0))
    _signature(ax, asset, say, INK, 6.0, 5.3, ha="center", size=28)
    caption(ax, (6.0, 3.6), say("Ask our specialist for a private fitting"), SLATE, 14, ART_SANS, ha="center")


def _social_tile(ax: Axes, asset: Asset, say: Say) -> None:
    vertical_gradient(ax, IVORY, "#EFE6D2")
    for index, radius in enumerate(np.linspace(5.8, 3.2, 6)):
        ax.add_patch(Circle((8.0, 6.8), radius, fill=False, ec=GOLD, lw=1.2, alpha=0.15 + 0.1 * index))
    watch_dial(ax, (8.0, 6.8), 2.6, "#FFFFFF", GOLD, hands=(10.0, 240.0))
    _signature(ax, asset, say, INK, 8.0, 2.2, ha="center", size=34)


def _print_ad(ax: Axes, asset: Asset, say: Say) -> None:
    vertical_gradient(ax, "#16233B", NIGHT)
    rng = np.random.default_rng(51)
    stars = rng.uniform((0.3, 6.0), (11.7, 15.7), (90, 2))
    ax.scatter(stars[:, 0], stars[:, 1], s=rng.uniform(0.5, 6.0, 90), color=IVORY, alpha=0.7, lw=0, zorder=1)
    ax.add_patch(Circle((8.6, 13.0), 1.3, color=STONE, lw=0, zorder=2))
    ax.add_patch(Circle((8.1, 13.3), 1.2, color="#132039", lw=0, zorder=3))
    watch_dial(ax, (6.0, 7.6), 3.2, INK, GOLD, hands=(0.0, 180.0))
    _signature(ax, asset, say, IVORY, 6.0, 2.6, ha="center", size=34)


def _dial_study(ax: Axes, asset: Asset, say: Say) -> None:
    vertical_gradient(ax, IVORY, "#F1EADB")
    positions = [(x, y) for y in (8.7, 5.4) for x in (3.2, 8.0, 12.8)]
    faces = (IVORY, INK, IVORY, CHART_COLOURS[3], IVORY, SLATE)
    for index, (centre, face) in enumerate(zip(positions, faces)):
        watch_dial(ax, centre, 1.25, face, GOLD, hands=(index * 67.0 % 360, index * 131.0 % 360))
    ax.plot([1.0, 15.0], [3.2, 3.2], color=GOLD, lw=1.0)
    _signature(ax, asset, say, INK, 8.0, 1.9, ha="center", size=30)


def _invitation(ax: Axes, asset: Asset, say: Say) -> None:
    vertical_gradient(ax, "#1A2740", INK)
    for inset, width in ((0.45, 2.2), (0.7, 0.8)):
        ax.add_patch(Rectangle((inset, inset), 16 - 2 * inset, 12 - 2 * inset, fill=False, ec=GOLD, lw=width))
    watch_dial(ax, (8.0, 8.0), 1.5, INK, GOLD, hands=(300.0, 60.0))
    caption(ax, (8.0, 5.3), spaced(say("BY INVITATION")), GOLD, 14, ART_SANS, ha="center")
    _signature(ax, asset, say, IVORY, 8.0, 4.0, ha="center", size=38)
    caption(ax, (8.0, 2.4), say("Geneva · Salon des Cadrans · 7 pm"), STONE, 15, ART_SANS, ha="center")


def _lightbox(ax: Axes, asset: Asset, say: Say) -> None:
    vertical_gradient(ax, "#FBF8F1", STONE)
    for index, radius in enumerate((7.5, 6.3, 5.1)):
        ax.add_patch(Wedge((8.0, -1.0), radius, 20, 160, width=0.08 + 0.06 * index, color=GOLD, alpha=0.8, lw=0))
    light_rays(ax, (8.0, -1.0), 12, GOLD, seed=81, reach=12.0)
    caption(ax, (8.0, 2.3), spaced(NAME.upper()), INK, 32, ART_SERIF, ha="center")
    caption(ax, (8.0, 1.6), spaced(spaced("GENÈVE")), SLATE, 15, ART_SANS, ha="center")


DRAWINGS: dict[str, Callable[[Axes, Asset, Say], None]] = {
    "season_key_visual": _key_visual,
    "solenne_window": _solenne_window,
    "veyrac_counter_card": _counter_card,
    "lumeris_social_tile": _social_tile,
    "ombrelune_print_ad": _print_ad,
    "dial_study_poster": _dial_study,
    "nordane_event_invitation": _invitation,
    "vitrine_lightbox": _lightbox,
}
