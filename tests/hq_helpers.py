"""Helpers of the HQ deck tests: the wild decks, a sample project copy, pseudo-translation."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from conftest import ROOT, SAMPLE_SEASON

# ../shared/decks-in-the-wild beside the project (a worktree may sit a folder deeper), or KITGEN_WILD_DECKS
WILD = Path(os.environ.get("KITGEN_WILD_DECKS") or next(
    (p / "shared" / "decks-in-the-wild" for p in ROOT.parents if (p / "shared" / "decks-in-the-wild").is_dir()),
    ROOT.parent / "shared" / "decks-in-the-wild"))
WILD_DECKS = sorted(WILD.glob("*.pptx")) if WILD.is_dir() else []
SAMPLE_HQ = sorted((SAMPLE_SEASON / "hq").glob("*.pptx"))
_ACCENTS = str.maketrans("aeiouyncAEIOUYNC", "àéîöûÿñçÀÉÎÖÛŸÑÇ")
_CODE = re.compile(r"(<g\d+>|</g\d+>|<x\d+/>|\{\{.*?\}\}|\{%.*?%\}|&lt;|&amp;)")


def pseudo(text: str) -> str:
    """Return ``text`` pseudo-translated: accented, 30 % longer, markers, data tags and escapes untouched."""
    pieces = _CODE.split(text)
    words = "".join(p for i, p in enumerate(pieces) if i % 2 == 0)
    padding = "·" * max(1, round(len(words) * 0.3))
    out = [p if i % 2 else p.translate(_ACCENTS) for i, p in enumerate(pieces)]
    return "".join(out) + padding


def sample_project(tmp_path: Path) -> Path:
    """Return a copy of the sample project (season, templates, brand) whose relative paths still work."""
    season = tmp_path / "decks" / "fw26"
    shutil.copytree(SAMPLE_SEASON, season)
    for name in ("templates", "brand_assets"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "pyproject.toml").write_text("")
    return season
