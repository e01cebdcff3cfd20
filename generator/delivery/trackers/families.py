"""One sheet per KPI family, and the initiatives timeline (a Gantt by conditional formatting)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell as cell

from generator.delivery.trackers.sheets import FIRST_MONTH_COL, FIRST_ROW, HEADER_ROW, MonthSheet, Sheets, number, \
    quote_sheet, text
from generator.delivery.trackers.tables import TrackerData
from generator.spec.trackers import TrackerAlerts


def _below(sheet, first: tuple[int, int], last: tuple[int, int], threshold: float, style) -> None:
    """Mark numeric cells of the range under ``threshold`` (blank cells stay unmarked)."""
    top = cell(*first)
    rule = f"=AND(ISNUMBER({top}),{top}<{threshold})"
    sheet.conditional_format(*first, *last, {"type": "formula", "criteria": rule, "format": style})


def sellout_sheet(s: Sheets, data: TrackerData, title: str, as_of: str, alerts: TrackerAlerts) -> MonthSheet:
    """Write the sell-out sheet: months, total, last year, growth, phased target, attainment."""
    page = MonthSheet(s, data, s.sheet("sellout", title, as_of), "currency")
    page.header(["last_year", "growth", "target", "attainment"])
    page.rows(data.sellout)
    ly, growth, target, attainment = (page.total_col + i for i in range(1, 5))
    for index, rid in enumerate(data.retailers["retailer_id"]):
        row = FIRST_ROW + index
        number(page.sheet, row, ly, data.sellout_ly.get(rid), s.styles["currency"])
        number(page.sheet, row, target, data.target.get(rid), s.styles["currency"])
    page.region_totals(lambda row, col, region: page.sumif(row, col, region))
    for row in page.region_rows.values():
        for col in (ly, target):
            page.sheet.write_formula(row, col, page.sumif(row, col, _region_of(page, row)), s.styles["total_currency"])
    for row in page.every_row():
        style = "total_" if row in page.region_rows.values() else ""
        page.sheet.write_formula(row, page.total_col, f"=SUM({page.month_range(row)})", s.styles[f"{style}currency"])
        total, last, goal = (cell(row, c) for c in (page.total_col, ly, target))
        page.sheet.write_formula(row, growth, f'=IF(N({last})=0,"",{total}/{last}-1)', s.styles[f"{style}percent"])
        page.sheet.write_formula(row, attainment, f'=IF(N({goal})=0,"",{total}/{goal})', s.styles[f"{style}percent"])
    bottom = max(page.every_row())
    _below(page.sheet, (FIRST_ROW, growth), (bottom, growth), alerts.growth_below, s.styles["alert"])
    _below(page.sheet, (FIRST_ROW, attainment), (bottom, attainment), alerts.attainment_below, s.styles["warn"])
    page.line_chart(s.words("sellout"))
    return page


def units_sheet(s: Sheets, data: TrackerData, key: str, values: pd.DataFrame, title: str, as_of: str) -> MonthSheet:
    """Write a units sheet (sold out or sold in): months and total, region rows by SUMIF."""
    page = MonthSheet(s, data, s.sheet(key, title, as_of), "number")
    page.header([])
    page.rows(values)
    page.region_totals(lambda row, col, region: page.sumif(row, col, region))
    for row in page.every_row():
        style = "total_number" if row in page.region_rows.values() else "number"
        page.sheet.write_formula(row, page.total_col, f"=SUM({page.month_range(row)})", s.styles[style])
    return page


def sell_through_sheet(s: Sheets, data: TrackerData, out: MonthSheet, sold_in: MonthSheet, title: str,
                       as_of: str, alerts: TrackerAlerts) -> MonthSheet:
    """Write sell-through as formulas dividing the two units sheets, cell by cell."""
    page = MonthSheet(s, data, s.sheet("sell_through", title, as_of), "percent")
    page.header([])
    ratio = lambda row, col: (f'=IF(N({quote_sheet(sold_in.sheet.name)}!{cell(row, col)})=0,"",'  # noqa: E731
                              f'{quote_sheet(out.sheet.name)}!{cell(row, col)}/{quote_sheet(sold_in.sheet.name)}!{cell(row, col)})')
    page.rows(None, lambda row, col, index: ratio(row, col))
    page.region_totals(lambda row, col, region: ratio(row, col))
    for row in page.every_row():
        style = "total_percent" if row in page.region_rows.values() else "percent"
        page.sheet.write_formula(row, page.total_col, ratio(row, page.total_col), s.styles[style])
    bottom = max(page.every_row())
    _below(page.sheet, (FIRST_ROW, FIRST_MONTH_COL), (bottom, page.total_col), alerts.sell_through_below,
           s.styles["alert"])
    return page


def stock_cover_sheet(s: Sheets, data: TrackerData, title: str, as_of: str, alerts: TrackerAlerts) -> MonthSheet:
    """Write weeks of stock cover at each month's end (values: the stock is rolled back from its snapshot)."""
    page = MonthSheet(s, data, s.sheet("stock_cover", title, as_of), "weeks")
    page.header([])
    page.rows(data.stock_cover)
    last = page.total_col - 1
    for row in range(FIRST_ROW, page.last_row + 1):  # "total" column: the latest month's cover
        page.sheet.write_formula(row, page.total_col, f"={cell(row, last)}", s.styles["total_weeks"])
    _below(page.sheet, (FIRST_ROW, FIRST_MONTH_COL), (page.last_row, page.total_col), alerts.stock_cover_below,
           s.styles["alert"])
    return page


