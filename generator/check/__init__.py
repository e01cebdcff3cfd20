"""Checks that a generated deck opens in PowerPoint without a repair prompt.

``check_deck`` runs, in order: package structure (names, XML syntax, content types,
relationships, reachability), PresentationML consistency (slide list, shape ids,
master/layout ids, notes back-links), optional ECMA-376 schema validation, a
python-pptx reopen, and an optional LibreOffice round trip.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.check import presentation, structure
from generator.check.package import DeckPackage
from generator.check.problem import Problem
from generator.check.render import render_problems
from generator.check.reopen import reopen_problems
from generator.check.schema import schema_problems
from generator.errors import CheckError

__all__ = ["Problem", "check_deck", "ensure_clean"]

Check = Callable[[DeckPackage], Iterator[Problem]]

# Order matters only for reading: package faults first, then what they cause.
STRUCTURE_CHECKS: tuple[Check, ...] = (
    structure.member_names,
    structure.well_formed,
    structure.content_types,
    structure.relationships,
    structure.declared_ids,
    structure.reachability,
    presentation.slide_list,
    presentation.shape_ids,
    presentation.master_layout_ids,
    presentation.notes_backlinks,
)


def check_deck(deck: Path | bytes, *, schema: bool = True, reopen: bool = True, render: bool = False) -> list[Problem]:
    """Return every problem found in a deck (empty when PowerPoint should open it cleanly).

    ``reopen=False`` skips loading the deck again with python-pptx: the build checks
    every deck it writes, and the structure checks already parse every part.
    """
    label, data = _read(deck)
    try:
        pkg = DeckPackage(label, data)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        return [structure.zip_problem(label, exc)]
    problems = [problem for check in STRUCTURE_CHECKS for problem in check(pkg)]
    if schema:
        problems += schema_problems(pkg)
    if reopen:
        problems += reopen_problems(label, data)
    if render:
        problems += render_problems(pkg, data)
    return problems


def ensure_clean(deck: Path | bytes, *, schema: bool = True, render: bool = False) -> None:
    """Raise CheckError listing every problem of a deck, if it has any."""
    problems = check_deck(deck, schema=schema, render=render)
    if problems:
        lines = "\n".join(str(problem) for problem in problems)
        raise CheckError(f"{len(problems)} problem(s) would make PowerPoint repair the deck:\n{lines}")


def _read(deck: Path | bytes) -> tuple[str, bytes]:
    if isinstance(deck, (bytes, bytearray)):
        return "<deck>", bytes(deck)
    try:
        return str(deck), Path(deck).read_bytes()
    except OSError as exc:
        raise CheckError(f"{deck}: cannot read the deck ({exc.strerror})") from exc
