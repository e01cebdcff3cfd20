"""Chart look: rc parameters loaded once per process, and the colours a chart draws with.

The brand style sheet (``brand_assets/orvelle.mplstyle``) overrides the restrained
defaults below. The fonts kitgen ships are registered first (so a chart draws the same on
every machine); fonts that are neither shipped nor installed are dropped from the family
list so matplotlib never logs "findfont" noise.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import matplotlib
from cycler import cycler
from matplotlib import font_manager
from matplotlib.colors import to_hex

from generator.fonts import register_with_matplotlib

log = logging.getLogger(__name__)

PREFERRED_FONTS: tuple[str, ...] = ("Carlito", "DejaVu Sans")
DEFAULT_PALETTE: tuple[str, ...] = ("#1F2A44", "#B08D57", "#7A6F66", "#4F6D7A", "#C9B79C", "#6E2E3A")
INK = "#2B2B2B"
MUTED = "#A7A29C"  # last year, secondary lines
HAIRLINE = "#E4DED6"

DEFAULT_RC: dict[str, object] = {
    "font.size": 9,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": "#BDB5AA",
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.spines.left": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "axes.facecolor": "white",
    "axes.prop_cycle": cycler(color=list(DEFAULT_PALETTE)),
    "grid.color": HAIRLINE,
    "grid.linewidth": 0.6,
    "xtick.color": "#5E5953",
    "ytick.color": "#5E5953",
    "xtick.major.size": 0,
    "ytick.major.size": 0,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "figure.facecolor": "white",
    "lines.linewidth": 1.8,
    "patch.linewidth": 0,
}


@dataclass(frozen=True)
class Theme:
    """The colours one chart uses, resolved from the request palette and the rc parameters."""

    palette: tuple[str, ...]
    muted: str = MUTED
    positive: str = "#5C7A64"
    negative: str = "#9B4A45"
    ink: str = INK
    hairline: str = HAIRLINE
    background: str = "white"
    parts: tuple[str, ...] = ()  # the request's resolved colour per series or category (charts.colors)

    def color(self, index: int) -> str:
        """Return the ``index``-th palette colour, cycling."""
        return self.palette[index % len(self.palette)]


def chart_rc(style: str | None) -> dict[str, object]:
    """Return the rc parameters for ``style`` (defaults merged with the sheet), cached per process."""
    return _load_rc(str(Path(style).resolve()) if style else "")


def make_theme(palette: tuple[str, ...], rc: dict[str, object], parts: tuple[str, ...] = ()) -> Theme:
    """Return the theme for a request: its palette first, else the style sheet's colour cycle; ``parts`` as resolved."""
    colors = tuple(to_hex(c) for c in palette) or _cycle_colors(rc)
    background = str(rc.get("figure.facecolor", "white"))
    return Theme(palette=colors or DEFAULT_PALETTE, background="white" if background == "none" else background,
                 parts=tuple(to_hex(c) if c else "" for c in parts))


@lru_cache(maxsize=8)
def _load_rc(path: str) -> dict[str, object]:
    """Return defaults updated with the style file at ``path`` (read once), fonts filtered."""
    rc = dict(DEFAULT_RC)
    if path:
        rc.update(_read_sheet(Path(path)))
    register_with_matplotlib()
    families = rc.get("font.family")
    wanted = [families] if isinstance(families, str) else list(families or [])
    rc["font.family"] = available_fonts(tuple(wanted) + PREFERRED_FONTS)
    # a style sheet asking for a tight bounding box would crop the PNG, and the slide would then
    # stretch it back to the box: charts always keep the exact size of the box they fill
    rc["savefig.bbox"] = "standard"
    return rc


def _read_sheet(path: Path) -> dict[str, object]:
    """Return the rc parameters a .mplstyle file sets, or none when it does not exist yet."""
    if not path.is_file():
        log.warning("chart style %s not found; using built-in defaults", path)
        return {}
    return dict(matplotlib.rc_params_from_file(str(path), use_default_template=False))


@lru_cache(maxsize=8)
def available_fonts(families: tuple[str, ...]) -> list[str]:
    """Return the installed families among ``families`` (order kept), falling back to DejaVu Sans."""
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    found = [name for name in dict.fromkeys(families) if name in installed]
    return found or ["DejaVu Sans"]


def _cycle_colors(rc: dict[str, object]) -> tuple[str, ...]:
    """Return the colours of the rc property cycle."""
    cycle = rc.get("axes.prop_cycle")
    colors = cycle.by_key().get("color", []) if cycle is not None else []
    return tuple(to_hex(c) for c in colors)
