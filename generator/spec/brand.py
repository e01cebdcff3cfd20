"""The brand kit (brand_assets/brand.yaml): palette, fonts, logo, chart style, campaign assets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field

from generator.errors import SpecError
from generator.spec.base import Strict
from generator.spec.loader import load_yaml
from generator.spec.paths import escape_problem, project_root
from generator.spec.validate import validate_document

Tier = str


class Palette(Strict):
    ink: str
    gold: str
    ivory: str
    stone: str
    slate: str
    positive: str
    negative: str
    chart: list[str] = Field(min_length=1)


HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
PALETTE_NAMES: tuple[str, ...] = tuple(n for n in Palette.model_fields if n != "chart")


def _colour(value: str) -> str:
    """Return ``value`` when it is a palette colour's name or a ``#RRGGBB`` hex code, else raise ValueError."""
    if value in PALETTE_NAMES or HEX_COLOUR.match(value):
        return value
    raise ValueError(f"'{value}' is not a colour: write a palette colour ({', '.join(PALETTE_NAMES)}) "
                     "or a hex code like #1F2F4A")


# validated where it is written, so a bad colour is reported at its own key and line
Colour = Annotated[str, AfterValidator(_colour)]


class Scenarios(Strict):
    """The colours of the scenarios a series names with ``kind:`` (IBCS notation: actual dark, last year grey)."""

    ty: Colour  # this year, the actual: solid, dark
    ly: Colour  # last year: grey
    target: Colour  # drawn outlined (bars) or dotted (lines) in this colour


class ChartColours(Strict):
    """Fixed chart colours: per scenario, and per category value (a collection, a tier ...) wherever it shows."""

    scenarios: Scenarios
    categories: dict[str, Colour] = Field(default_factory=dict)


class FontChoice(Strict):
    name: str
    fallbacks: list[str] = Field(default_factory=list)


class Fonts(Strict):
    heading: FontChoice
    body: FontChoice


class Asset(Strict):
    id: str
    file: str
    kind: str
    title: str
    tiers: list[Tier] = Field(min_length=1)
    # the picture carries words: each deck language needs its variant (visual.fr.png), see spec.visuals
    text: bool = False


class Brand(Strict):
    name: str
    tagline: str = ""
    palette: Palette
    fonts: Fonts
    logo: str
    logo_light: str | None = None
    mplstyle: str
    assets: list[Asset] = Field(default_factory=list)
    colors: ChartColours | None = None

    def hex_colour(self, colour: str) -> str:
        """Return a colour of ``colors`` as a hex code: a palette name becomes its palette's code."""
        return getattr(self.palette, colour) if colour in PALETTE_NAMES else colour.upper()

    def category_colours(self) -> dict[str, str]:
        """Return each category value's fixed chart colour as a hex code (none without ``colors``)."""
        return {k: self.hex_colour(v) for k, v in self.colors.categories.items()} if self.colors else {}

    def scenario_colours(self) -> dict[str, str]:
        """Return the hex code of each scenario kind (ty, ly, target); none without ``colors``."""
        scenarios = self.colors.scenarios if self.colors else None
        return {k: self.hex_colour(getattr(scenarios, k)) for k in Scenarios.model_fields} if scenarios else {}


def load_brand(path: Path) -> tuple[Brand, Path]:
    """Return the brand kit at ``path`` and the folder its file names are relative to."""
    loaded = load_yaml(path)
    brand, findings = validate_document(loaded, Brand)
    if findings:
        raise SpecError(findings)
    named = [(("logo",), brand.logo), (("logo_light",), brand.logo_light), (("mplstyle",), brand.mplstyle),
             *((("assets", i, "file"), a.file) for i, a in enumerate(brand.assets))]
    project = project_root(path.parent)
    escapes = [loaded.finding(key, *problem) for key, name in named
               if name and (problem := escape_problem(name, path.parent, project))]
    if escapes:  # never opened
        raise SpecError(escapes)
    missing = [name for name in (brand.logo, brand.mplstyle, *(a.file for a in brand.assets))
               if not (path.parent / name).is_file()]
    if missing:
        raise SpecError(loaded.finding((), f"brand file not found: {missing[0]}", "run 'make brand'"))
    return brand, path.parent
