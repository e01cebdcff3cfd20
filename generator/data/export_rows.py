"""Rows an export writes around its data: title lines, footers, blank lines and totals.

SAP list exports put a title block above the header and an "Overall Result" line
below the data; BW workbooks add "Result" subtotals and blank lines between
blocks; Power BI ends its tables with "Total". None of these is data: a totals
line read as a retailer doubles every sum. This module takes them out of the
cells before they are typed, and says what it took out and where.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from generator.errors import CellError, Location

# Whole-cell labels of totals lines in English, German, French and Spanish exports.
TOTAL_LABEL = re.compile(
    r"^\s*(grand total|overall result|total|totals|sum|result|gesamtergebnis|ergebnis|gesamt|summe"
    r"|r[ée]sultat|r[ée]sultat global|total g[ée]n[ée]ral|totales?|total general|suma)\s*:?\s*$", re.IGNORECASE)
RELATIVE_TOLERANCE = 0.005  # exports round each row and the total separately
ABSOLUTE_TOLERANCE = 0.01

Rows = list[list[str | None]]
Parse = Callable[[pd.Series], pd.Series]


@dataclass(frozen=True)
class ReadNote:
    """Something the reader left out of the data, with where it was (reported as a warning)."""

    location: Location
    column: str | None
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class Body:
    """Data rows as text with the file line of each, and what was left out on the way."""

    frame: pd.DataFrame
    lines: tuple[int, ...]
    notes: tuple[ReadNote, ...] = ()

    def without(self, dropped: pd.Series, *notes: ReadNote) -> "Body":
        """Return this body less the rows where ``dropped`` is True, with ``notes`` added."""
        keep = ~dropped.to_numpy()
        lines = tuple(line for line, kept in zip(self.lines, keep) if kept)
        return Body(self.frame[keep].reset_index(drop=True), lines, self.notes + notes)


def split_rows(path, rows: Rows, above: int, header_rows: int, footer: int,
               offset: int = 0) -> tuple[Rows, Rows, list[int]]:
    """Return (header rows, body rows, body line numbers): ``above`` title lines, ``footer`` lines at
    the end and blank lines around the footer are left out. ``offset``: lines already cut above ``rows``."""
    first = above + header_rows
    if len(rows) < first:
        raise CellError(Location(path, max(offset + len(rows), 1)), None, f"no header row at line {offset + above + 1}",
                        f"the file has {offset + len(rows)} line(s): check skip_rows / header_row")
    stop = _end_of_data(rows[:max(_end_of_data(rows, first) - footer, first)], first)
    return rows[above:first], rows[first:stop], list(range(offset + first + 1, offset + stop + 1))


def _end_of_data(rows: Rows, first: int) -> int:
    """Return the index after the last row that is not blank (never before ``first``)."""
    end = len(rows)
    while end > first and _blank(rows[end - 1]):
        end -= 1
    return end


def cut_text_lines(text: str, above: int, footer: int) -> tuple[str, int]:
    """Return ``text`` without its first ``above`` lines and last ``footer`` lines (trailing blank lines
    not counted), and how many lines were cut above: a title line has fewer fields than the table."""
    lines = text.splitlines(keepends=True)
    end = len(lines)
    while end > above and not lines[end - 1].strip():
        end -= 1
    return "".join(lines[above:max(end - footer, above)]), min(above, len(lines))


def _blank(row: list) -> bool:
    return all(is_blank(cell) for cell in row)


def is_blank(cell: object) -> bool:
    """Return True for an empty cell (a short CSV row's missing fields read as NaN)."""
    return cell is None or (isinstance(cell, float) and cell != cell) or str(cell).strip() == ""


def without_blank_rows(path, frame: pd.DataFrame, lines: list[int], report: bool) -> Body:
    """Return the rows of ``frame`` that hold a value; blank lines among the data are noted once."""
    body = Body(frame, tuple(lines))
    blank = frame.isna().all(axis=1) if len(frame) else pd.Series([], dtype=bool)
    if not blank.any():
        return body
    at = [line for line, empty in zip(lines, blank) if empty]
    shown = ", ".join(map(str, at[:10])) + (f" and {len(at) - 10} more" if len(at) > 10 else "")
    note = ReadNote(Location(path, at[0]), None, f"blank line(s) {shown} skipped",
                    "declare blank_rows: skip if the export always has them")
    return body.without(blank, *((note,) if report else ()))


def without_declared(path, body: Body, rules, header_line: int) -> Body:
    """Return ``body`` less the rows ``rules`` (the source's ``drop_rows``) match."""
    for rule in rules:
        if rule.column not in body.frame.columns:
            from generator.spec import did_you_mean

            raise CellError(Location(path, header_line), rule.column, "drop_rows names a column the file does not have",
                            did_you_mean(rule.column, [str(c) for c in body.frame.columns]))
        text = body.frame[rule.column].astype("string").fillna("")
        body = body.without(text.str.contains(rule.matches, regex=True))
    return body


def without_totals(path, body: Body, parse: Parse) -> Body:
    """Return ``body`` less its totals lines: a Total/Result label whose numbers are the sums of the
    rows above (or of all data rows). A label whose numbers are not sums is a located error."""
    labels = _label_cells(body.frame)
    if not labels:
        return body
    numbers = _numeric_columns(body.frame, parse, set(labels))
    dropped = pd.Series(False, index=body.frame.index)
    notes, start = [], 0
    for row, column in labels.items():
        _require_sums(path, body, numbers, dropped, row, column, start)
        dropped[row] = True
        notes.append(_totals_note(path, body, row, column))
        start = row + 1
    return body.without(dropped, *notes)


def _label_cells(frame: pd.DataFrame) -> dict[int, str]:
    """Return {row: column} of rows holding a totals label (the first such column of the row)."""
    found: dict[int, str] = {}
    for column in frame.columns:
        text = frame[column].astype("string")
        for row in text.index[text.str.fullmatch(TOTAL_LABEL).fillna(False).astype(bool)]:
            found.setdefault(int(row), column)
    return dict(sorted(found.items()))


def _numeric_columns(frame: pd.DataFrame, parse: Parse, label_rows: set[int]) -> dict[str, pd.Series]:
    """Return {column: numbers} of the columns whose every filled data cell is a number."""
    data = ~frame.index.isin(list(label_rows))
    result = {}
    for column in frame.columns:
        numbers = parse(frame[column])
        filled = frame[column].notna() & data
        if filled.any() and numbers[filled].notna().all():
            result[column] = numbers
    return result


def _require_sums(path, body: Body, numbers: dict[str, pd.Series], dropped: pd.Series, row: int, column: str,
                  start: int) -> None:
    cells = [c for c, values in numbers.items() if pd.notna(values[row])]
    data = ~dropped & (body.frame.index != row)
    above = data & (body.frame.index >= start) & (body.frame.index < row)
    sums = [(values[above].sum(), values[data & (body.frame.index < row)].sum(), values[data].sum())
            for c, values in numbers.items() if c in cells]
    matching = sum(any(_close(numbers[c][row], s) for s in options) for c, options in zip(cells, sums))
    if cells and matching * 2 < len(cells):
        label = body.frame[column][row]
        raise CellError(Location(path, body.lines[row], list(body.frame.columns).index(column) + 1), column,
                        f"'{label}' looks like a totals line, but its numbers are not the sums of the rows above",
                        f"if it is not data, declare drop_rows: {{column: {column}, matches: '^{label}$'}}; "
                        "if it is, declare totals: keep")


def _close(value: float, total: float) -> bool:
    return abs(value - total) <= max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * abs(total))


def _totals_note(path, body: Body, row: int, column: str) -> ReadNote:
    label = body.frame[column][row]
    return ReadNote(Location(path, body.lines[row], list(body.frame.columns).index(column) + 1), column,
                    f"totals line '{label}' left out of the data (its numbers are the sums of the rows above)",
                    f"declare drop_rows: {{column: {column}, matches: '^{label}$'}} to drop it without this warning")
