"""Helpers of the HQ deck tests: the wild decks, a sample project copy, pseudo-translation."""

from __future__ import annotations

import io
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


def pseudo(text: str, longer: float = 0.3) -> str:
    """Return ``text`` pseudo-translated: accented, 30 % longer, markers, data tags and escapes untouched."""
    pieces = _CODE.split(text)
    words = "".join(p for i, p in enumerate(pieces) if i % 2 == 0)
    wanted = max(1, round(len(words) * longer))
    padding = (" Ŵàţçĥ" * (wanted // 6 + 1))[:wanted - 1] + "·"  # words, so that it wraps like text
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


def carried_deck(master) -> tuple[bytes, list[str]]:
    """Return every slide of every wild and sample HQ deck carried into one deck on ``master``, and their texts."""
    from pptx import Presentation

    from generator.fill.deck import deck_fitter
    from generator.hq import include_slides, read_deck

    target = master.new_presentation()
    fitter = deck_fitter(master, "en-US")
    texts = []
    for path in WILD_DECKS + SAMPLE_HQ:
        source = Presentation(str(path))
        include_slides(source, tuple(range(1, len(source.slides) + 1)), target, master, fitter)
        texts += [u.plain for u in read_deck(source).units]
    out = io.BytesIO()
    target.save(out)
    return out.getvalue(), texts
