"""The workbook check: a clean workbook passes; each broken fixture (named after its failure) is caught."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check import check_workbook, ensure_clean_workbook
from generator.check.formulas import references
from generator.commands.check import check_command
from generator.errors import CheckError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "broken_workbooks"
sys.path.insert(0, str(FIXTURES))
from make import good_workbook  # noqa: E402

SHEET1 = "xl/worksheets/sheet1.xml"
EXPECTED = {
    "formula_refers_to_a_missing_sheet": [
        (SHEET1, "cell C2: formula =B2/Stock!B2 refers to sheet 'Stock', which the workbook does not have "
                 "(sheets: Sales, Units)")],
    "formula_refers_away_from_the_cells": [
        (SHEET1, "cell B4: formula =SUM(B20:B30) refers to B20:B30, away from every cell of sheet 'Sales' "
                 "(its cells are in A2:C4)")],
    "formula_holds_ref_error": [(SHEET1, "cell C2: formula =B2/#REF! holds #REF! (a reference to cells that were deleted)")],
    "chart_refers_to_a_missing_sheet": [
        ("xl/charts/chart1.xml", "chart series: formula ='Sell-out'!$B$2:$B$3 refers to sheet 'Sell-out', "
                                 "which the workbook does not have (sheets: Sales, Units)")],
    "link_to_another_workbook": [
        ("xl/externalLinks/_rels/externalLink1.xml.rels", "rId1 (externalLinkPath) links to external target "
         "file:///C:/Trackers/regional.xlsx (only hyperlinks may be external; embed the file instead)"),
        ("xl/externalLinks/externalLink1.xml", "link to another workbook (Excel asks to update it from a file the "
                                               "reader does not have): write the values instead"),
        ("xl/workbook.xml", "the workbook declares external references"),
        (SHEET1, "cell C2: formula =B2/[1]Units!B2 refers to another workbook ([1]Units!B2): write the values instead")],
    "sheet_without_content_type": [
        (SHEET1, "sheet 'Sales' has content type 'application/xml', not a worksheet's "
                 "(add an Override for /xl/worksheets/sheet1.xml in [Content_Types].xml)")],
    "sheet_part_missing": [
        ("xl/_rels/workbook.xml.rels", "rId2 targets missing part xl/worksheets/sheet2.xml"),
        ("xl/workbook.xml", "sheet 'Units' is listed but its part is missing")],
}


def test_the_clean_workbook_passes():
    assert check_workbook(good_workbook()) == []


def test_every_fixture_is_expected():
    assert sorted(p.stem for p in FIXTURES.glob("*.xlsx")) == sorted(EXPECTED)


@pytest.mark.parametrize("failure", sorted(EXPECTED))
def test_each_broken_workbook_is_reported(failure):
    problems = check_workbook(FIXTURES / f"{failure}.xlsx")
    assert sorted((p.part, p.message) for p in problems) == sorted(EXPECTED[failure])
    assert all(p.deck == str(FIXTURES / f"{failure}.xlsx") for p in problems)


def test_not_a_zip_is_one_problem():
    assert [str(p) for p in check_workbook(b"PK not really", label="t.xlsx")][0].startswith(
        "t.xlsx: [package]: not a readable .xlsx (zip) file")


def test_ensure_clean_workbook_lists_every_problem():
    with pytest.raises(CheckError) as raised:
        ensure_clean_workbook(FIXTURES / "sheet_part_missing.xlsx", label="trackers/en/CA.xlsx")
    assert raised.value.message.splitlines()[0] == "2 problem(s) in a workbook kitgen wrote:"
    assert "trackers/en/CA.xlsx: xl/workbook.xml: sheet 'Units' is listed but its part is missing" in raised.value.message


@pytest.mark.parametrize("formula, found", [
    ('=SUMIF($A$5:$A$19,"CA",C$5:C$19)', [(None, (5, 19), (1, 1)), (None, (5, 19), (3, 3))]),
    ("='Units sold in'!C5/'l''été'!B2", [("Units sold in", (5, 5), (3, 3)), ("l'été", (2, 2), (2, 2))]),
    ('=LOG10(A1)+1E3+"Foo!B2"', [(None, (1, 1), (1, 1))]),  # a function name, a number, a string: no reference
    ("=SUM(Data!A:A)+SUM(2:3)", [("Data", None, (1, 1)), (None, (2, 3), None)]),
    ("=Table1[[#This Row],[Col1]]*TRUE()", []),
])
def test_formula_references(formula, found):
    assert [(r.sheet, r.rows, r.columns) for r in references(formula)] == found


def test_cli_checks_workbooks_and_folders(tmp_path):
    good = tmp_path / "good.xlsx"
    good.write_bytes(good_workbook())
    ok = CliRunner().invoke(check_command, [str(good)])
    assert (ok.exit_code, ok.output) == (0, "1 workbook(s) checked, 0 problem(s)\n")
    failed = CliRunner().invoke(check_command, [str(FIXTURES)])
    assert failed.exit_code == 1
    assert failed.output.splitlines()[-1] == f"{len(EXPECTED)} workbook(s) checked, 11 problem(s)"
