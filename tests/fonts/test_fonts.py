"""The fonts kitgen ships: fitting and charts use them whatever the machine has, so a build on a
machine without any system font gives the same bytes as one on a machine with them all."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import matplotlib
from pathlib import Path

import pytest

from conftest import SAMPLE_SEASON
from generator.fit.fonts import font_file
from generator.fonts import FONT_DIR, SHIPPED, fallback_font, register_with_matplotlib, shipped_font

MAX_FILE_BYTES = 2 * 1024 * 1024
EMPTY_FONTCONFIG = '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig></fontconfig>\n'
# Run the CLI with matplotlib seeing only its own fonts, and fontconfig none (FONTCONFIG_FILE below).
HIDDEN_FONTS = """
import sys
import matplotlib
from matplotlib import font_manager
own = matplotlib.get_data_path()
font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist if f.fname.startswith(own)]
from generator.cli import main
main()
"""
BUILD = ["build", str(SAMPLE_SEASON), "--region", "CA", "--only", "market-meeting", "--jobs", "1",
         "--no-kits", "--no-report", "--force"]


@pytest.mark.parametrize("name, bold, expected", [
    ("Calibri", False, "Carlito-Regular.ttf"), ("calibri", True, "Carlito-Bold.ttf"),
    ("Cambria", True, "Caladea-Bold.ttf"), ("Arial", False, "LiberationSans-Regular.ttf"),
    ("Helvetica", True, "LiberationSans-Bold.ttf"),
])
def test_office_fonts_are_measured_with_the_shipped_clones(name, bold, expected):
    assert shipped_font(name, bold) == FONT_DIR / expected
    assert font_file(name, bold) == str(FONT_DIR / expected)


def test_verdana_is_measured_with_matplotlibs_own_dejavu():
    assert font_file("Verdana") == str(fallback_font()) and fallback_font().is_file()


def test_a_font_kitgen_does_not_ship_goes_to_fontconfig():
    assert shipped_font("Gill Sans") is None
    assert Path(font_file("Gill Sans")).is_file()


def test_every_shipped_file_is_there_small_and_beside_its_licence():
    for family, files in SHIPPED.items():
        for name in files:
            assert (FONT_DIR / name).stat().st_size < MAX_FILE_BYTES
        licence = FONT_DIR / f"{files[0].split('-')[0]}-OFL.txt"
        assert "SIL Open Font License" in licence.read_text(), family


def test_matplotlib_draws_the_shipped_files_not_the_systems():
    from matplotlib import font_manager

    register_with_matplotlib()
    register_with_matplotlib()  # once is enough: a second call changes nothing
    carlito = [f.fname for f in font_manager.fontManager.ttflist if f.name == "Carlito"]
    assert sorted(Path(f).name for f in carlito) == ["Carlito-Bold.ttf", "Carlito-Regular.ttf"]
    assert all(Path(f).parent == FONT_DIR for f in carlito)
    found = font_manager.findfont(font_manager.FontProperties(family="Carlito", weight="bold"))
    assert found == str(FONT_DIR / "Carlito-Bold.ttf")


def test_the_sample_season_builds_without_font_warnings(tmp_path, caplog):
    from generator.build.pipeline import BuildOptions, build_season

    with caplog.at_level(logging.WARNING):
        build_season(SAMPLE_SEASON, BuildOptions(out_dir=tmp_path, regions=("MX",), only=("market-meeting",),
                                                 ))
    assert not [r for r in caplog.records if "font" in r.getMessage().lower()]


def _decks(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.rglob("*.pptx"))}


def test_same_bytes_with_the_systems_fonts_hidden_and_present(tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG)
    hidden_env = {**os.environ, "FONTCONFIG_FILE": str(config), "MPLCONFIGDIR": str(tmp_path / "mpl")}
    probe = subprocess.run(["fc-match", "-f", "%{file}", "Calibri"], env=hidden_env, capture_output=True, text=True)
    assert probe.stdout == ""  # fontconfig really sees no font at all
    present, hidden = tmp_path / "present", tmp_path / "hidden"
    subprocess.run([sys.executable, "-m", "generator", *BUILD, "--out", str(present)], check=True, capture_output=True)
    run = subprocess.run([sys.executable, "-c", HIDDEN_FONTS, *BUILD, "--out", str(hidden)], env=hidden_env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "font" not in run.stderr.lower()
    assert len(_decks(present)) == 2 and _decks(hidden) == _decks(present)
