"""Explain a YAML syntax error caused by one key indented out of line with its mapping.

PyYAML reports an out-dented key late and vaguely: ``x_format`` moved left under
``chart`` makes the *next* line fail with "mapping values are not allowed here".
Here the lines before the problem are parsed again to learn which mappings are
open and at which column their keys sit, so the message can name the key out of
line, the mapping it belongs under and a sibling to line it up with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import yaml

KeyPath = tuple[str | int, ...]
MarksOf = Callable[[str], dict[KeyPath, tuple[int, int]]]  # YAML text -> (line, column) of each key path

#: ``  - key: value`` -> indent, list dashes, key (plain keys only: quoted ones are rare in specs)
_KEY_LINE = re.compile(r"^( *)((?:- +)*)([A-Za-z_][\w-]*) *:(?: +([^#\s].*)?|$)")


@dataclass(frozen=True)
class KeyLine:
    """A ``key:`` line: its 1-based number, the key, the key's 1-based column, whether a list dash leads it."""

    number: int
    key: str
    column: int
    dashed: bool
    valued: bool = False  # a value follows the colon on the same line


@dataclass(frozen=True)
class OutOfLine:
    """Where an out-of-line key is, and what to say about it."""

    line: int
    column: int
    message: str
    hint: str


@dataclass(frozen=True)
class _Source:
    """The lines of the failing document, and the loader's helpers to parse and name key paths."""

    rows: list[str]
    marks_of: MarksOf
    key_name: Callable[[KeyPath], str]


def key_line(rows: list[str], number: int) -> KeyLine | None:
    """Return the ``key:`` line at 1-based ``number``, or None when it is no such line."""
    if not 0 < number <= len(rows):
        return None
    match = _KEY_LINE.match(rows[number - 1])
    if match is None:
        return None
    indent, dashes, key, value = match.groups()
    return KeyLine(number, key, len(indent) + len(dashes) + 1, bool(dashes), bool(value))


def out_of_line(text: str, line: int, problem: str, marks_of: MarksOf, key_name: Callable[[KeyPath], str]
                ) -> OutOfLine | None:
    """Return the key out of line that makes the YAML error at ``line``, or None when it is another mistake.

    ``marks_of`` and ``key_name`` are the loader's (passed in: the loader imports this module).
    """
    src = _Source(text.splitlines(), marks_of, key_name)
    failing = key_line(src.rows, line)
    if failing is None:
        return None
    if "mapping values are not allowed" in problem:
        above = _previous_key(src, line)
        if above is None or not above.valued or above.column >= failing.column:
            return None  # not a key under a key holding a value: a ':' inside a value, say
        # the key above holds a value, so the failing key cannot sit under it: one of the two is out of line;
        # the one the next key lines up with is in place
        if _next_key_column(src, failing) == above.column:
            return _explain(src, failing, above.column)
        return _explain(src, above, failing.column) or _explain(src, failing, above.column)
    return _explain(src, failing, failing.column)


def _next_key_column(src: _Source, after: KeyLine) -> int | None:
    """Return the column of the first plain key after ``after`` that is not nested deeper than it."""
    for number in range(after.number + 1, len(src.rows) + 1):
        found = key_line(src.rows, number)
        if found is not None and not found.dashed and found.column <= after.column:
            return found.column
    return None


def _previous_key(src: _Source, line: int) -> KeyLine | None:
    for number in range(line - 1, 0, -1):
        stripped = src.rows[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return key_line(src.rows, number)
    return None


def _explain(src: _Source, wrong: KeyLine, wanted: int) -> OutOfLine | None:
    """Return the message for ``wrong`` when an open mapping's keys sit nearest ``wanted`` but not at its column."""
    if wrong.dashed:
        return None
    levels = _open_levels(src, wrong.number)
    if not levels:
        return None
    # the mapping whose keys sit nearest the wanted column; on a tie the deeper one (the key most likely continues it)
    parent, column, sibling = min(levels, key=lambda level: (abs(level[1] - wanted), -level[1]))
    if column == wrong.column:
        return None
    where = f"'{src.key_name(parent)}'" if parent else "the top level"
    spaces = f"indent it {column - 1} spaces" if column > 1 else "start it at the beginning of the line"
    return OutOfLine(wrong.number, wrong.column, f"'{wrong.key}' is out of line with the other keys of {where}",
                     f"{spaces}, like '{sibling.key}' on line {sibling.number}")


def _open_levels(src: _Source, line: int) -> list[tuple[KeyPath, int, KeyLine]]:
    """Return (mapping path, key column, its last key line) of every mapping still open before ``line``."""
    try:
        marks = src.marks_of("\n".join(src.rows[: line - 1]))
    except yaml.YAMLError:
        return []
    keys = [(path, mark) for path, mark in marks.items() if path and isinstance(path[-1], str)]
    if not keys:
        return []
    last_path, _ = max(keys, key=lambda item: item[1])
    levels = []
    for depth in range(len(last_path)):
        if isinstance(last_path[depth], str):
            parent = last_path[:depth]
            siblings = [(mark, path) for path, mark in keys if path[:-1] == parent]
            (number, column), path = max(siblings)
            levels.append((parent, column, KeyLine(number, str(path[-1]), column, False)))
    return levels
