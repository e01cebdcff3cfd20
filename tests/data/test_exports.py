"""Exports as SAP, BW and Power BI write them: title blocks, footers, blank lines and totals lines
never reach the data, and what was left out is said with its line."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from generator.errors import CellError
from generator.data.sources import read_notes, read_source
from generator.spec.model import SourceDef

EXPORTS = Path(__file__).parents[1] / "fixtures" / "exports"
SAP = SourceDef(path="sap_list_title_block_and_overall_result/sales.csv", encoding="cp1252", delimiter=";",
                decimal=",", thousands=".", negative_trailing_minus=True, skip_rows=4, skip_footer=1,
                dtypes={"Retailer ID": "str", "Period": "period"})


def _notes(source: SourceDef, root: Path = EXPORTS) -> list[str]:
    return [f"{n.location.line}:{n.location.column}: {n.message}" for n in read_notes(source, root)]


def test_sap_list_export_reads_without_title_block_totals_and_footer():
    frame = read_source(SAP, EXPORTS)
    assert frame["Retailer"].tolist() == ["Horlogerie Laval", "Horlogerie Laval", "Maison Dufour", "Maison Dufour"]
    assert frame["Retailer ID"].tolist() == ["004101", "004101", "004102", "004102"]
    assert frame["Period"].dt.month.tolist() == [7, 8, 7, 9]


def test_sap_totals_line_never_doubles_the_sums():
    by_hand = pd.read_csv(EXPORTS / SAP.path, sep=";", skiprows=4, skipfooter=2, engine="python", encoding="cp1252",
                          decimal=",", thousands=".", dtype={"Retailer ID": str}).dropna(how="all")
    by_hand = by_hand[by_hand["Retailer"] != "Overall Result"]
    frame = read_source(SAP, EXPORTS)
    assert frame["Units"].sum() == by_hand["Units"].sum() == 62
    assert frame["Sell-out CAD"].sum() == pytest.approx(15424.75)  # the 310,00- row counts as negative


def test_sap_blank_line_and_totals_line_are_reported_with_their_lines():
    assert _notes(SAP) == ["9:None: blank line(s) 9 skipped",
                           "11:1: totals line 'Overall Result' left out of the data (its numbers are the sums "
                           "of the rows above)"]


def test_declared_drop_rows_leave_the_totals_line_out_without_a_warning():
    source = SourceDef.model_validate({**SAP.model_dump(), "blank_rows": "skip",
                                       "drop_rows": {"column": "Retailer", "matches": "^Overall Result$"}})
    assert len(read_source(source, EXPORTS)) == 4
    assert _notes(source) == []


def test_header_row_is_the_same_as_skip_rows():
    source = SourceDef.model_validate({**SAP.model_dump(), "skip_rows": 0, "header_row": 5})
    assert read_source(source, EXPORTS)["Units"].sum() == 62


def test_title_block_without_skip_rows_says_how_many_lines_to_skip():
    with pytest.raises(CellError) as info:
        read_source(SourceDef(path=SAP.path, encoding="cp1252", delimiter=";"), EXPORTS)
    assert str(info.value).endswith(":5: the rows do not have the same number of fields "
                                    "(the lines above line 5 look like a title block: declare skip_rows: 4)")


def test_skip_rows_and_header_row_together_are_refused():
    with pytest.raises(ValueError, match="declare skip_rows or header_row, not both"):
        SourceDef(path="x.csv", skip_rows=2, header_row=3)


def test_power_bi_total_row_is_left_out():
    source = SourceDef(path="powerbi_total_row/sales.csv", thousands=",")
    frame = read_source(source, EXPORTS)
    assert "Total" not in frame["Retailer"].tolist()
    assert frame["Sell-out"].sum() == pytest.approx(23800.50)
    assert _notes(source) == ["5:1: totals line 'Total' left out of the data (its numbers are the sums of the rows above)"]


def test_a_totals_label_whose_numbers_are_not_sums_is_a_located_error():
    with pytest.raises(CellError) as info:
        read_source(SourceDef(path="sap_totals_line_not_sums/sales.csv", delimiter=";"), EXPORTS)
    assert (info.value.location.line, info.value.location.column) == (4, 1)
    assert info.value.hint == ("if it is not data, declare drop_rows: {column: Retailer, matches: '^Total$'}; "
                               "if it is, declare totals: keep")


def test_totals_keep_reads_the_line_as_data():
    frame = read_source(SourceDef(path="sap_totals_line_not_sums/sales.csv", delimiter=";", totals="keep"), EXPORTS)
    assert frame["Retailer"].tolist()[-1] == "Total"


def test_thousands_separator_never_applies_to_periods_or_ids():
    frame = read_source(SourceDef(path="sap_periods_and_ids/sales.csv", delimiter=";", decimal=",", thousands="."),
                        EXPORTS)
    assert frame["Period"].tolist() == ["2026.01", "2026.10"]  # not 202601
    assert frame["Month"].tolist() == ["01.2026", "10.2026"]
    assert frame["Retailer ID"].tolist() == ["004101", "004102"]
    assert frame["Units"].tolist() == [1200, 35]


def test_sap_periods_as_a_declared_period_dtype():
    kinds = {"Period": "period", "Fiscal period": "period", "Month": "period"}
    frame = read_source(SourceDef(path="sap_periods_and_ids/sales.csv", delimiter=";", dtypes=kinds), EXPORTS)
    for column in kinds:
        assert frame[column].dt.strftime("%Y-%m").tolist() == ["2026-01", "2026-10"]


def test_special_period_13_is_a_located_error(tmp_path):
    (tmp_path / "p.csv").write_text("period,units\n012.2026,1\n013.2026,2\n")
    with pytest.raises(CellError) as info:
        read_source(SourceDef(path="p.csv", dtypes={"period": "period"}), tmp_path)
    assert str(info.value).endswith("p.csv:3:1: column 'period': '013.2026' is not a period of months 1-12 (write "
                                    "periods as 2026.01, 01.2026 or 012.2026; special periods 13-16 are not months)")


def write_bw_workbook(path: Path) -> Path:
    """Write a workbook shaped like a BW Analysis export: a title block, a two-row header, 'Result'
    subtotals per region, blank lines between blocks and an 'Overall Result' line."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sell-out"
    rows = [["Sell-out by region and retailer"], ["Query ZSD_SELLOUT_Q3, key date 30.09.2026"], [],
            ["Region", "Retailer", "Sell-out", None], [None, None, "Units", "CAD"],
            ["US-E", "Tourneau Manhattan", 10, 12500.0], ["US-E", "Lux Bond Boston", 6, 8200.5],
            ["US-E", "Result", 16, 20700.5], [],
            ["CA-QC", "Bijoux Québec", 2, 3100.0], ["CA-QC", "Result", 2, 3100.0], [],
            [None, "Overall Result", 18, 23800.5]]
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def bw_root(tmp_path: Path) -> Path:
    write_bw_workbook(tmp_path / "bw_result_rows_and_blank_lines.xlsx")
    return tmp_path


