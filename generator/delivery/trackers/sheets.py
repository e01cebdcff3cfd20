"""Write a tracker workbook with xlsxwriter: formulas for totals and growth, alerts, charts, a Gantt.

Every figure from the data is a cell value; every total, growth, ratio and region subtotal is a
native Excel formula over those cells, so the workbook recalculates when a reader edits it.
Text from the data is always written as a string, never through ``write()`` (which would
make ``=...`` a formula), and text a spreadsheet could still read as a formula is neutralised.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from generator.delivery.trackers.formats import NumberFormats
from generator.delivery.trackers.tables import TrackerData
from generator.fill.text import safe_chart_label
from generator.spec.trackers import TrackerDef

HEADER_ROW, FIRST_ROW, FIRST_MONTH_COL = 3, 4, 2
INK, GOLD, ALERT, WARN = "#101B2D", "#B08D57", "#F4C7C3", "#FCE8B2"
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass
class Sheets:
    """The workbook being written, with its formats and translated words."""

    book: Any
    words: Callable[[str], str]  # tracker text key -> translated text
    formats: NumberFormats
    region_names: dict[str, str]
    styles: dict[str, Any]

    @classmethod
    def open(cls, buffer: io.BytesIO, words, formats: NumberFormats, region_names: dict[str, str]) -> "Sheets":
        """Return a new in-memory workbook with the tracker's cell styles."""
        import xlsxwriter

        book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False})
        base = {"font_name": "Calibri", "font_size": 10}
        styles = {name: book.add_format({**base, **extra}) for name, extra in {
            "title": {"bold": True, "font_size": 14, "font_color": INK},
            "header": {"bold": True, "font_color": "#FFFFFF", "bg_color": INK, "text_wrap": True},
            "month": {"bold": True, "font_color": "#FFFFFF", "bg_color": INK, "num_format": formats.month},
            "text": {}, "total_text": {"bold": True, "top": 1},
            "currency": {"num_format": formats.currency}, "number": {"num_format": formats.number},
            "percent": {"num_format": formats.percent}, "weeks": {"num_format": formats.weeks},
            "day": {"num_format": formats.day},
            "total_currency": {"num_format": formats.currency, "bold": True, "top": 1},
            "total_number": {"num_format": formats.number, "bold": True, "top": 1},
            "total_percent": {"num_format": formats.percent, "bold": True, "top": 1},
            "total_weeks": {"num_format": formats.weeks, "bold": True, "top": 1},
            "alert": {"bg_color": ALERT}, "warn": {"bg_color": WARN}, "bar": {"bg_color": GOLD},
        }.items()}
        return cls(book, words, formats, region_names, styles)

    def sheet(self, key: str, title: str, as_of: str):
        """Return a new worksheet named by the translated ``key``, with the title rows written."""
        name = self.words(key).translate(_BAD_SHEET_CHARS).strip()[:31] or key
        sheet = self.book.add_worksheet(name)
        sheet.write_string(0, 0, safe_chart_label(title), self.styles["title"])
        sheet.write_string(1, 0, safe_chart_label(as_of), self.styles["text"])
        return sheet


def text(sheet, row: int, col: int, value: Any, style) -> None:
    """Write data-borne text as a string that no spreadsheet reads as a formula or a link."""
    sheet.write_string(row, col, safe_chart_label("" if value is None else str(value)), style)


def number(sheet, row: int, col: int, value: float, style) -> None:
    """Write a figure (a blank for a missing one, never a silent zero)."""
    if value is None or value != value:
        sheet.write_blank(row, col, None, style)
    else:
        sheet.write_number(row, col, float(value), style)


