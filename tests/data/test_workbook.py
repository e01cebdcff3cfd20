"""Excel sheets read by calamine give the same text as openpyxl; what calamine cannot tell, openpyxl reads."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from generator.data.workbook import _calamine_rows, _openpyxl_rows, sheet_rows
from generator.errors import CellError, DataError

SAMPLE_STOCK = Path(__file__).resolve().parents[2] / "decks" / "fw26" / "data" / "stock.xlsx"


def _book(tmp_path: Path, rows: list[list], title: str = "Stock") -> Path:
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "book.xlsx")
    return tmp_path / "book.xlsx"


def test_every_kind_of_cell_reads_as_openpyxl_reads_it(tmp_path):
    path = _book(tmp_path, [
        ["id", "units", "share", "day", "stamp", "open", "time", "hours", "note"],
        ["003101", 4, 0.1 + 0.2, dt.date(2026, 12, 31), dt.datetime(2026, 3, 1, 10, 30, 15), True,
         dt.time(9, 45), dt.timedelta(hours=30), " Montréal "],
        ["003102", -0.0, 1e15, dt.datetime(1999, 1, 1), dt.datetime(2026, 1, 1, 0, 0, 0, 500000), False,
         dt.time(0, 0), dt.timedelta(minutes=5), "=text"],
    ])
    calamine = _calamine_rows(path, "Stock")
    assert calamine is not None and calamine == _openpyxl_rows(path, "Stock")
    assert calamine[1][:4] == ["003101", "4", "0.3", "2026-12-31T00:00:00"]


def test_the_sample_stock_sheet_reads_the_same_either_way():
    assert _calamine_rows(SAMPLE_STOCK, "Stock") == _openpyxl_rows(SAMPLE_STOCK, "Stock")


def test_an_error_value_is_not_read_as_a_blank(tmp_path):
    path = _book(tmp_path, [["retailer_id", "units"], ["003101", "#DIV/0!"]])
    assert sheet_rows(path, "Stock", 1)[1] == ["003101", "#DIV/0!"]


def test_a_long_whole_number_keeps_every_digit(tmp_path):
    path = _book(tmp_path, [["ean"], [1.5e18]])  # then written out in full, as some exporters do
    _rewrite_member(path, "xl/worksheets/sheet1.xml", "<v>1.5e+18</v>", f"<v>{2 ** 60 + 1}</v>")
    assert sheet_rows(path, None, 1)[1] == [str(2 ** 60 + 1)]


def _rewrite_member(path: Path, member: str, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    assert old.encode() in parts[member]
    parts[member] = parts[member].replace(old.encode(), new.encode())
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_a_formula_never_calculated_is_refused(tmp_path):
    path = _book(tmp_path, [["units", "value"], [4, "=A2*300"]])
    with pytest.raises(CellError) as info:
        sheet_rows(path, None, 1)
    assert str(info.value) == (f"{path}:2:2: formula =A2*300 has no saved value "
                               "(open the file in Excel and save it again so values are stored)")


def test_a_damaged_file_and_a_missing_sheet_keep_openpyxl_messages(tmp_path):
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"not a zip")
    with pytest.raises(DataError, match=r"damaged.xlsx: cannot open the workbook \(BadZipFile: File is not a zip file\)$"):
        sheet_rows(damaged, None, 1)
    path = _book(tmp_path, [["a"], [1]])
    with pytest.raises(DataError) as info:
        sheet_rows(path, "Sales", 1)
    assert str(info.value) == f"{path}: no sheet 'Sales'; the workbook has Stock"


def test_reading_a_plain_sheet_does_not_import_openpyxl():
    code = ("import sys, json; from pathlib import Path; from generator.data.workbook import sheet_rows; "
            f"rows = sheet_rows(Path({str(SAMPLE_STOCK)!r}), 'Stock', 1); "
            "print(json.dumps([len(rows), 'openpyxl' in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert json.loads(done.stdout) == [556, False]
