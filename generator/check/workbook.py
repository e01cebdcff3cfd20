"""Checks that a workbook (.xlsx) opens in Excel without a repair prompt or a broken figure.

Besides the package checks every Office file shares (zip, content types, relationships),
a workbook is checked for what makes a tracker wrong while it still opens: sheets listed
in the workbook that are missing, formulas (in cells, conditional formats, defined names
and charts) that refer to a sheet the workbook does not have, to cells outside the grid or
away from every cell of the sheet, ``#REF!`` left by a deleted range, links to other
workbooks (which Excel offers to update from files the reader does not have), and circular
references (formula cells whose references lead back to themselves, which Excel reports on
opening and leaves at 0).
"""

from __future__ import annotations

import posixpath
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
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
#: the longest cycle a circular-reference message spells out cell by cell
SHOWN_CYCLE = 6
_PLAIN_SHEET = re.compile(r"[A-Za-z_][\w.]*")
Node = tuple[int, int, int]  # a formula cell: (index of its sheet in the workbook, row, column)
Segment = tuple[int, int, int, int]  # formula cells of a column: (sheet, -column, first, end) indexes in its rows


@dataclass
class Sheet:
    """One worksheet of the workbook: its name, part, and the span of the cells it holds."""

    name: str
    part: str
    cells: set[tuple[int, int]] = field(default_factory=set)  # the cells at the ends of its rows: enough for the span

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
        self._references: dict[str, list[Reference]] = {}
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
            self.sheets[name.lower()] = Sheet(name, part, _end_cells(root) - {None})

    def sheet(self, name: str) -> Sheet | None:
        """Return the sheet called ``name`` (Excel compares sheet names without case)."""
        return self.sheets.get(name.lower())

    def references(self, formula: str) -> list[Reference]:
        """Return the references of ``formula``, parsed once for the reference and the circularity checks."""
        if formula not in self._references:
            self._references[formula] = list(references(formula))
        return self._references[formula]

    def lists(self, name: str) -> bool:
        """Return whether the workbook lists a sheet called ``name``, its part there or not."""
        return name.lower() in self.sheets or name.lower() in {m.lower() for m in self.missing}


def _end_cells(sheet_root) -> set[tuple[int, int] | None]:
    """Return the first and last cell of each row of a sheet, which give its span.

    Cells of a row are written in column order, so the ends of the rows are enough; parsing every
    cell name cost a third of checking a tracker workbook. A row with an unnamed cell is read whole.
    """
    found: set[tuple[int, int] | None] = set()
    for row in sheet_root.iter(f"{_S}row"):
        cells = row.findall(f"{_S}c")
        if cells and all(c.get("r") for c in (cells[0], cells[-1])):
            found.update((parse_cell(cells[0].get("r")), parse_cell(cells[-1].get("r"))))
        else:
            found.update(parse_cell(c.get("r", "")) for c in cells)
    return found


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
    yield from circular_references(book)
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
    for formula in root.iter(f"{_S}f"):  # a cell's formula: the cells without one are not visited
        cell = formula.getparent()
        if formula.text and cell is not None and cell.tag == f"{_S}c":
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
    for reference in book.references(formula):
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


def circular_references(book: Workbook) -> Iterator[Problem]:
    """Yield one problem per group of formula cells that refer back to themselves."""
    graph = FormulaGraph(book)
    groups = [(min(node for node in group if len(node) == 3), group) for group in graph.cycles()]
    for start, group in sorted(groups, key=lambda found: found[0]):  # in sheet order, each from its first cell
        yield graph.cycle_problem(graph.cycle_path(start, group))


