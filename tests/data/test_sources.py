"""Data files as SAP, Power BI and Excel write them: each parsed as declared, or a located error."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from generator.data.sources import CellError, read_source
from generator.spec.model import SourceDef


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "data.csv") -> Path:
    (tmp_path / name).write_bytes(text.encode(encoding))
    return tmp_path


def test_cp1252_file_declared_as_such(tmp_path):
    root = write(tmp_path, "city,units\nMontréal,3\n", "cp1252")
    frame = read_source(SourceDef(path="data.csv", encoding="cp1252"), root)
    assert frame["city"].tolist() == ["Montréal"]


def test_utf16_with_bom(tmp_path):
    root = write(tmp_path, "city,units\nQuébec,4\n", "utf-16")
    frame = read_source(SourceDef(path="data.csv", encoding="utf-16"), root)
    assert frame.columns.tolist() == ["city", "units"]
    assert frame["units"].tolist() == [4]


def test_utf8_bom_is_not_part_of_the_first_column(tmp_path):
    root = write(tmp_path, "\ufeffretailer_id,units\n003101,2\n")
    frame = read_source(SourceDef(path="data.csv"), root)
    assert frame.columns[0] == "retailer_id"


def test_decimal_comma_and_thousands_dot(tmp_path):
    root = write(tmp_path, "ref;value\nA;1.234,56\nB;7,5\n")
    source = SourceDef(path="data.csv", delimiter=";", decimal=",", thousands=".")
    assert read_source(source, root)["value"].tolist() == [1234.56, 7.5]


def test_sap_trailing_minus(tmp_path):
    root = write(tmp_path, "ref;value\nA;1.234,56-\nB;10,00\n")
    source = SourceDef(path="data.csv", delimiter=";", decimal=",", thousands=".", negative_trailing_minus=True,
                       dtypes={"value": "float"})
    assert read_source(source, root)["value"].tolist() == [-1234.56, 10.0]


def test_sap_trailing_minus_undeclared_is_located(tmp_path):
    root = write(tmp_path, "ref;value\nA;10,00\nB;1.234,56-\n")
    with pytest.raises(CellError) as info:
        read_source(SourceDef(path="data.csv", delimiter=";", decimal=",", thousands="."), root)
    assert (info.value.location.line, info.value.location.column) == (3, 2)
    assert "negative_trailing_minus" in str(info.value)


def test_two_row_header_merges_names(tmp_path):
    root = write(tmp_path, "retailer_id,Sell-out,,Stock\n,units,value,units\n003101,2,900,5\n")
    frame = read_source(SourceDef(path="data.csv", header_rows=2, dtypes={"retailer_id": "str"}), root)
    assert frame.columns.tolist() == ["retailer_id", "Sell-out units", "Sell-out value", "Stock units"]
    assert frame["retailer_id"].tolist() == ["003101"]


def test_ids_keep_leading_zeros_even_undeclared(tmp_path):
    root = write(tmp_path, "retailer_id,units\n000123,2\n004101,3\n")
    frame = read_source(SourceDef(path="data.csv"), root)
    assert frame["retailer_id"].tolist() == ["000123", "004101"]


def test_na_is_text_unless_declared(tmp_path):
    root = write(tmp_path, "region,units\nNA,2\nEU,3\n")
    assert read_source(SourceDef(path="data.csv"), root)["region"].tolist() == ["NA", "EU"]
    declared = read_source(SourceDef(path="data.csv", na_values=["NA"]), root)
    assert pd.isna(declared["region"][0])


def test_blank_in_declared_int_column_is_located(tmp_path):
    root = write(tmp_path, "ref,units\nA,2\nB,\n")
    with pytest.raises(CellError) as info:
        read_source(SourceDef(path="data.csv", dtypes={"units": "int"}), root)
    assert str(info.value).startswith(f"{root / 'data.csv'}:3:2: column 'units': the cell is blank")


def test_blank_in_float_column_is_missing(tmp_path):
    root = write(tmp_path, "ref,value\nA,2.5\nB,\n")
    values = read_source(SourceDef(path="data.csv", dtypes={"value": "float"}), root)["value"]
    assert values[0] == 2.5 and pd.isna(values[1])


def test_wrong_encoding_names_the_line(tmp_path):
    root = write(tmp_path, "city\nMontréal\n", "cp1252")
    with pytest.raises(CellError) as info:
        read_source(SourceDef(path="data.csv"), root)
    assert info.value.location.line == 2 and "encoding: cp1252" in str(info.value)


def _workbook(tmp_path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Stock"
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "stock.xlsx")
    return tmp_path


def test_excel_values_and_text_ids(tmp_path):
    root = _workbook(tmp_path, [["retailer_id", "units"], ["003101", 4], ["003102", None]])
    frame = read_source(SourceDef(path="stock.xlsx", sheet="Stock", dtypes={"retailer_id": "str"}), root)
    assert frame["retailer_id"].tolist() == ["003101", "003102"]
    assert frame["units"][0] == 4 and pd.isna(frame["units"][1])


def test_excel_formula_without_cached_value_is_located(tmp_path):
    root = _workbook(tmp_path, [["retailer_id", "units", "value"], ["003101", 4, "=B2*300"]])
    with pytest.raises(CellError) as info:
        read_source(SourceDef(path="stock.xlsx"), root)
    assert (info.value.location.line, info.value.location.column) == (2, 3)
    assert "=B2*300" in str(info.value)


def test_excel_unknown_sheet(tmp_path):
    root = _workbook(tmp_path, [["a"], [1]])
    with pytest.raises(Exception, match="no sheet 'Sales'"):
        read_source(SourceDef(path="stock.xlsx", sheet="Sales"), root)
