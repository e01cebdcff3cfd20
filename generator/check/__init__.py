"""Checks that a generated deck opens in PowerPoint, and a workbook in Excel, without a repair prompt.

``check_deck`` runs, in order: package structure (names, XML syntax, content types,
relationships, reachability), PresentationML consistency (slide list, shape ids,
master/layout ids, notes back-links), optional ECMA-376 schema validation, a
python-pptx reopen, and an optional LibreOffice round trip. ``check_workbook`` runs the
same package checks on a .xlsx, then its formulas (every reference to an existing sheet
and cells, no circular reference), external links and, on request, its saved values
against a LibreOffice recalculation; ``ensure_clean_workbook`` raises on any problem.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.check import presentation, structure
from generator.check.package import DeckPackage
from generator.check.problem import PACKAGE, Problem
from generator.check.recalc import end_process_group, recalculation_problems
from generator.check.render import pdf_page_count, render_problems, render_workbook_problems
from generator.check.reopen import reopen_problems
from generator.check.schema import schema_problems
from generator.check.workbook import check_workbook_package, not_a_workbook
from generator.errors import CheckError, PackageError

__all__ = ["Problem", "check_deck", "check_workbook", "end_process_group", "ensure_clean", "ensure_clean_workbook",
           "pdf_page_count"]

Check = Callable[[DeckPackage], Iterator[Problem]]

# Order matters only for reading: package faults first, then what they cause.
#: the package checks every Office file shares (decks and workbooks)
PACKAGE_CHECKS: tuple[Check, ...] = (
    structure.member_names,
    structure.well_formed,
    structure.content_types,
    structure.relationships,
    structure.declared_ids,
    structure.reachability,
)
STRUCTURE_CHECKS: tuple[Check, ...] = PACKAGE_CHECKS + (
    presentation.slide_list,
    presentation.shape_ids,
    presentation.master_layout_ids,
    presentation.notes_backlinks,
)
_UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError)


def check_deck(deck: Path | bytes, *, schema: bool = True, reopen: bool = True, render: bool = False) -> list[Problem]:
    """Return every problem found in a deck (empty when PowerPoint should open it cleanly).

    ``reopen=False`` skips loading the deck again with python-pptx: the build checks
    every deck it writes, and the structure checks already parse every part.
    """
    label, data = _read(deck)
    try:
        pkg = DeckPackage(label, data)
    except PackageError as exc:
        return [Problem(label, exc.where or PACKAGE, exc.problem)]
    except _UNREADABLE as exc:
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


def check_workbook(workbook: Path | bytes, *, label: str | None = None, render: bool = False,
                   recalculate: bool = False) -> list[Problem]:
    """Return every problem found in a workbook (empty when Excel should open it cleanly, figures intact).

    ``render=True`` also converts it with LibreOffice headless. ``recalculate=True`` also
    compares its saved values with a LibreOffice recalculation (skipped without LibreOffice),
    only when nothing else was found: a broken reference or a cycle recalculates to an
    error already named, and the seconds a conversion takes stay out of the build's check.
    """
    shown, data = _read(workbook, "workbook")
    try:
        pkg = DeckPackage(label or shown, data)
    except PackageError as exc:
        return [Problem(label or shown, exc.where or PACKAGE, exc.problem)]
    except _UNREADABLE as exc:
        return [not_a_workbook(label or shown, exc)]
    problems = [problem for check in PACKAGE_CHECKS for problem in check(pkg)] + list(check_workbook_package(pkg))
    if recalculate and not problems:
        problems += recalculation_problems(pkg, data)
    if render:
        problems += render_workbook_problems(pkg, data)
    return problems


def ensure_clean_workbook(workbook: Path | bytes, *, label: str | None = None) -> None:
    """Raise CheckError listing every problem of a workbook, if it has any."""
    problems = check_workbook(workbook, label=label)
    if problems:
        lines = "\n".join(str(problem) for problem in problems)
        raise CheckError(f"{len(problems)} problem(s) in a workbook kitgen wrote:\n{lines}")


def _read(deck: Path | bytes, kind: str = "deck") -> tuple[str, bytes]:
    if isinstance(deck, (bytes, bytearray)):
        return f"<{kind}>", bytes(deck)
    try:
        return str(deck), Path(deck).read_bytes()
    except OSError as exc:
        raise CheckError(f"{deck}: cannot read the {kind} ({exc.strerror})") from exc
