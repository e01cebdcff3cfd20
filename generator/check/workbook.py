"""Checks that a workbook (.xlsx) opens in Excel without a repair prompt or a broken figure.

Besides the package checks every Office file shares (zip, content types, relationships),
a workbook is checked for what makes a tracker wrong while it still opens: sheets listed
in the workbook that are missing, formulas (in cells, conditional formats, defined names
and charts) that refer to a sheet the workbook does not have, to cells outside the grid or
away from every cell of the sheet, ``#REF!`` left by a deleted range, and links to other
workbooks (which Excel offers to update from files the reader does not have).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from generator.check.formulas import MAX_COLUMNS, MAX_ROWS, Reference, cell_name, parse_cell, references
from generator.check.package import DeckPackage
from generator.check.problem import PACKAGE, Problem

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE_DOCUMENT = "/officeDocument"
EXTERNAL_LINK = "spreadsheetml.externalLink+xml"
#: content types of the parts a workbook's <sheet> may point to (worksheet, chartsheet, dialogsheet, macro sheet)
SHEET_TYPES = ("spreadsheetml.worksheet+xml", "spreadsheetml.chartsheet+xml", "spreadsheetml.dialogsheet+xml",
               "ms-excel.macrosheet+xml")
_S = f"{{{SHEET_NS}}}"


@dataclass
class Sheet:
    """One worksheet of the workbook: its name, part, and the span of the cells it holds."""

    name: str
    part: str
    cells: set[tuple[int, int]] = field(default_factory=set)

    @cached_property
    def span(self) -> tuple[int, int, int, int] | None:
        """Return (first row, last row, first column, last column) of its cells, None when it has none."""
        if not self.cells:
            return None
        rows, columns = [r for r, _ in self.cells], [c for _, c in self.cells]
        return min(rows), max(rows), min(columns), max(columns)


class Workbook:
    """The sheets of a workbook package, read from ``xl/workbook.xml`` and its relationships."""

    def __init__(self, pkg: DeckPackage):
        self.pkg = pkg
        self.part = next(iter(pkg.related("", OFFICE_DOCUMENT)), "xl/workbook.xml")
        self.root = pkg.xml(self.part)
        self.sheets: dict[str, Sheet] = {}
        self.missing: list[str] = []  # sheets the workbook lists whose part is not there
        self.mistyped: list[tuple[str, str, str]] = []  # (sheet, part, content type) not typed as a sheet
        if self.root is not None:
            self._read_sheets()

    def _read_sheets(self) -> None:
        targets = {rel.rid: rel.target_part for rel in self.pkg.rels(self.part) if not rel.external}
        for element in self.root.iterfind(f"{_S}sheets/{_S}sheet"):
            name, part = element.get("name", ""), targets.get(element.get(f"{{{R_NS}}}id", ""), "")
            root = self.pkg.xml(part)
            if root is None:
                self.missing.append(name)
                continue
            kind = self.pkg.content_type(part) or ""
            if not kind.endswith(SHEET_TYPES):
                self.mistyped.append((name, part, kind))
            cells = {parse_cell(c.get("r", "")) for c in root.iter(f"{_S}c")}
            self.sheets[name.lower()] = Sheet(name, part, cells - {None})

    def sheet(self, name: str) -> Sheet | None:
        """Return the sheet called ``name`` (Excel compares sheet names without case)."""
        return self.sheets.get(name.lower())

    def lists(self, name: str) -> bool:
        """Return whether the workbook lists a sheet called ``name``, its part there or not."""
        return name.lower() in self.sheets or name.lower() in {m.lower() for m in self.missing}


def check_workbook_package(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield the problems of a workbook package beyond its package structure."""
    book = Workbook(pkg)
    if book.root is None:
        yield Problem(pkg.label, book.part, "missing or unreadable: no workbook part to open")
        return
    for name in book.missing:
        yield Problem(pkg.label, book.part, f"sheet '{name}' is listed but its part is missing")
    for name, part, kind in book.mistyped:
        yield Problem(pkg.label, part, f"sheet '{name}' has content type '{kind or 'none'}', not a worksheet's "
                                       f"(add an Override for /{part} in [Content_Types].xml)")
    yield from _external_links(pkg, book)
    for sheet in book.sheets.values():
        yield from _sheet_formulas(book, sheet)
    yield from _defined_names(book)
    yield from _chart_formulas(book)


