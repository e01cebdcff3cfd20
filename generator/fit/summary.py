"""Findings of a whole build summed per layout box: a box too small for its text is one
problem of the master, said once with how often it bit, not once per slide of every deck."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.fit.apply import FitFinding


def by_layout(findings: Iterable[FitFinding]) -> list[str]:
    """Return one line per (layout, box, kind of problem) of ``findings``, the worst case as example."""
    groups: dict[tuple[str, str, str], list[FitFinding]] = defaultdict(list)
    for finding in findings:
        groups[(finding.layout, _box(finding), _kind(finding))].append(finding)
    return [_line(layout, box, found) for (layout, box, _), found in groups.items()]


def _box(finding: FitFinding) -> str:
    """Return the box a finding is about: tiles and table cells of one slot count together."""
    name = finding.shape
    return "tile" if name.startswith("tile ") else name


def _kind(finding: FitFinding) -> str:
    if not finding.problem:
        return "overflow"
    return "word" if finding.problem.startswith("the word") else finding.problem


def _line(layout: str, box: str, found: list[FitFinding]) -> str:
    worst = max(found, key=lambda f: (f.overflow_pt, -f.scale))
    if len(found) == 1:
        return str(worst)
    decks = len({f.deck for f in found})
    where = f"layout '{layout}', " if layout else ""
    return (f"{where}'{box}' ({len(found)} times in {decks} deck(s)): {worst.said}, "
            f"e.g. {worst.deck}: slide {worst.slide} ({worst.language})")
