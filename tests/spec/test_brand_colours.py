"""The brand's fixed chart colours (brand.yaml ``colors:``): resolved to hex codes, a bad colour located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.spec import load_brand

BRAND = Path(__file__).parents[2] / "brand_assets" / "brand.yaml"
COLOURS_HINT = "write a palette colour (ink, gold, ivory, stone, slate, positive, negative) or a hex code like #1F2F4A"


def _written(tmp_path: Path, old: str, new: str) -> Path:
    text = BRAND.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "brand.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _line(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if line.strip().startswith(start))


def test_the_season_brand_fixes_collections_tiers_and_scenarios():
    brand, _ = load_brand(BRAND)
    fixed = brand.category_colours()
    assert {"Solenne", "Lumeris", "Veyrac", "Ombrelune", "Nordane", "flagship", "focus", "standard"} <= fixed.keys()
    assert fixed["Solenne"] == brand.palette.gold.upper()  # a palette name becomes its code
    assert len({fixed[c] for c in ("Solenne", "Lumeris", "Veyrac", "Ombrelune", "Nordane")}) == 5
    scenarios = brand.scenario_colours()
    assert scenarios["ty"] == scenarios["target"] == brand.palette.ink  # actual solid dark, target outlined in it
    assert scenarios["ly"] not in fixed.values()  # last year's grey is nobody's category colour


def test_a_bad_category_colour_is_located_at_its_key(tmp_path):
    path = _written(tmp_path, 'Veyrac: "#5E7F6E"', "Veyrac: sage")
    with pytest.raises(SpecError) as info:
        load_brand(path)
    assert str(info.value) == (f"{path}:{_line(path, 'Veyrac:')}:5: colors.categories.Veyrac: "
                               f"'sage' is not a colour: {COLOURS_HINT}")


def test_a_bad_scenario_colour_and_a_short_hex_code_are_located(tmp_path):
    path = _written(tmp_path, 'scenarios: {ty: ink, ly: "#A7A39A"', 'scenarios: {ty: "#12345", ly: "#A7A39A"')
    with pytest.raises(SpecError) as info:
        load_brand(path)
    line = _line(path, "scenarios:")
    assert str(info.value) == f"{path}:{line}:15: colors.scenarios.ty: '#12345' is not a colour: {COLOURS_HINT}"


def test_a_brand_without_fixed_colours_still_loads(tmp_path):
    text = BRAND.read_text(encoding="utf-8")
    start, end = text.index("# Fixed chart colours"), text.index("# Campaign")
    (tmp_path / "brand.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    for name in ("logo.png", "logo_light.png", "orvelle.mplstyle"):
        shutil.copyfile(BRAND.parent / name, tmp_path / name)  # copies: a link out of the folder is refused
    shutil.copytree(BRAND.parent / "campaign", tmp_path / "campaign")
    brand, _ = load_brand(tmp_path / "brand.yaml")
    assert brand.colors is None and brand.category_colours() == {} and brand.scenario_colours() == {}
