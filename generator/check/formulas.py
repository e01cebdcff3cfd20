"""The cell references of an Excel formula, read without evaluating it.

``references(formula)`` yields every reference a formula makes: its sheet (None: the
formula's own), its cell range, and whether it points into another workbook. String
literals, numbers, function names and table columns (``Table[Column]``) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384
_CELL = r"\$?[A-Za-z]{1,3}\$?\d+"
_COLUMNS = r"\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}"
_ROWS = r"\$?\d+:\$?\d+"
_SHEET = r"(?:'(?P<quoted>(?:[^']|'')+)'|(?P<book>\[\d+\])?(?P<plain>[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*))!"
_TOKENS = re.compile(
    r'(?P<string>"(?:[^"]|"")*")'
    r"|(?P<error>#REF!)"
    rf"|(?:{_SHEET})?(?P<area>{_CELL}(?::{_CELL})?|{_COLUMNS}|{_ROWS})(?![\w(!])"
    r"|(?P<number>\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?)"
    r"|(?P<book_alone>\[\d+\])"
    r"|(?P<name>[A-Za-z_\\][\w.]*)(?P<table>\[(?:[^\[\]]|\[[^\[\]]*\])*\])?"
    r"|.", re.DOTALL)
_PARTS = re.compile(r"\$?([A-Za-z]{1,3})?\$?(\d+)?")


@dataclass(frozen=True)
class Reference:
    """One reference of a formula: ``sheet`` (None: the formula's own sheet) and the rows and columns it spans.

    ``rows`` or ``columns`` is None for a whole-column (``A:A``) or whole-row (``1:1``) reference.
    """

    text: str
    sheet: str | None
    rows: tuple[int, int] | None
    columns: tuple[int, int] | None
    external: bool = False
    broken: bool = False  # ``#REF!``: a reference Excel already lost


def references(formula: str) -> Iterator[Reference]:
    """Yield every reference of ``formula`` (with or without its leading ``=``)."""
    for match in _TOKENS.finditer(formula.lstrip("=")):
        if match.group("error"):
            yield Reference(match.group(0), None, None, None, broken=True)
        elif match.group("book_alone"):
            yield Reference(match.group(0), None, None, None, external=True)
        elif match.group("area"):
            yield _reference(match)


def _reference(match: re.Match) -> Reference:
    quoted, plain = match.group("quoted"), match.group("plain")
    sheet = quoted.replace("''", "'") if quoted is not None else plain
    external = bool(match.group("book")) or (sheet or "").startswith("[")
    corners = [_PARTS.fullmatch(corner).groups() for corner in match.group("area").split(":")]
    if len(corners) == 1:
        corners *= 2
    columns = _span([_column_number(letters) for letters, _ in corners])
    rows = _span([int(digits) if digits else None for _, digits in corners])
    return Reference(match.group(0), sheet, rows, columns, external)


def _span(ends: list[int | None]) -> tuple[int, int] | None:
    return None if None in ends else (min(ends), max(ends))


def _column_number(letters: str | None) -> int | None:
    if not letters:
        return None
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def cell_name(row: int, column: int) -> str:
    """Return the A1 name of a cell (1-based row and column)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def parse_cell(name: str) -> tuple[int, int] | None:
    """Return the (row, column) of an A1 cell name, None when it is not one."""
    match = _PARTS.fullmatch(name)
    if match is None or not all(match.groups()):
        return None
    return int(match.group(2)), _column_number(match.group(1))
