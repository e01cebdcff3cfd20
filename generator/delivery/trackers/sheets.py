"""Write a tracker workbook with xlsxwriter: formulas for totals and growth, alerts, charts, print setup.

Every figure from the data is a cell value; every total, growth, ratio and region subtotal is a
native Excel formula over those cells, so the workbook recalculates when a reader edits it. Each
formula is saved with the value kitgen computed for it (:class:`Page` remembers every figure it
wrote), so a reader that does not recalculate (pandas, Power BI, a mail preview, a viewer) sees
the figures Excel shows. Text from the data is always written as a string, never through
``write()`` (which would make ``=...`` a formula), and text a spreadsheet could still read as a
formula is neutralised.
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
from generator.fill import safe_chart_label

HEADER_ROW, FIRST_ROW, FIRST_MONTH_COL = 3, 4, 3  # columns: region, retailer, currency, then the months
INK, GOLD, ALERT, WARN = "#101B2D", "#B08D57", "#F4C7C3", "#FCE8B2"
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})
Figure = float | None  # a cell's value; None: blank (or "" for a formula)


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
            "header": {"bold": True, "font_color": "#FFFFFF", "bg_color": INK, "text_wrap": True, "valign": "bottom",
                       "align": "center"},
            "band": {"bold": True, "font_color": "#FFFFFF", "bg_color": INK, "num_format": formats.month,
                     "align": "left"},
            "month": {"bold": True, "font_color": "#FFFFFF", "bg_color": INK, "num_format": formats.month},
            "week": {"bold": True, "font_color": "#FFFFFF", "bg_color": INK, "num_format": "d", "align": "center"},
            "as_of_week": {"bold": True, "font_color": INK, "bg_color": GOLD, "num_format": "d", "align": "center"},
            "text": {}, "total_text": {"bold": True, "top": 1}, "wrap": {"text_wrap": True, "valign": "top"},
            "currency": {"num_format": formats.currency}, "number": {"num_format": formats.number},
            "percent": {"num_format": formats.percent}, "weeks": {"num_format": formats.weeks},
            "multiple": {"num_format": formats.multiple}, "day": {"num_format": formats.day},
            "total_currency": {"num_format": formats.currency, "bold": True, "top": 1},
            "total_number": {"num_format": formats.number, "bold": True, "top": 1},
            "total_percent": {"num_format": formats.percent, "bold": True, "top": 1},
            "total_weeks": {"num_format": formats.weeks, "bold": True, "top": 1},
            "total_multiple": {"num_format": formats.multiple, "bold": True, "top": 1},
            "alert": {"bg_color": ALERT}, "warn": {"bg_color": WARN}, "bar": {"bg_color": GOLD},
            "as_of_line": {"left": 2, "left_color": "#C0392B"},
        }.items()}
        return cls(book, words, formats, region_names, styles)

    def sheet(self, key: str, title: str, as_of: str):
        """Return a new worksheet named by the translated ``key``, with the title rows and print setup."""
        name = self.words(key).translate(_BAD_SHEET_CHARS).strip()[:31] or key
        sheet = self.book.add_worksheet(name)
        sheet.write_string(0, 0, safe_chart_label(title), self.styles["title"])
        sheet.write_string(1, 0, safe_chart_label(as_of), self.styles["text"])
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)  # one page wide, as many tall as it takes
        sheet.repeat_rows(HEADER_ROW)
        sheet.repeat_columns(0, 1)
        sheet.set_header(f"&L{_header_text(title)} – &A&R{_header_text(as_of)}")  # &A: the sheet's name
        sheet.set_footer("&C&P / &N")
        return sheet


def _header_text(title: str) -> str:
    return safe_chart_label(title).replace("&", "&&")[:200]


class Page:
    """One worksheet that remembers every figure it holds, so each formula is saved with its value."""

    def __init__(self, sheets: Sheets, sheet):
        self.sheets, self.sheet = sheets, sheet
        self.values: dict[tuple[int, int], Figure] = {}

    def text(self, row: int, col: int, value: Any, style: str = "text") -> None:
        """Write data-borne text as a string that no spreadsheet reads as a formula or a link."""
        self.sheet.write_string(row, col, safe_chart_label("" if value is None else str(value)), self.sheets.styles[style])

    def number(self, row: int, col: int, value: Any, style: str) -> None:
        """Write a figure (a blank for a missing one, never a silent zero)."""
        figure = _figure(value)
        self.values[(row, col)] = figure
        if figure is None:
            self.sheet.write_blank(row, col, None, self.sheets.styles[style])
        else:
            self.sheet.write_number(row, col, figure, self.sheets.styles[style])

    def formula(self, row: int, col: int, text: str, value: Any, style: str) -> None:
        """Write ``text`` as a formula saved with ``value`` (None: the formula gives "")."""
        figure = _figure(value)
        self.values[(row, col)] = figure
        self.sheet.write_formula(row, col, text, self.sheets.styles[style], "" if figure is None else figure)

    def value(self, row: int, col: int) -> Figure:
        """Return the figure written at (row, col) (None: blank)."""
        return self.values.get((row, col))

    def total(self, cells: list[tuple[int, int]]) -> float:
        """Return the sum of the figures at ``cells`` as a spreadsheet's SUM gives it (blanks count 0)."""
        return float(sum(self.values.get(cell) or 0.0 for cell in cells))


def _figure(value: Any) -> Figure:
    if value is None or value == "":
        return None
    number = float(value)
    return None if number != number else number


def ratio(numerator: Figure, denominator: Figure) -> Figure:
    """Return what ``IF(N(b)=0,"",a/b)`` gives, as a figure (None: "")."""
    if not denominator:
        return None
    return (numerator or 0.0) / denominator