class FormulaGraph:
    """The formula cells of a workbook, each pointing to the formula cells its references cover.

    Only cells holding a formula are nodes: a value cannot lead back anywhere. A range
    points to the formula cells it covers through a segment tree over each column's
    formula cells, so thousands of running totals (SUM($B$1:B9)) cost n log n links,
    not n squared. A cell of a shared formula other than its first carries no formula
    text and is left out.
    """

    def __init__(self, book: Workbook):
        self.book, self.label = book, book.pkg.label
        self.sheets = list(book.sheets.values())
        self.indexes = {sheet.name.lower(): index for index, sheet in enumerate(self.sheets)}
        self.formulas: dict[Node, str] = {}
        self.columns: list[dict[int, list[int]]] = []  # per sheet: column -> sorted rows of its formula cells
        for index, sheet in enumerate(self.sheets):
            by_column: dict[int, list[int]] = defaultdict(list)
            for formula in book.pkg.xml(sheet.part).iter(f"{_S}f"):  # most cells hold values: skip them unread
                position = parse_cell(formula.getparent().get("r", ""))
                if formula.text and position:
                    self.formulas[(index, *position)] = formula.text
                    by_column[position[1]].append(position[0])
            self.columns.append({column: sorted(rows) for column, rows in by_column.items()})

    def targets(self, node: Node | Segment) -> Iterator[Node | Segment]:
        """Yield what a node points to: a cell, the cells and segments its references cover; a segment, its halves."""
        if len(node) == 4:
            yield from self._halves(*node)
            return
        for reference in self.book.references(self.formulas[node]):
            if reference.broken or reference.external:
                continue
            sheet = node[0] if reference.sheet is None else self.indexes.get(reference.sheet.lower())
            if sheet is not None:
                yield from self._covered(sheet, reference)

    def _covered(self, sheet: int, reference: Reference) -> Iterator[Node | Segment]:
        columns = self.columns[sheet]
        if reference.columns is None:
            candidates = columns.keys()
        else:
            first, last = reference.columns
            # Whole rows (1:1) span 16384 columns: walk the few columns with formulas instead.
            candidates = range(first, last + 1) if last - first < len(columns) else \
                [c for c in columns if first <= c <= last]
        for column in candidates:
            rows = columns.get(column)
            if rows and reference.rows is None:
                yield self._segment(sheet, column, 0, len(rows))
            elif rows:
                first, last = bisect_left(rows, reference.rows[0]), bisect_right(rows, reference.rows[1])
                yield from self._segments(sheet, column, first, last)

    def _segments(self, sheet: int, column: int, first: int, last: int) -> Iterator[Node | Segment]:
        """Yield the fewest segments of a column's formula cells that make up those from ``first`` to ``last``."""
        pending = [(0, len(self.columns[sheet][column]))]
        while pending:
            low, high = pending.pop()
            if high <= first or last <= low:
                continue
            if first <= low and high <= last:
                yield self._segment(sheet, column, low, high)
            else:
                middle = (low + high) // 2
                pending += [(middle, high), (low, middle)]

    def _segment(self, sheet: int, column: int, low: int, high: int) -> Node | Segment:
        if high - low == 1:
            return sheet, self.columns[sheet][column][low], column
        return sheet, -column, low, high

    def _halves(self, sheet: int, negated_column: int, low: int, high: int) -> Iterator[Node | Segment]:
        middle = (low + high) // 2
        yield self._segment(sheet, -negated_column, low, middle)
        yield self._segment(sheet, -negated_column, middle, high)

    def cycles(self) -> list[set[Node | Segment]]:
        """Return each group of cells and segments that reach each other (Tarjan's strongly connected components).

        A group of one counts only when the cell refers to itself. Iterative, not recursive:
        a chain of thousands of running totals would exceed Python's recursion limit.
        """
        order: dict[Node | Segment, int] = {}
        low: dict[Node | Segment, int] = {}
        stack: list[Node | Segment] = []
        own: set[Node] = set()  # cells that refer to themselves
        found: list[set[Node | Segment]] = []
        for root in self.formulas:
            if root in order:
                continue
            order[root] = low[root] = len(order)
            stack.append(root)
            work = [(root, self.targets(root))]
            while work:
                node, edges = work[-1]
                for target in edges:
                    if target == node:
                        own.add(node)
                    if target not in order:
                        order[target] = low[target] = len(order)
                        stack.append(target)
                        work.append((target, self.targets(target)))
                        break
                    if target in low:  # still on the stack: not yet given to a group
                        low[node] = min(low[node], order[target])
                else:
                    work.pop()
                    if work:
                        low[work[-1][0]] = min(low[work[-1][0]], low[node])
                    if low[node] == order[node]:
                        group = self._pop_group(stack, low, node)
                        if len(group) > 1 or node in own:
                            found.append(group)
        return found

    @staticmethod
    def _pop_group(stack: list, low: dict, node: Node | Segment) -> set[Node | Segment]:
        """Return the group whose root is ``node``: the stack down to it, taken off the stack."""
        group: set[Node | Segment] = set()
        while node not in group:
            member = stack.pop()
            del low[member]  # off the stack: a later link to it must not lower anyone's low
            group.add(member)
        return group

    def cycle_path(self, start: Node, group: set[Node | Segment]) -> list[Node]:
        """Return the cells of the shortest path of references from ``start`` back to itself within its group."""
        parents: dict[Node | Segment, Node | Segment] = {}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for target in self.targets(node):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    return [n for n in path[::-1] if len(n) == 3] + [start]
                if target in group and target not in parents:
                    parents[target] = node
                    queue.append(target)
        return [start, start]  # not reached: every member of a group leads back to the others

    def cycle_problem(self, path: list[Node]) -> Problem:
        """Return the problem naming a cycle: its first cell, the cells it goes through and their formulas."""
        sheet = self.sheets[path[0][0]]
        names = [self._name(node, path[0][0]) for node in path]
        cells = path[:-1]
        if len(cells) == 1:
            text = f"{names[0]} -> {names[0]} ({self.formulas[cells[0]]})"
        elif len(cells) <= SHOWN_CYCLE:
            formulas = "; ".join(f"{name}: {self.formulas[node]}" for name, node in zip(names, cells))
            text = f"{' -> '.join(names)} ({formulas})"
        else:
            text = f"{' -> '.join(names[:SHOWN_CYCLE])} -> ... -> {names[-1]} ({len(cells)} cells)"
        return Problem(self.label, sheet.part, f"cell {names[0]} of sheet '{sheet.name}': circular reference: {text}")

    def _name(self, node: Node, home: int) -> str:
        """Return the cell's A1 name, with its sheet when that is not ``home``."""
        cell = cell_name(node[1], node[2])
        if node[0] == home:
            return cell
        sheet = self.sheets[node[0]].name
        return f"{sheet}!{cell}" if _PLAIN_SHEET.fullmatch(sheet) else f"'{sheet.replace(chr(39), chr(39) * 2)}'!{cell}"


def not_a_workbook(label: str, error: Exception) -> Problem:
    """Return the problem for a file that is not a readable zip at all."""
    return Problem(label, PACKAGE, f"not a readable .xlsx (zip) file: {error}")