def roi_sheet(s: Sheets, data: TrackerData, title: str, as_of: str, alerts: TrackerAlerts) -> None:
    """Write trade-marketing spend, incremental sell-out and ROI per retailer, region rows by SUMIF."""
    sheet = s.sheet("roi", title, as_of)
    for col, key in enumerate(("region", "retailer", "spend", "incremental", "roi")):
        sheet.write_string(HEADER_ROW, col, s.words(key), s.styles["header"])
    sheet.freeze_panes(FIRST_ROW, 2)
    sheet.set_column(1, 1, 30)
    sheet.set_column(2, 4, 16)
    last = FIRST_ROW + len(data.retailers) - 1
    for index, retailer in enumerate(data.retailers.itertuples(index=False)):
        row = FIRST_ROW + index
        text(sheet, row, 0, retailer.region_id, s.styles["text"])
        text(sheet, row, 1, retailer.name, s.styles["text"])
        for col, column in ((2, "spend"), (3, "incremental_sellout")):
            number(sheet, row, col, data.trade.loc[retailer.retailer_id, column], s.styles["currency"])
    rows = list(range(FIRST_ROW, last + 1))
    for offset, region in enumerate(dict.fromkeys(data.retailers["region_id"])):
        row = last + 2 + offset
        rows.append(row)
        text(sheet, row, 0, region, s.styles["total_text"])
        text(sheet, row, 1, f"{s.words('total')} {s.region_names.get(region, region)}", s.styles["total_text"])
        for col in (2, 3):
            column = "CD"[col - 2]
            sheet.write_formula(row, col, f'=SUMIF($A${FIRST_ROW + 1}:$A${last + 1},"{region}",'
                                          f'{column}${FIRST_ROW + 1}:{column}${last + 1})', s.styles["total_currency"])
    for row in rows:
        sheet.write_formula(row, 4, f'=IF(N({cell(row, 2)})=0,"",{cell(row, 3)}/{cell(row, 2)})', s.styles["number"])
    sheet.conditional_format(FIRST_ROW, 4, rows[-1], 4, {"type": "formula", "format": s.styles["alert"],
                                                         "criteria": f"=AND(ISNUMBER(E{FIRST_ROW + 1}),E{FIRST_ROW + 1}<{alerts.roi_below})"})


def initiatives_sheet(s: Sheets, plan: pd.DataFrame, labels, season_start: dt.date, season_end: dt.date,
                      title: str, as_of: str) -> None:
    """Write the initiatives timeline: one row each, a column per week, bars by conditional formatting."""
    sheet = s.sheet("initiatives", title, as_of)
    keys = ("initiative", "region", "start", "end", "owner")
    for col, key in enumerate(keys):
        sheet.write_string(HEADER_ROW, col, s.words(key), s.styles["header"])
    weeks = [season_start + dt.timedelta(days=7 * i) for i in range((season_end - season_start).days // 7 + 1)]
    first_week = len(keys)
    for offset, week in enumerate(weeks):
        sheet.write_datetime(HEADER_ROW, first_week + offset, dt.datetime.combine(week, dt.time()), s.styles["month"])
    for index, item in enumerate(plan.itertuples(index=False)):
        row = FIRST_ROW + index
        text(sheet, row, 0, item.name, s.styles["text"])
        text(sheet, row, 1, item.region_id, s.styles["text"])
        for col, day in ((2, item.start), (3, item.end)):
            sheet.write_datetime(row, col, pd.Timestamp(day).to_pydatetime(), s.styles["day"])
        text(sheet, row, 4, item.owner, s.styles["text"])
    last_row, last_col = FIRST_ROW + max(len(plan), 1) - 1, first_week + len(weeks) - 1
    top_left = cell(HEADER_ROW, first_week, row_abs=True)
    rule = f"=AND({top_left}<=$D{FIRST_ROW + 1},{top_left}+6>=$C{FIRST_ROW + 1})"
    sheet.conditional_format(FIRST_ROW, first_week, last_row, last_col,
                             {"type": "formula", "criteria": rule, "format": s.styles["bar"]})
    sheet.freeze_panes(FIRST_ROW, 1)
    sheet.set_column(0, 0, 36)
    sheet.set_column(2, 3, 12)
    sheet.set_column(4, 4, 24)
    sheet.set_column(first_week, last_col, 4)


def _region_of(page: MonthSheet, row: int) -> str:
    return next(region for region, at in page.region_rows.items() if at == row)
