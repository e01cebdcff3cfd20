"""The retailer kit's checklist workbook: window display, POS materials and training dates.

Every label comes from the season's ``kit.checklist`` (English source strings)
and is translated through the season's catalogs; dates are formatted for the
retailer's locale.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import BytesIO
from typing import Any, Iterable

from generator.i18n import TextRenderer, format_day
from generator.spec import ChecklistSpec

HEADER_COLOR = "101B2D"
COLUMN_WIDTHS = (26, 60, 20, 8, 30)


@dataclass(frozen=True)
class ChecklistRow:
    """One line of the checklist: its section key, the task, and its date (or None)."""

    section: str
    task: str
    day: dt.date | None = None


@dataclass(frozen=True)
class RetailerPlan:
    """What a retailer's checklist lists: entitled assets, dated activations and training sessions."""

    assets: tuple[tuple[str, str], ...]  # (kind, English title)
    activations: tuple[dict[str, Any], ...] = ()
    trainings: tuple[dict[str, Any], ...] = ()


def checklist_rows(spec: ChecklistSpec, plan: RetailerPlan, renderer: TextRenderer,
                   context: dict[str, Any]) -> list[ChecklistRow]:
    """Return the checklist rows, translated, in section order then by date."""
    rows = [ChecklistRow(kind, renderer.text(spec.asset_task, {**context, "asset": renderer.text(title, {})}))
            for kind, title in plan.assets if kind in spec.sections]
    rows += [ChecklistRow(str(a["kind"]), renderer.text(spec.activation_task, {**context, **a}), _day(a.get("start")))
             for a in plan.activations if a.get("kind") in spec.sections]
    rows += [ChecklistRow("training", renderer.text(spec.training_task, {**context, **t}), _day(t.get("date")))
             for t in plan.trainings if "training" in spec.sections]
    rows += [ChecklistRow(section, renderer.text(task, context))
             for section, tasks in spec.tasks.items() for task in tasks]
    order = list(spec.sections)
    return sorted(rows, key=lambda r: (order.index(r.section) if r.section in order else len(order),
                                       r.day or dt.date.max, r.task))


def _day(value: Any) -> dt.date | None:
    if value is None or value != value:  # NaN/NaT compare unequal to themselves
        return None
    return value.date() if isinstance(value, dt.datetime) else value if isinstance(value, dt.date) else None


def checklist_workbook(spec: ChecklistSpec, rows: Iterable[ChecklistRow], renderer: TextRenderer,
                       context: dict[str, Any], modified: dt.datetime) -> bytes:
    """Return the checklist as .xlsx bytes, reproducible for the same input."""
    # xlsxwriter writes in memory with fixed member dates and the given creation date, so the bytes
    # depend on the content alone; it imports and writes several times faster than openpyxl did.
    import xlsxwriter

    buffer = BytesIO()
    title = renderer.text(spec.title, context)
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    author = str(context.get("maison", {}).get("name", ""))
    book.set_properties({"title": title, "author": author, "created": modified})
    sheet = book.add_worksheet(renderer.text(spec.sheet, context)[:31])  # Excel's sheet-name limit
    sheet.write_string(0, 0, title, book.add_format({"bold": True, "font_size": 14}))
    header = book.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": f"#{HEADER_COLOR}"})
    for column, text in enumerate(spec.headers):
        sheet.write_string(1, column, renderer.text(text, context), header)
    task = book.add_format({"text_wrap": True, "valign": "top"})
    for number, row in enumerate(rows, start=2):
        day = format_day(row.day, renderer.loc, "medium") if row.day else ""
        sheet.write_string(number, 0, renderer.text(spec.sections.get(row.section, row.section), context))
        sheet.write_string(number, 1, row.task, task)
        if day:
            sheet.write_string(number, 2, day)
    for column, width in enumerate(COLUMN_WIDTHS):
        sheet.set_column(column, column, width)
    sheet.freeze_panes(2, 0)
    book.close()
    return buffer.getvalue()
