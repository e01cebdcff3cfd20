"""A tracker's "About" sheet (what each figure means, as of when, from which files) and its "Data" sheet.

The Data sheet is one Excel Table in long form (region, retailer, door, month, measure, value,
currency; headers in row 1), which Power BI's Excel connector and a pivot table load as they are.
The same rows are written as CSV beside the workbooks (:func:`data_csv`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from generator.data import TRACKER_TERMS
from generator.delivery.trackers.sheets import Page, Sheets
from generator.delivery.trackers.tables import TrackerData

DATA_COLUMNS = ("region_id", "retailer_id", "door", "month", "measure", "value", "currency")
#: measure name -> (TrackerData figure, is money)
MONTH_MEASURES = {"sellout_value": ("sellout", True), "sellout_value_same_month_last_year": ("sellout_month_ly", True),
                  "sellout_target_phased": ("target_months", True), "sellout_units": ("sellout_units", False),
                  "sellin_units": ("sellin_units", False), "units_on_hand_month_end": ("stock_units", False),
                  "stock_cover_weeks": ("stock_cover", False)}


def data_rows(data: TrackerData) -> list[tuple]:
    """Return the tracker's figures in long form: one row per retailer, month and measure (no blank values)."""
    figures = {measure: getattr(data, name).to_numpy(dtype=float) for measure, (name, _) in MONTH_MEASURES.items()}
    trade = data.trade[["spend", "incremental_sellout"]].to_numpy(dtype=float)  # each read once, not per cell
    rows = []
    for index, retailer in enumerate(data.retailers.itertuples(index=False)):
        for offset, month in enumerate(data.months):
            for measure, (_, money) in MONTH_MEASURES.items():
                value = figures[measure][index, offset]
                if value == value:  # NaN: the data cannot give it, so no row
                    rows.append((retailer.region_id, retailer.retailer_id, retailer.name, month, measure,
                                 float(value), retailer.currency if money else ""))
        if data.months:
            for column, measure in enumerate(("trade_spend_to_date", "incremental_sellout_to_date")):
                rows.append((retailer.region_id, retailer.retailer_id, retailer.name, data.months[-1], measure,
                             float(trade[index, column]), retailer.currency))
    return rows


def data_csv(data: TrackerData) -> bytes:
    """Return the long-form rows as UTF-8 CSV with ISO dates."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(DATA_COLUMNS)
    for row in data_rows(data):
        writer.writerow([*row[:3], row[3].isoformat(), row[4], repr(row[5]), row[6]])
    return buffer.getvalue().encode("utf-8")


def data_sheet(s: Sheets, data: TrackerData) -> None:
    """Write the Data sheet: one Excel Table named ``kpi_data``, headers in row 1."""
    sheet = s.book.add_worksheet(s.words("data").strip()[:31] or "Data")
    rows = data_rows(data)
    columns = [{"header": name} for name in DATA_COLUMNS]
    columns[3]["format"] = s.styles["day"]
    table = [[*row[:3], dt.datetime.combine(row[3], dt.time()), *row[4:]] for row in rows] or [[None] * 7]
    sheet.add_table(0, 0, len(table), len(DATA_COLUMNS) - 1,
                    {"name": "kpi_data", "columns": columns, "data": table, "style": "Table Style Light 9"})
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.set_column(0, 1, 11)
    sheet.set_column(2, 2, 30)
    sheet.set_column(3, 3, 12)
    sheet.set_column(4, 4, 34)
    sheet.set_column(5, 6, 14)


def about_sheet(s: Sheets, title: str, as_of_line: str, facts: list[tuple[str, str]], words) -> None:
    """Write the About sheet: the as-of day, the sources and build inputs, and every column's definition."""
    page = Page(s, s.sheet("about", title, as_of_line))
    sheet = page.sheet
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 100)
    row = 3
    lines = [*facts, ("", ""), *((words(term), words(definition)) for term, definition in TRACKER_TERMS)]
    for label, value in lines:
        page.text(row, 0, label, "total_text")
        page.text(row, 1, value, "wrap")
        sheet.set_row(row, 14 * (1 + len(value) // 95))  # a reader that does not autofit sees every line
        row += 1
