"""One sheet per KPI family, and the initiatives timeline (a Gantt by conditional formatting).

Each sheet says the period of every column in its header: the months, then season to date
(the season's months up to the as-of month) beside the same months last year and the target
phased to date, then the as-of month beside the same month last year and its phased target.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from xlsxwriter.utility import xl_rowcol_to_cell as cell

from generator.data import COVER_MONTHS, WEEKS_PER_MONTH
from generator.delivery.trackers.sheets import FIRST_MONTH_COL, FIRST_ROW, HEADER_ROW, MonthSheet, Page, Sheets, \
    quote_sheet, ratio, sumif_formula
from generator.delivery.trackers.tables import TrackerData
from generator.spec import TrackerAlerts

SELLOUT_COLUMNS = ["season_to_date", "same_months_last_year", "growth_to_date", "target_to_date",
                   "attainment_to_date", "month", "month_last_year", "month_growth", "month_target", "month_attainment"]


def _below(sheet, first: tuple[int, int], last: tuple[int, int], threshold: float, style) -> None:
    """Mark numeric cells of the range under ``threshold`` (blank cells stay unmarked)."""
    top = cell(*first)
    rule = f"=AND(ISNUMBER({top}),{top}<{threshold})"
    sheet.conditional_format(*first, *last, {"type": "formula", "criteria": rule, "format": style})


def sellout_sheet(s: Sheets, data: TrackerData, title: str, as_of: str, alerts: TrackerAlerts) -> MonthSheet:
    """Write the sell-out sheet: months, season to date against last year and target, the as-of month likewise."""
    page = MonthSheet(s, data, s.sheet("sellout", title, as_of), "currency")
    page.header(SELLOUT_COLUMNS)
    page.rows(data.sellout)
    page.region_totals()
    std, std_ly, std_growth, std_target, std_att, mon, mon_ly, mon_growth, mon_target, mon_att = (
        page.total_col + i for i in range(len(SELLOUT_COLUMNS)))
    last_month = page.total_col - 1
    given = {std_ly: data.sellout_ly, std_target: data.target, mon_ly: data.sellout_month_ly.iloc[:, -1],
             mon_target: data.target_months.iloc[:, -1]}
    for col, values in given.items():
        for index, rid in enumerate(data.retailers["retailer_id"]):
            page.number(FIRST_ROW + index, col, values.get(rid), "currency")
        for region, row in page.region_rows.items():
            page.formula(row, col, *page.sumif(row, col, region), "total_currency")
    for row in page.every_row():
        page.formula(row, std, *page.month_sum(row), page.style(row, "currency"))
        page.formula(row, mon, f"={cell(row, last_month)}", page.value(row, last_month), page.style(row, "currency"))
        for out, now, before, minus in ((std_growth, std, std_ly, 1), (std_att, std, std_target, 0),
                                        (mon_growth, mon, mon_ly, 1), (mon_att, mon, mon_target, 0)):
            _ratio(page, row, out, now, before, minus)
    bottom = max(page.every_row())
    for col in (std_growth, mon_growth):
        _below(page.sheet, (FIRST_ROW, col), (bottom, col), alerts.growth_below, s.styles["alert"])
    for col in (std_att, mon_att):
        _below(page.sheet, (FIRST_ROW, col), (bottom, col), alerts.attainment_below, s.styles["warn"])
    page.line_chart(s.words("sellout"))
    return page


def _ratio(page: Page, row: int, out: int, now: int, before: int, minus: int) -> None:
    """Write ``now / before`` (less ``minus``: 1 for a growth) at ``out``, "" when ``before`` is blank or zero."""
    a, b = cell(row, now), cell(row, before)
    value = ratio(page.value(row, now), page.value(row, before))
    text = f'=IF(N({b})=0,"",{a}/{b}' + ("-1" if minus else "") + ")"
    page.formula(row, out, text, None if value is None else value - minus, page.style(row, "percent"))


def units_sheet(s: Sheets, data: TrackerData, key: str, values: pd.DataFrame, title: str, as_of: str) -> MonthSheet:
    """Write a units sheet (sold out or sold in): months and season to date, region rows by SUMIF."""
    page = MonthSheet(s, data, s.sheet(key, title, as_of), "number")
    page.header(["season_to_date"])
    page.rows(values)
    page.region_totals()
    for row in page.every_row():
        page.formula(row, page.total_col, *page.month_sum(row), page.style(row, "number"))
    return page


def sell_through_sheet(s: Sheets, data: TrackerData, out: MonthSheet, sold_in: MonthSheet, title: str,
                       as_of: str, alerts: TrackerAlerts) -> MonthSheet:
    """Write sell-through as formulas dividing the two units sheets, cell by cell (season to date last)."""
    page = MonthSheet(s, data, s.sheet("sell_through", title, as_of), "percent")
    page.header(["season_to_date"])

    def divided(row: int, col: int, region: str | None = None) -> tuple[str, float | None]:
        a = f"{quote_sheet(out.sheet.name)}!{cell(row, col)}"
        b = f"{quote_sheet(sold_in.sheet.name)}!{cell(row, col)}"
        return f'=IF(N({b})=0,"",{a}/{b})', ratio(out.value(row, col), sold_in.value(row, col))

    page.rows(None, divided)
    page.region_totals(divided)
    for row in page.every_row():
        page.formula(row, page.total_col, *divided(row, page.total_col), page.style(row, "percent"))
    bottom = max(page.every_row())
    _below(page.sheet, (FIRST_ROW, FIRST_MONTH_COL), (bottom, page.total_col), alerts.sell_through_below,
           s.styles["alert"])
    return page


def stock_cover_sheet(s: Sheets, data: TrackerData, title: str, as_of: str, alerts: TrackerAlerts) -> MonthSheet:
    """Write weeks of stock cover at each month's end, and the as-of month's units on hand and sell-out basis.

    Months are values (stock is rolled back from its snapshot); the as-of month's cover is a formula
    over the units on hand and the sell-out of the last three months it is based on.
    """
    page = MonthSheet(s, data, s.sheet("stock_cover", title, as_of), "weeks")
    page.header(["units_on_hand", "cover_basis", "cover_weeks"])
    page.rows(data.stock_cover)
    units, basis, weeks = page.total_col, page.total_col + 1, page.total_col + 2
    regions = data.retailers["region_id"]
    page.region_totals(lambda row, col, region: _region_cover(page, data, regions == region, col))
    for index, rid in enumerate(data.retailers["retailer_id"]):
        page.number(FIRST_ROW + index, units, data.stock_units.iloc[index, -1], "number")
        page.number(FIRST_ROW + index, basis, data.cover_sellout.iloc[index, -1], "number")
    for region, row in page.region_rows.items():
        for col in (units, basis):
            page.formula(row, col, *page.sumif(row, col, region), "total_number")
    per_week = COVER_MONTHS * WEEKS_PER_MONTH
    for row in page.every_row():
        a, b = cell(row, units), cell(row, basis)
        value = None if page.value(row, units) is None else ratio(page.value(row, units), (page.value(row, basis) or 0) / per_week)
        page.formula(row, weeks, f'=IF(OR(ISBLANK({a}),N({b})=0),"",{a}/({b}/({COVER_MONTHS}*52/12)))', value,
                     page.style(row, "weeks"))
    bottom = max(page.every_row())
    _below(page.sheet, (FIRST_ROW, FIRST_MONTH_COL), (bottom, page.total_col - 1), alerts.stock_cover_below,
           s.styles["alert"])
    _below(page.sheet, (FIRST_ROW, weeks), (bottom, weeks), alerts.stock_cover_below, s.styles["alert"])
    return page


def _region_cover(page: MonthSheet, data: TrackerData, members: pd.Series, col: int) -> tuple[None, float | None]:
    """Return a region's cover at a month's end as a value: its doors' units over their sell-out basis."""
    offset = col - FIRST_MONTH_COL
    units = data.stock_units.iloc[members.to_numpy(), offset]
    basis = data.cover_sellout.iloc[members.to_numpy(), offset].sum() / (COVER_MONTHS * WEEKS_PER_MONTH)
    return None, None if units.isna().all() else ratio(float(units.sum()), float(basis))


