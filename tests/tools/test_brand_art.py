"""Tests of the brand kit generator (generator/tools/brand_art.py)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import matplotlib
import pytest
import yaml
from matplotlib import rc_context, style
from PIL import Image

from generator.tools.brand_art import build_brand

REPO_BRAND = Path(__file__).resolve().parents[2] / "brand_assets"
HEX = re.compile(r"^#[0-9A-F]{6}$")


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("brand")
    build_brand(out)
    return out


@pytest.fixture(scope="module")
def brand(kit: Path) -> dict:
    return yaml.safe_load((kit / "brand.yaml").read_text(encoding="utf-8"))


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuild_is_byte_identical(kit: Path, tmp_path: Path) -> None:
    build_brand(tmp_path)
    assert _digests(tmp_path) == _digests(kit)


def test_committed_text_files_are_current(kit: Path) -> None:
    for name in ("brand.yaml", "orvelle.mplstyle", "README.md"):
        assert (REPO_BRAND / name).read_text(encoding="utf-8") == (kit / name).read_text(encoding="utf-8"), name


def test_brand_yaml_has_the_documented_keys(brand: dict) -> None:
    assert brand["name"] == "Maison Orvelle"
    assert {"ink", "gold", "ivory", "stone", "slate", "positive", "negative"} <= brand["palette"].keys()
    colours = [v for k, v in brand["palette"].items() if k != "chart"] + brand["palette"]["chart"]
    assert all(HEX.match(c) for c in colours)
    assert 6 <= len(brand["palette"]["chart"]) <= 7
    assert brand["fonts"]["heading"] == {"name": "Cambria", "fallbacks": ["Caladea", "DejaVu Serif"]}
    assert brand["fonts"]["body"]["name"] == "Calibri"
    assert "Carlito" in brand["fonts"]["body"]["fallbacks"]


def test_every_referenced_file_exists(kit: Path, brand: dict) -> None:
    for key in ("logo", "logo_light", "mplstyle"):
        assert (kit / brand[key]).is_file(), key
    for asset in brand["assets"]:
        assert (kit / asset["file"]).is_file(), asset["id"]


def test_assets_and_tiers(brand: dict) -> None:
    assets = brand["assets"]
    assert len({a["id"] for a in assets}) == len(assets) >= 6
    assert all(a["kind"] in {"window", "pos", "digital", "event", "print"} for a in assets)
    in_tier = {tier: sum(tier in a["tiers"] for a in assets) for tier in ("flagship", "focus", "standard")}
    assert in_tier["flagship"] == len(assets)
    assert len(assets) > in_tier["focus"] > in_tier["standard"] >= 2


def test_pictures_are_small_and_untimestamped(kit: Path, brand: dict) -> None:
    for asset in brand["assets"]:
        path = kit / asset["file"]
        assert path.stat().st_size < 300_000, path.name
        with Image.open(path) as image:
            assert max(image.size) == 1600
            assert not {"Software", "Creation Time", "date:create"} & set(image.info)


def test_logos_are_transparent(kit: Path, brand: dict) -> None:
    for key in ("logo", "logo_light"):
        with Image.open(kit / brand[key]) as image:
            assert image.size[0] == 1200
            assert image.convert("RGBA").getpixel((image.size[0] - 2, 2))[3] == 0


def test_mplstyle_loads(kit: Path, brand: dict) -> None:
    with rc_context():
        style.use(str(kit / brand["mplstyle"]))
        cycle = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
        assert [c.upper() for c in cycle] == brand["palette"]["chart"]
        assert matplotlib.rcParams["font.sans-serif"][0] == "Carlito"
        assert not matplotlib.rcParams["axes.spines.top"]
        assert matplotlib.rcParams["axes.grid.axis"] == "y"
