"""Compare two builds (or two decks): added or removed decks and slides, changed texts,
numbers and chart data, so a reviewer sees what a spec edit did.

Slides are aligned by title, then by position among slides of the same title run.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from generator.delivery.outline import SlideOutline, deck_outline
from generator.errors import KitgenError

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_CHART_ITEM = re.compile(r",\s+(?=\D)")  # not inside "Jul 1, 2026"
MAX_CHART_ITEMS = 4


@dataclass(frozen=True)
class Change:
    """One difference: its kind, where it is (deck, slide) and what changed."""

    kind: str  # deck added/removed, slide added/removed, layout, text, number, chart
    where: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.kind}" + (f": {self.detail}" if self.detail else "")


def diff_paths(old: Path, new: Path) -> list[Change]:
    """Return the changes from ``old`` to ``new``: two build folders or two .pptx files."""
    if old.is_dir() != new.is_dir():
        raise KitgenError(f"compare two build folders or two decks, not {old} with {new}")
    if old.is_file():
        return diff_decks(old, new, new.name)
    return diff_builds(old, new)


def diff_builds(old: Path, new: Path) -> list[Change]:
    """Return the changes between the decks of two build folders."""
    before, after = build_decks(old), build_decks(new)
    changes = [Change("deck removed", name) for name in sorted(set(before) - set(after))]
    changes += [Change("deck added", name) for name in sorted(set(after) - set(before))]
    for name in sorted(set(before) & set(after)):
        changes += diff_decks(old / name, new / name, name)
    return changes


def build_decks(folder: Path) -> list[str]:
    """Return the decks of a build folder (from its manifest, else every .pptx), relative paths."""
    manifest = folder / "manifest.json"
    if manifest.is_file():
        try:
            return [d["file"] for d in json.loads(manifest.read_text(encoding="utf-8"))["decks"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise KitgenError(f"{manifest}: not a kitgen manifest ({exc})") from exc
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.pptx") if not p.name.startswith("."))


def diff_decks(old: Path, new: Path, name: str) -> list[Change]:
    """Return the slide-level changes between two decks; ``name`` labels them."""
    return diff_outlines(deck_outline(old), deck_outline(new), name)


def diff_outlines(before: list[SlideOutline], after: list[SlideOutline], name: str) -> list[Change]:
    """Return the changes between two deck outlines (slides aligned by title, then position)."""
    changes: list[Change] = []
    matcher = SequenceMatcher(None, [s.title for s in before], [s.title for s in after], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs = list(zip(before[i1:i2], after[j1:j2]))  # equal runs, or same-position slides of a replaced run
        changes += [c for old, new in pairs for c in diff_slides(old, new, name)]
        changes += [Change("slide removed", _where(name, s)) for s in before[i1 + len(pairs):i2]]
        changes += [Change("slide added", _where(name, s)) for s in after[j1 + len(pairs):j2]]
    return changes


def _where(name: str, slide: SlideOutline) -> str:
    return f"{name} slide {slide.number}" + (f" {slide.title!r}" if slide.title else "")


def diff_slides(old: SlideOutline, new: SlideOutline, name: str) -> list[Change]:
    """Return the changes between two aligned slides."""
    where = _where(name, new)
    changes = [Change("layout", where, f"{old.layout} -> {new.layout}")] if old.layout != new.layout else []
    changes += _text_changes(old.texts, new.texts, where)
    for before, after in zip(old.charts, new.charts):
        if before != after:
            changes.append(Change("chart", where, _chart_detail(before, after)))
    if len(old.charts) != len(new.charts):
        changes.append(Change("chart", where, f"{len(old.charts)} chart(s) -> {len(new.charts)}"))
    return changes


def _text_changes(old: tuple[str, ...], new: tuple[str, ...], where: str) -> list[Change]:
    changes = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = list(zip(old[i1:i2], new[j1:j2]))
        changes += [Change("number" if _masked(a) == _masked(b) else "text", where, f"{a!r} -> {b!r}")
                    for a, b in pairs]
        changes += [Change("text", where, f"removed {a!r}") for a in old[i1 + len(pairs):i2]]
        changes += [Change("text", where, f"added {b!r}") for b in new[j1 + len(pairs):j2]]
    return changes


def _masked(text: str) -> str:
    return _NUMBER.sub("#", text)


def _chart_detail(old: str, new: str) -> str:
    before, after = chart_items(old), chart_items(new)
    changed = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag != "equal":
            changed += [f"{a} -> {b}" for a, b in zip(before[i1:i2], after[j1:j2])]
            changed += [f"removed {a}" for a in before[i1 + (j2 - j1):i2]]
            changed += [f"added {b}" for b in after[j1 + (i2 - i1):j2]]
    shown = "; ".join(changed[:MAX_CHART_ITEMS])
    return shown + (f"; and {len(changed) - MAX_CHART_ITEMS} more" if len(changed) > MAX_CHART_ITEMS else "")


def chart_items(summary: str) -> list[str]:
    """Return the data points of a chart summary ('Bar chart: FW26: Jul $1.2M, Aug $0.9M; ...'),
    each prefixed with its series, e.g. 'FW26: Jul $1.2M'."""
    body = summary.split(": ", 1)[1] if ": " in summary else summary
    items = []
    for part in body.rstrip(".").split("; "):
        series, _, values = part.rpartition(": ")
        items += [f"{series}: {item}" if series else item for item in _CHART_ITEM.split(values)]
    return items
