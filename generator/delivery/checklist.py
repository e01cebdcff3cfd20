"""The retailer kit's checklist workbook: window display, POS materials and training dates.

Every label comes from the season's ``kit.checklist`` (English source strings)
and is translated through the season's catalogs; dates are formatted for the
retailer's locale.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING, Any, Iterable

from generator.i18n.localize import TextRenderer, format_day
from generator.spec.model import ChecklistSpec
from generator.writer import zip_bytes

if TYPE_CHECKING:
    from openpyxl import Workbook

HEADER_COLOR = "101B2D"
COLUMN_WIDTHS = (26, 60, 20, 8, 30)
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


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
    # imported here: openpyxl costs a build whose kits are all kept 0.05 s for nothing
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = renderer.text(spec.sheet, context)[:31]  # Excel's sheet-name limit
    sheet.append([renderer.text(spec.title, context)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([renderer.text(h, context) for h in spec.headers])
    for cell in sheet[2]:
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_COLOR)
    for row in rows:
        day = format_day(row.day, renderer.loc, "medium") if row.day else ""
        sheet.append([renderer.text(spec.sections.get(row.section, row.section), context), row.task, day, "", ""])
    _layout(sheet)
    book.properties.creator = book.properties.lastModifiedBy = str(context.get("maison", {}).get("name", ""))
    book.properties.title = renderer.text(spec.title, context)
    return _reproducible(book, modified)


def _layout(sheet) -> None:
    from openpyxl.styles import Alignment  # loaded already by checklist_workbook

    for index, width in enumerate(COLUMN_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A3"
    for row in sheet.iter_rows(min_row=3):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")


def _reproducible(book: Workbook, modified: dt.datetime) -> bytes:
    # openpyxl stamps the save time into docProps/core.xml; pin it to the season's date.
    buffer = BytesIO()
    book.save(buffer)
    archive = zipfile.ZipFile(buffer)
    members = {name: archive.read(name) for name in archive.namelist()}
    stamp = modified.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    members["docProps/core.xml"] = _CORE_DATES.sub(rb"\g<1>" + stamp + rb"\g<3>", members["docProps/core.xml"])
    return zip_bytes(members)