class MonthSheet:
    """A sheet with one row per retailer and a column per month, totals as formulas."""

    def __init__(self, sheets: Sheets, data: TrackerData, sheet, kind: str):
        self.sheets, self.data, self.sheet, self.kind = sheets, data, sheet, kind
        self.last_row = FIRST_ROW + len(data.retailers) - 1
        self.total_col = FIRST_MONTH_COL + len(data.months)
        self.region_rows: dict[str, int] = {}

    def header(self, extra: list[str]) -> None:
        """Write the header row: region, retailer, the months (as dates), Total and ``extra`` columns."""
        s, sheet = self.sheets, self.sheet
        for col, key in enumerate(("region", "retailer")):
            sheet.write_string(HEADER_ROW, col, s.words(key), s.styles["header"])
        for offset, month in enumerate(self.data.months):
            sheet.write_datetime(HEADER_ROW, FIRST_MONTH_COL + offset, dt.datetime.combine(month, dt.time()),
                                 s.styles["month"])
        for offset, key in enumerate(["total", *extra]):
            sheet.write_string(HEADER_ROW, self.total_col + offset, s.words(key), s.styles["header"])
        sheet.freeze_panes(FIRST_ROW, FIRST_MONTH_COL)
        sheet.set_column(0, 0, 8)
        sheet.set_column(1, 1, 30)
        sheet.set_column(FIRST_MONTH_COL, self.total_col + len(extra), 13)

    def rows(self, values: pd.DataFrame | None, cell: Callable[[int, int, int], str] | None = None) -> None:
        """Write each retailer's months: values, or the formula ``cell(row, col, index)`` gives."""
        s = self.sheets
        figures = values.to_numpy(dtype=float) if values is not None else None  # read once, not cell by cell
        for index, retailer in enumerate(self.data.retailers.itertuples(index=False)):
            row = FIRST_ROW + index
            text(self.sheet, row, 0, retailer.region_id, s.styles["text"])
            text(self.sheet, row, 1, retailer.name, s.styles["text"])
            for offset in range(len(self.data.months)):
                col = FIRST_MONTH_COL + offset
                if cell is not None:
                    self.sheet.write_formula(row, col, cell(row, col, index), s.styles[self.kind])
                else:
                    number(self.sheet, row, col, figures[index, offset], s.styles[self.kind])

    def region_totals(self, cell: Callable[[int, int, str], str]) -> None:
        """Write a row per region under the retailers: each month's formula from ``cell(row, col, region)``."""
        s = self.sheets
        regions = list(dict.fromkeys(self.data.retailers["region_id"]))
        for offset, region in enumerate(regions):
            row = self.last_row + 2 + offset
            self.region_rows[region] = row
            text(self.sheet, row, 0, region, s.styles["total_text"])
            text(self.sheet, row, 1, f"{s.words('total')} {s.region_names.get(region, region)}", s.styles["total_text"])
            for col in range(FIRST_MONTH_COL, self.total_col):
                self.sheet.write_formula(row, col, cell(row, col, region), s.styles[f"total_{self.kind}"])

    def sumif(self, row: int, col: int, region: str, sheet_name: str = "") -> str:
        """Return the formula summing column ``col`` of the retailers of ``region``."""
        prefix = f"{quote_sheet(sheet_name)}!" if sheet_name else ""
        regions = f"{prefix}$A${FIRST_ROW + 1}:$A${self.last_row + 1}"
        column = xl_col_to_name(col)
        return f'=SUMIF({regions},"{region}",{prefix}{column}${FIRST_ROW + 1}:{column}${self.last_row + 1})'

    def every_row(self) -> list[int]:
        """Return the retailer rows and the region total rows."""
        return [*range(FIRST_ROW, self.last_row + 1), *self.region_rows.values()]

    def month_range(self, row: int) -> str:
        """Return the range of ``row``'s month cells."""
        return f"{xl_rowcol_to_cell(row, FIRST_MONTH_COL)}:{xl_rowcol_to_cell(row, self.total_col - 1)}"

    def line_chart(self, title: str) -> None:
        """Insert a native line chart of every region total row across the months."""
        if not self.data.months:
            return
        chart = self.sheets.book.add_chart({"type": "line"})
        name = quote_sheet(self.sheet.name)
        for region, row in self.region_rows.items():
            chart.add_series({
                "name": [self.sheet.name, row, 1],
                "categories": f"={name}!{_abs(HEADER_ROW, FIRST_MONTH_COL)}:{_abs(HEADER_ROW, self.total_col - 1)}",
                "values": f"={name}!{_abs(row, FIRST_MONTH_COL)}:{_abs(row, self.total_col - 1)}",
                "marker": {"type": "circle"}})
        chart.set_title({"name": safe_chart_label(title), "name_font": {"size": 11}})
        chart.set_x_axis({"num_format": self.sheets.formats.month})
        chart.set_legend({"position": "bottom"})
        self.sheet.insert_chart(max(self.region_rows.values()) + 3, 1, chart, {"x_scale": 1.6, "y_scale": 1.1})


def quote_sheet(name: str) -> str:
    """Return a sheet name as a formula reference (quoted, quotes doubled)."""
    return "'" + name.replace("'", "''") + "'"


def _abs(row: int, col: int) -> str:
    return xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)
