"""The workbook check finds circular references, and formula cells saved with a value a recalculation does not give."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter
from click.testing import CliRunner

from generator.check import check_workbook
from generator.check.recalc import compare
from generator.commands.check import check_command

CALC = Path("/usr/lib/libreoffice/program/libsclo.so")
needs_calc = pytest.mark.skipif(shutil.which("soffice") is None or not CALC.exists(),
                                reason="LibreOffice Calc (soffice, libsclo.so) not installed")
SHEET1 = "xl/worksheets/sheet1.xml"


def workbook(fill: Callable[[xlsxwriter.Workbook], None]) -> bytes:
    """Return the bytes of a workbook that ``fill`` writes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    fill(book)
    book.close()
    return buffer.getvalue()


def problems(data: bytes, **options) -> list[tuple[str, str]]:
    return [(p.part, p.message) for p in check_workbook(data, label="t.xlsx", **options)]


def own_range(book):
    sheet = book.add_worksheet("Sell-out")
    sheet.write_number("B5", 7)
    sheet.write_formula("C5", "=SUM(C5:B5)", None, 7)


def indirect(book):
    sheet = book.add_worksheet()
    sheet.write_formula("A1", "=B1+1", None, 0)
    sheet.write_formula("B1", "=A1*2", None, 0)
    sheet.write_formula("C1", "=A1", None, 0)  # depends on the cycle, is not part of it


def clean(book):
    """Values, running totals over formula cells, a total over a whole column, a cross-sheet ratio: all saved right."""
    sales, units = book.add_worksheet("Sales"), book.add_worksheet("Units")
    for row in range(1, 41):
        sales.write_number(row, 0, row)
        sales.write_formula(row, 1, f"=A{row + 1}*2", None, row * 2)
        sales.write_formula(row, 2, f"=SUM($B$2:B{row + 1})", None, row * (row + 1))
        units.write_number(row, 1, 4)
    sales.write_formula("D1", "=SUM(C:C)", None, sum(row * (row + 1) for row in range(1, 41)))
    sales.write_formula("E2", '=B2/Units!B2&""', None, "0.5")
    sales.write_formula("F2", '=IF(A2>5,1,"")', None, "")


def test_a_range_over_its_own_cell_is_circular():
    assert problems(workbook(own_range)) == [
        (SHEET1, "cell C5 of sheet 'Sell-out': circular reference: C5 -> C5 (SUM(C5:B5))")]


def test_an_indirect_cycle_is_one_problem():
    assert problems(workbook(indirect)) == [
        (SHEET1, "cell A1 of sheet 'Sheet1': circular reference: A1 -> B1 -> A1 (A1: B1+1; B1: A1*2)")]


def test_a_cycle_through_another_sheet_names_its_cells_with_their_sheet():
    def fill(book):
        sell_out, data = book.add_worksheet("Sell-out"), book.add_worksheet("Data 2")
        data.write_formula("A1", "=B1+1")
        data.write_formula("B1", "='Sell-out'!D1*2")
        sell_out.write_formula("D1", "='Data 2'!A1")
    assert problems(workbook(fill)) == [
        (SHEET1, "cell D1 of sheet 'Sell-out': circular reference: D1 -> 'Data 2'!A1 -> 'Data 2'!B1 -> D1 "
                 "(D1: 'Data 2'!A1; 'Data 2'!A1: B1+1; 'Data 2'!B1: 'Sell-out'!D1*2)")]


def test_a_long_cycle_is_cut_short_and_running_totals_are_no_cycle():
    def fill(book):
        sheet = book.add_worksheet()
        for row in range(1, 3001):  # B1 -> B2 -> ... -> B3000 -> B1, far deeper than Python's recursion limit
            sheet.write_formula(f"B{row}", f"=B{row % 3000 + 1}+1")
            sheet.write_formula(f"C{row}", f"=SUM($D$1:D{row})")  # 3000 ranges over formula cells, no cycle
            sheet.write_formula(f"D{row}", f"=A{row}")
            sheet.write_number(f"A{row}", row)
    assert problems(workbook(fill)) == [
        (SHEET1, "cell B1 of sheet 'Sheet1': circular reference: B1 -> B2 -> B3 -> B4 -> B5 -> B6 -> ... -> B1 "
                 "(3000 cells)")]


def test_a_clean_workbook_has_no_problem():
    assert problems(workbook(clean)) == []


def stale(book):
    sheet = book.add_worksheet("Sell-out")
    sheet.write_number("A1", 2)
    sheet.write_formula("A2", "=A1+3", None, 0)  # saved 0: what a preview shows until something recalculates


def test_without_libreoffice_the_recalculation_is_skipped(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert problems(workbook(stale), recalculate=True) == []


@pytest.mark.parametrize("fill", [own_range, indirect])
def test_a_workbook_with_a_cycle_is_not_recalculated(fill, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("recalculated a workbook that has a circular reference")
    monkeypatch.setattr("generator.check.recalc.recalculate", refuse)
    assert len(problems(workbook(fill), recalculate=True)) == 1


def test_saved_values_compare_within_rounding_and_empty_as_empty():
    def saved(book):
        sheet = book.add_worksheet("Sales")
        for row, value in enumerate([0.3, "", 1.0, True, "a", 0, ""], start=1):
            sheet.write_formula(f"A{row}", "=1", None, value)

    def recalculated(book):
        sheet = book.add_worksheet("Sales")
        for row, value in enumerate([0.1 + 0.2, "", 1.001, 1, "a", "#N/A", 0], start=1):
            sheet.write_formula(f"A{row}", "=1", None, value)
    assert compare(workbook(saved), workbook(recalculated)) == [
        ("Sales", "sheet 'Sales': 1 formula cell recalculates to an error (first: A6 =1 gives #N/A)"),
        ("Sales", "sheet 'Sales': 3 formula cells saved with a value that differs from a recalculation "
                  "(first: A3 saved 1, recalculates to 1.001; A4 saved TRUE, recalculates to 1; "
                  "A7 saved empty, recalculates to 0)")]


@pytest.mark.libreoffice
@needs_calc
def test_the_check_command_finds_a_value_saved_before_a_recalculation(tmp_path):
    path = tmp_path / "stale.xlsx"
    path.write_bytes(workbook(stale))
    result = CliRunner().invoke(check_command, [str(path)])
    assert (result.exit_code, result.output.splitlines()) == (1, [
        f"{path}: {SHEET1}: sheet 'Sell-out': 1 formula cell saved with a value that differs from a recalculation "
        "(first: A2 saved 0, recalculates to 5)",
        "1 workbook(s) checked, 1 problem(s)"])


@pytest.mark.libreoffice
@needs_calc
def test_a_formula_recalculating_to_an_error_is_found():
    def fill(book):
        sheet = book.add_worksheet("Sales")
        sheet.write_number("A1", 1)
        sheet.write_formula("B2", "=1/0", None, 0)
        sheet.write_formula("B3", "=A1*2", None, 2)
    assert problems(workbook(fill), recalculate=True) == [
        (SHEET1, "sheet 'Sales': 1 formula cell recalculates to an error (first: B2 =1/0 gives #DIV/0!)")]


@pytest.mark.libreoffice
@needs_calc
def test_a_clean_workbook_recalculates_to_its_saved_values():
    assert problems(workbook(clean), recalculate=True) == []