def _external_links(pkg: DeckPackage, book: Workbook) -> Iterator[Problem]:
    for part in pkg.parts_of_type(EXTERNAL_LINK):
        yield Problem(pkg.label, part, "link to another workbook (Excel asks to update it from a file the "
                                       "reader does not have): write the values instead")
    if book.root.find(f"{_S}externalReferences") is not None:
        yield Problem(pkg.label, book.part, "the workbook declares external references")


def _sheet_formulas(book: Workbook, sheet: Sheet) -> Iterator[Problem]:
    root = book.pkg.xml(sheet.part)
    for cell in root.iter(f"{_S}c"):
        formula = cell.find(f"{_S}f")
        if formula is not None and formula.text:
            yield from _formula(book, sheet, sheet.part, f"cell {cell.get('r')}", formula.text)
    for rule in root.iter(f"{_S}cfRule"):
        ranges = rule.getparent().get("sqref", "")
        for formula in rule.iterfind(f"{_S}formula"):
            yield from _formula(book, sheet, sheet.part, f"conditional format on {ranges}", formula.text or "")


def _defined_names(book: Workbook) -> Iterator[Problem]:
    for name in book.root.iterfind(f"{_S}definedNames/{_S}definedName"):
        yield from _formula(book, None, book.part, f"defined name {name.get('name')}", name.text or "")


def _chart_formulas(book: Workbook) -> Iterator[Problem]:
    for part in book.pkg.parts:
        if posixpath.dirname(part) == "xl/charts" and part.endswith(".xml"):
            root = book.pkg.xml(part)
            for formula in root.iter(f"{{{CHART_NS}}}f") if root is not None else ():
                yield from _formula(book, None, part, "chart series", formula.text or "")


def _formula(book: Workbook, own: Sheet | None, part: str, where: str, formula: str) -> Iterator[Problem]:
    """Yield a problem for each reference of ``formula`` that points nowhere."""
    for reference in references(formula):
        problem = _reference_problem(book, own, reference)
        if problem:
            yield Problem(book.pkg.label, part, f"{where}: formula ={formula.lstrip('=')} {problem}")


def _reference_problem(book: Workbook, own: Sheet | None, reference: Reference) -> str | None:
    if reference.broken:
        return "holds #REF! (a reference to cells that were deleted)"
    if reference.external:
        return f"refers to another workbook ({reference.text}): write the values instead"
    if reference.sheet is None and own is None:
        return None  # a name or chart formula without a sheet: nothing to resolve it against
    target = own if reference.sheet is None else book.sheet(reference.sheet)
    if target is None and book.lists(reference.sheet):
        return None  # a listed sheet whose part is missing: reported once, not at every formula
    if target is None:
        known = ", ".join(s.name for s in book.sheets.values())
        return f"refers to sheet '{reference.sheet}', which the workbook does not have (sheets: {known})"
    if (reference.rows and reference.rows[1] > MAX_ROWS) or (reference.columns and reference.columns[1] > MAX_COLUMNS):
        return f"refers to {reference.text}, beyond the last cell of a sheet (XFD1048576)"
    if not _meets(target, reference):
        return f"refers to {reference.text}, away from every cell of sheet '{target.name}' ({_span_text(target)})"
    return None


def _meets(sheet: Sheet, reference: Reference) -> bool:
    """Return whether the reference's range overlaps the span of the sheet's cells."""
    span = sheet.span
    if span is None:
        return False
    first_row, last_row, first_col, last_col = span
    rows_meet = reference.rows is None or (reference.rows[0] <= last_row and reference.rows[1] >= first_row)
    cols_meet = reference.columns is None or (reference.columns[0] <= last_col and reference.columns[1] >= first_col)
    return rows_meet and cols_meet


def _span_text(sheet: Sheet) -> str:
    if sheet.span is None:
        return "it has no cells"
    first_row, last_row, first_col, last_col = sheet.span
    return f"its cells are in {cell_name(first_row, first_col)}:{cell_name(last_row, last_col)}"


def not_a_workbook(label: str, error: Exception) -> Problem:
    """Return the problem for a file that is not a readable zip at all."""
    return Problem(label, PACKAGE, f"not a readable .xlsx (zip) file: {error}")
