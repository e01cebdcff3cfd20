"""The Maison Orvelle identity as data: palette, fonts and the retailer-kit asset catalogue.

Everything the brand kit writes (brand.yaml, the style sheet, the drawings) reads these
constants, so a colour is changed in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass

NAME = "Maison Orvelle"
TAGLINE = "Time, composed in Geneva."
CITY = "GENÈVE"

PALETTE: dict[str, str] = {
    "ink": "#101B2D",
    "gold": "#B8975A",
    "ivory": "#F7F3EA",
    "stone": "#D9D2C3",
    "slate": "#5B6676",
    "positive": "#2E7D5B",
    "negative": "#A63D40",
}

# Series order: the two brand colours first, then muted companions that stay
# distinguishable in greyscale print-outs of the decks.
CHART_COLOURS: tuple[str, ...] = (
    "#1F2F4A", "#B8975A", "#7A8CA5", "#5E7F6E", "#9C6B5A", "#C9B48A", "#A7A39A",
)

# One visual language across a season's charts: a scenario or a category value keeps its colour
# in every chart, whatever the series order (a palette colour's name or a hex code).
# Scenarios follow IBCS notation: this year (the actual) solid dark, last year grey, target outlined.
SCENARIO_COLOURS: dict[str, str] = {"ty": "ink", "ly": "#A7A39A", "target": "ink"}

# (comment, {category value as written in the data: colour}): the season's collections, then the retailer
# tiers, in colours of their own so that no collection reads as a tier.
CATEGORY_COLOURS: tuple[tuple[str, dict[str, str]], ...] = (
    ("collections", {"Solenne": "gold", "Lumeris": "#7A8CA5", "Veyrac": "#5E7F6E", "Ombrelune": "#1F2F4A",
                     "Nordane": "#9C6B5A"}),
    ("retailer tiers", {"flagship": "slate", "focus": "#C9B48A", "standard": "stone"}),
)

HEADING_FONT = ("Cambria", ("Caladea", "DejaVu Serif"))
BODY_FONT = ("Calibri", ("Carlito", "Liberation Sans", "DejaVu Sans"))

# The drawings use fonts that are installed everywhere kitgen runs, so the
# committed PNGs do not change when Caladea is (or is not) present.
ART_SERIF = ["Liberation Serif", "DejaVu Serif"]
ART_SANS = ["Carlito", "Liberation Sans", "DejaVu Sans"]

TIERS = ("flagship", "focus", "standard")

# The drawings are in English; the retailer kits are also read in Quebec French and Mexican Spanish,
# and point-of-sale material in English only is not allowed in Quebec: each visual with words is
# drawn again in these languages (generator/tools/brand/wording.py holds the translations).
VARIANTS = ("fr", "es")


@dataclass(frozen=True)
class Asset:
    """One campaign / trade-marketing visual a retailer kit may include."""

    id: str
    kind: str  # window | pos | digital | event | print
    title: str
    tiers: tuple[str, ...]
    size: tuple[int, int]  # pixels (width, height)
    caption: str
    text: bool = True  # drawn with words: a variant per language of VARIANTS (only the wordmark: False)

    @property
    def file(self) -> str:
        """Return the path of the PNG relative to brand_assets/."""
        return f"campaign/{self.id}.png"

    def variant(self, language: str) -> str:
        """Return the path of the ``language`` variant relative to brand_assets/ (what kitgen looks for)."""
        return f"campaign/{self.id}.{language}.png"


WIDE = (1600, 900)
CLASSIC = (1600, 1200)
PORTRAIT = (1200, 1600)
ALL = TIERS
FOCUS = ("flagship", "focus")
FLAGSHIP = ("flagship",)

ASSETS: tuple[Asset, ...] = (
    Asset("season_key_visual", "digital", "Season key visual", ALL, WIDE,
          "The hour of light"),
    Asset("solenne_window", "window", "Solenne window display", FOCUS, WIDE,
          "Solenne — a window on the hour"),
    Asset("veyrac_counter_card", "pos", "Veyrac counter card", ALL, PORTRAIT,
          "Veyrac — precision, quietly"),
    Asset("lumeris_social_tile", "digital", "Lumeris social tile", ALL, CLASSIC,
          "Lumeris — light in every second"),
    Asset("ombrelune_print_ad", "print", "Ombrelune print advertisement", FOCUS, PORTRAIT,
          "Ombrelune — the night, measured"),
    Asset("dial_study_poster", "pos", "Dial study poster", FOCUS, CLASSIC,
          "Twelve indices, one gesture"),
    Asset("nordane_event_invitation", "event", "Nordane evening invitation", FLAGSHIP, CLASSIC,
          "An evening with Nordane"),
    Asset("vitrine_lightbox", "window", "Vitrine lightbox backdrop", FLAGSHIP, WIDE,
          "Maison Orvelle — Geneva", text=False),  # draws only the wordmark and GENÈVE, as the logo does
)