def test_bw_workbook_leaves_out_subtotals_and_the_overall_result(bw_root):
    source = SourceDef(path="bw_result_rows_and_blank_lines.xlsx", header_row=4, header_rows=2)
    frame = read_source(source, bw_root)
    assert frame.columns.tolist() == ["Region", "Retailer", "Sell-out Units", "Sell-out CAD"]
    assert frame["Retailer"].tolist() == ["Tourneau Manhattan", "Lux Bond Boston", "Bijoux Québec"]
    assert frame.groupby("Region")["Sell-out CAD"].sum().to_dict() == {"CA-QC": 3100.0, "US-E": 20700.5}
    assert _notes(source, bw_root) == [
        "9:None: blank line(s) 9, 12 skipped",
        "8:2: totals line 'Result' left out of the data (its numbers are the sums of the rows above)",
        "11:2: totals line 'Result' left out of the data (its numbers are the sums of the rows above)",
        "13:2: totals line 'Overall Result' left out of the data (its numbers are the sums of the rows above)"]


def test_bw_title_block_read_as_header_suggests_skip_rows(bw_root):
    with pytest.raises(CellError) as info:
        read_source(SourceDef(path="bw_result_rows_and_blank_lines.xlsx"), bw_root)
    assert info.value.hint == ("line 1 looks like a title line, not a header: declare skip_rows (the lines above "
                               "the header) or header_row (the header's line)")
