"""The brand kit (brand_assets/brand.yaml): palette, fonts, logo, chart style, campaign assets."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from generator.errors import SpecError
from generator.spec.base import Strict
from generator.spec.loader import load_yaml
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


class Brand(Strict):
    name: str
    tagline: str = ""
    palette: Palette
    fonts: Fonts
    logo: str
    logo_light: str | None = None
    mplstyle: str
    assets: list[Asset] = Field(default_factory=list)


def load_brand(path: Path) -> tuple[Brand, Path]:
    """Return the brand kit at ``path`` and the folder its file names are relative to."""
    loaded = load_yaml(path)
    brand, findings = validate_document(loaded, Brand)
    if findings:
        raise SpecError(findings)
    missing = [name for name in (brand.logo, brand.mplstyle, *(a.file for a in brand.assets))
               if not (path.parent / name).is_file()]
    if missing:
        raise SpecError(loaded.finding((), f"brand file not found: {missing[0]}", "run 'make brand'"))
    return brand, path.parent