class MonthSheet(Page):
    """A sheet with one row per retailer and a column per month, region rows and totals as formulas."""

    def __init__(self, sheets: Sheets, data: TrackerData, sheet, kind: str):
        super().__init__(sheets, sheet)
        self.data, self.kind = data, kind
        self.last_row = FIRST_ROW + len(data.retailers) - 1
        self.total_col = FIRST_MONTH_COL + len(data.months)  # the first column after the months
        self.region_rows: dict[str, int] = {}

    def header(self, extra: list[str]) -> None:
        """Write the header row: region, retailer, currency, the months (as dates), then ``extra`` columns."""
        s, sheet = self.sheets, self.sheet
        for col, key in enumerate(("region", "retailer", "currency")):  # amounts only have a currency
            sheet.write_string(HEADER_ROW, col, s.words(key) if col < 2 or self.kind == "currency" else "",
                               s.styles["header"])
        for offset, month in enumerate(self.data.months):
            sheet.write_datetime(HEADER_ROW, FIRST_MONTH_COL + offset, dt.datetime.combine(month, dt.time()),
                                 s.styles["month"])
        for offset, key in enumerate(extra):
            sheet.write_string(HEADER_ROW, self.total_col + offset, s.words(key), s.styles["header"])
        sheet.set_row(HEADER_ROW, 42)
        sheet.freeze_panes(FIRST_ROW, FIRST_MONTH_COL)
        sheet.set_column(0, 0, 8)
        sheet.set_column(1, 1, 30)
        sheet.set_column(2, 2, 9)
        sheet.set_column(FIRST_MONTH_COL, self.total_col + max(len(extra) - 1, 0), 13)

    def rows(self, values: pd.DataFrame | None, cell: Callable[[int, int], tuple[str, Figure]] | None = None) -> None:
        """Write each retailer's months: values, or the formula and value ``cell(row, col)`` gives."""
        figures = values.to_numpy(dtype=float) if values is not None else None  # read once, not cell by cell
        for index, retailer in enumerate(self.data.retailers.itertuples(index=False)):
            row = FIRST_ROW + index
            self.text(row, 0, retailer.region_id)
            self.text(row, 1, retailer.name)
            self.text(row, 2, retailer.currency if self.kind == "currency" else "")
            for offset in range(len(self.data.months)):
                col = FIRST_MONTH_COL + offset
                if cell is not None:
                    self.formula(row, col, *cell(row, col), self.kind)
                else:
                    self.number(row, col, figures[index, offset], self.kind)

    def region_totals(self, cell: Callable[[int, int, str], tuple[str | None, Figure]] | None = None) -> None:
        """Write a row per region under the retailers: each month summed, or ``cell(row, col, region)``.

        ``cell`` gives a formula and its value, or None and a figure written as a value.
        """
        cell = cell or self.sumif
        currencies = dict(zip(self.data.retailers["region_id"], self.data.retailers["currency"]))
        for offset, region in enumerate(dict.fromkeys(self.data.retailers["region_id"])):
            row = self.last_row + 2 + offset
            self.region_rows[region] = row
            self.text(row, 0, region, "total_text")
            self.text(row, 1, f"{self.sheets.words('total')} {self.sheets.region_names.get(region, region)}",
                      "total_text")
            self.text(row, 2, currencies[region] if self.kind == "currency" else "", "total_text")
            for col in range(FIRST_MONTH_COL, self.total_col):
                text, value = cell(row, col, region)
                if text is None:
                    self.number(row, col, value, f"total_{self.kind}")
                else:
                    self.formula(row, col, text, value, f"total_{self.kind}")

    def region_of(self, row: int) -> str | None:
        """Return the region whose total ``row`` is (None: a retailer row)."""
        return next((region for region, at in self.region_rows.items() if at == row), None)

    def sumif(self, row: int, col: int, region: str) -> tuple[str, Figure]:
        """Return the formula summing column ``col`` over the retailers of ``region``, and its value."""
        rows = [FIRST_ROW + i for i, r in enumerate(self.data.retailers["region_id"]) if r == region]
        return sumif_formula(col, region, self.last_row), self.total([(r, col) for r in rows])

    def every_row(self) -> list[int]:
        """Return the retailer rows and the region total rows."""
        return [*range(FIRST_ROW, self.last_row + 1), *self.region_rows.values()]

    def style(self, row: int, kind: str) -> str:
        """Return the style of a ``kind`` figure on ``row`` (bold on a region row)."""
        return f"total_{kind}" if self.region_of(row) else kind

    def month_sum(self, row: int) -> tuple[str, Figure]:
        """Return the formula summing ``row``'s months, and its value."""
        cells = [(row, col) for col in range(FIRST_MONTH_COL, self.total_col)]
        return f"=SUM({xl_rowcol_to_cell(*cells[0])}:{xl_rowcol_to_cell(*cells[-1])})", self.total(cells)

    def line_chart(self, title: str) -> None:
        """Insert a native line chart of every region total row across the months."""
        if not self.data.months or self.data.retailers["currency"].nunique() > 1:
            return  # regions in different currencies on one axis would flatten all but the largest
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


def sumif_formula(col: int, region: str, last_row: int) -> str:
    """Return the formula summing column ``col`` of the retailer rows (up to ``last_row``) whose region is ``region``."""
    column = xl_col_to_name(col)
    return (f'=SUMIF($A${FIRST_ROW + 1}:$A${last_row + 1},"{region}",'
            f'{column}${FIRST_ROW + 1}:{column}${last_row + 1})')


def quote_sheet(name: str) -> str:
    """Return a sheet name as a formula reference (quoted, quotes doubled)."""
    return "'" + name.replace("'", "''") + "'"


def _abs(row: int, col: int) -> str:
    return xl_rowcol_to_cell(row, col, row_abs=True, col_abs=True)