def roi_sheet(s: Sheets, data: TrackerData, title: str, as_of: str, alerts: TrackerAlerts) -> None:
    """Write trade-marketing spend, incremental sell-out and ROI of the ended activations, per retailer."""
    page = Page(s, s.sheet("roi", title, as_of))
    sheet = page.sheet
    keys = ("region", "retailer", "currency", "spend", "incremental", "roi", "running")
    for col, key in enumerate(keys):
        sheet.write_string(HEADER_ROW, col, s.words(key), s.styles["header"])
    sheet.set_row(HEADER_ROW, 42)
    sheet.freeze_panes(FIRST_ROW, 2)
    sheet.set_column(0, 0, 8)
    sheet.set_column(1, 1, 30)
    sheet.set_column(2, 2, 9)
    sheet.set_column(3, 6, 16)
    last = FIRST_ROW + len(data.retailers) - 1
    for index, retailer in enumerate(data.retailers.itertuples(index=False)):
        row = FIRST_ROW + index
        page.text(row, 0, retailer.region_id)
        page.text(row, 1, retailer.name)
        page.text(row, 2, retailer.currency)
        page.number(row, 3, data.trade.loc[retailer.retailer_id, "spend"], "currency")
        page.number(row, 4, data.trade.loc[retailer.retailer_id, "incremental_sellout"], "currency")
        page.number(row, 6, data.running.loc[retailer.retailer_id], "number")
    rows = list(range(FIRST_ROW, last + 1))
    currencies = dict(zip(data.retailers["region_id"], data.retailers["currency"]))
    for offset, region in enumerate(dict.fromkeys(data.retailers["region_id"])):
        row = last + 2 + offset
        rows.append(row)
        page.text(row, 0, region, "total_text")
        page.text(row, 1, f"{s.words('total')} {s.region_names.get(region, region)}", "total_text")
        page.text(row, 2, currencies[region], "total_text")
        members = [FIRST_ROW + i for i, r in enumerate(data.retailers["region_id"]) if r == region]
        for col, style in ((3, "total_currency"), (4, "total_currency"), (6, "total_number")):
            page.formula(row, col, sumif_formula(col, region, last), page.total([(m, col) for m in members]), style)
    for row in rows:
        style = "total_multiple" if row > last else "multiple"
        page.formula(row, 5, f'=IF(N({cell(row, 3)})=0,"",{cell(row, 4)}/{cell(row, 3)})',
                     ratio(page.value(row, 4), page.value(row, 3)), style)
    sheet.conditional_format(FIRST_ROW, 5, rows[-1], 5, {"type": "formula", "format": s.styles["alert"],
                                                         "criteria": f"=AND(ISNUMBER(F{FIRST_ROW + 1}),F{FIRST_ROW + 1}<{alerts.roi_below})"})


def initiatives_sheet(s: Sheets, plan: pd.DataFrame, season_start: dt.date, season_end: dt.date,
                      as_of_day: dt.date, title: str, as_of: str) -> None:
    """Write the initiatives timeline: one row each, a column per week under its month, the as-of week marked."""
    page = Page(s, s.sheet("initiatives", title, as_of))
    sheet = page.sheet
    keys = ("initiative", "region", "start", "end", "owner")
    for col, key in enumerate(keys):
        sheet.write_string(HEADER_ROW, col, s.words(key), s.styles["header"])
    weeks = [season_start + dt.timedelta(days=7 * i) for i in range((season_end - season_start).days // 7 + 1)]
    first_week = len(keys)
    _month_band(sheet, s, weeks, first_week)
    as_of_col = None
    for offset, week in enumerate(weeks):
        current = week <= as_of_day < week + dt.timedelta(days=7)
        as_of_col = first_week + offset if current else as_of_col
        sheet.write_datetime(HEADER_ROW, first_week + offset, dt.datetime.combine(week, dt.time()),
                             s.styles["as_of_week" if current else "week"])
    for index, item in enumerate(plan.itertuples(index=False)):
        row = FIRST_ROW + index
        page.text(row, 0, item.name)
        page.text(row, 1, item.region_id)
        for col, day in ((2, item.start), (3, item.end)):
            sheet.write_datetime(row, col, pd.Timestamp(day).to_pydatetime(), s.styles["day"])
        page.text(row, 4, item.owner)
    last_row, last_col = FIRST_ROW + max(len(plan), 1) - 1, first_week + len(weeks) - 1
    top_left = cell(HEADER_ROW, first_week, row_abs=True)
    rule = f"=AND({top_left}<=$D{FIRST_ROW + 1},{top_left}+6>=$C{FIRST_ROW + 1})"
    sheet.conditional_format(FIRST_ROW, first_week, last_row, last_col,
                             {"type": "formula", "criteria": rule, "format": s.styles["bar"]})
    if as_of_col is not None:  # the as-of line: a rule down the week the data runs to
        sheet.conditional_format(FIRST_ROW, as_of_col, last_row, as_of_col,
                                 {"type": "no_errors", "format": s.styles["as_of_line"]})
    sheet.freeze_panes(FIRST_ROW, 1)
    sheet.set_column(0, 0, 36)
    sheet.set_column(2, 3, 12)
    sheet.set_column(4, 4, 24)
    sheet.set_column(first_week, last_col, 4)


def _month_band(sheet, s: Sheets, weeks: list[dt.date], first_week: int) -> None:
    """Write each month's name above its weeks (merged), so narrow week columns never show ###."""
    start = 0
    for index in range(1, len(weeks) + 1):
        if index == len(weeks) or weeks[index].month != weeks[start].month:
            month = dt.datetime.combine(weeks[start].replace(day=1), dt.time())
            if index - 1 > start:
                sheet.merge_range(HEADER_ROW - 1, first_week + start, HEADER_ROW - 1, first_week + index - 1,
                                  "", s.styles["band"])
            sheet.write_datetime(HEADER_ROW - 1, first_week + start, month, s.styles["band"])
            start = index
