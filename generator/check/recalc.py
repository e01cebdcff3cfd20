"""Saved values against a recalculation: what a reader sees before anything recalculates.

A workbook stores each formula with the value it last gave. Excel recalculates on
opening (when the file asks it to), but previews, mail viewers, pandas and openpyxl,
and LibreOffice with its default settings show the saved values: a formula saved with
0 shows 0 there. ``recalculation_problems`` has LibreOffice headless recalculate every
formula of a copy and compares, per sheet, each formula cell's saved value with the
recalculated one. Without LibreOffice it finds nothing.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import shutil
import signal
import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils.datetime import to_excel

from generator.check.package import DeckPackage
from generator.check.problem import Problem
from generator.check.workbook import Workbook
from generator.errors import CheckError, ToolMissingError

TIMEOUT_SECONDS = 180
RECALCULATION = "recalculation"  # the ``part`` of a problem with the recalculation itself
#: how many cells a message names before it only counts
SHOWN_CELLS = 3
#: LibreOffice's setting to recalculate every formula of an .xlsx on load (by default it keeps the saved values)
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item></oor:items>
"""
REL_TOLERANCE, ABS_TOLERANCE = 1e-9, 1e-6


def recalculation_problems(pkg: DeckPackage, data: bytes, timeout: int = TIMEOUT_SECONDS) -> list[Problem]:
    """Return per sheet the formula cells saved with a value a recalculation does not give, or that give an error.

    Empty when LibreOffice is not installed; one problem when it cannot recalculate the workbook.
    """
    try:
        recalculated = recalculate(data, timeout)
    except ToolMissingError:
        return []
    except CheckError as exc:
        return [Problem(pkg.label, RECALCULATION, exc.message)]
    parts = {sheet.name: sheet.part for sheet in Workbook(pkg).sheets.values()}
    return [Problem(pkg.label, parts.get(title, RECALCULATION), message)
            for title, message in compare(data, recalculated)]


def recalculate(data: bytes, timeout: int = TIMEOUT_SECONDS) -> bytes:
    """Return the workbook as LibreOffice saves it after recalculating every formula.

    Raises ToolMissingError without LibreOffice, CheckError when it fails or takes longer than ``timeout`` s.
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        raise ToolMissingError("LibreOffice is needed to recalculate a workbook: apt-get install -y libreoffice-calc")
    with tempfile.TemporaryDirectory(prefix="kitgen-recalc-") as work:
        folder = Path(work)
        (folder / "in").mkdir()
        (folder / "in" / "workbook.xlsx").write_bytes(data)  # a scratch copy, deleted with the folder
        profile = folder / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS)
        output = _run([soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                       "--convert-to", "xlsx", "--outdir", str(folder / "out"), str(folder / "in" / "workbook.xlsx")],
                      timeout)
        result = folder / "out" / "workbook.xlsx"
        if not result.is_file():
            detail = output.strip().splitlines() or ["no output"]
            raise CheckError(f"LibreOffice could not recalculate the workbook ({detail[-1]})")
        return result.read_bytes()


def _run(command: list[str], timeout: int) -> str:
    """Return the output of ``command``; its whole process group is killed once it ends, overruns or is interrupted."""
    # A session of its own: soffice starts oosplash and soffice.bin, which killing the first alone would leave.
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               errors="replace", start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise CheckError(f"LibreOffice did not recalculate the workbook within {timeout} s") from None
    finally:
        end_process_group(process)
    return output


def end_process_group(process: subprocess.Popen) -> None:
    """Kill what is left of the process's group (LibreOffice started in a session of its own), then reap the
    process and close its pipe."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # the group is gone already: LibreOffice exited on its own
    process.wait()
    if process.stdout:
        process.stdout.close()


def compare(saved: bytes, recalculated: bytes) -> list[tuple[str, str]]:
    """Return (sheet, message) for each sheet with formula cells whose recalculated value is an error or differs."""
    formulas = openpyxl.load_workbook(BytesIO(saved))
    values = openpyxl.load_workbook(BytesIO(saved), data_only=True)
    fresh = openpyxl.load_workbook(BytesIO(recalculated), data_only=True)
    found: list[tuple[str, str]] = []
    for sheet in formulas.worksheets:
        if sheet.title not in fresh.sheetnames:
            continue  # not a worksheet LibreOffice kept (a chartsheet): nothing to compare
        errors, differences = _sheet_differences(sheet, values[sheet.title], fresh[sheet.title])
        if errors:
            shown = "; ".join(f"{cell} ={formula} gives {error}" for cell, formula, error in errors[:SHOWN_CELLS])
            verb = "recalculates" if len(errors) == 1 else "recalculate"
            found.append((sheet.title, f"sheet '{sheet.title}': {_cells(len(errors))} {verb} to an error "
                                       f"(first: {shown})"))
        if differences:
            shown = "; ".join(f"{cell} saved {_shown(before)}, recalculates to {_shown(after)}"
                              for cell, before, after in differences[:SHOWN_CELLS])
            found.append((sheet.title, f"sheet '{sheet.title}': {_cells(len(differences))} saved with a value that "
                                       f"differs from a recalculation (first: {shown})"))
    return found


def _sheet_differences(formulas, values, fresh) -> tuple[list[tuple], list[tuple]]:
    """Return the sheet's formula cells that recalculate to an error, and those whose saved value differs."""
    errors, differences = [], []
    for row in formulas.iter_rows():
        for cell in row:
            if cell.data_type != "f":
                continue
            before, after = values[cell.coordinate].value, fresh[cell.coordinate]
            if _is_error(after):
                formula = getattr(cell.value, "text", cell.value)  # an array formula's text is an attribute
                errors.append((cell.coordinate, str(formula).lstrip("="), after.value))
            elif not _same(before, after.value):
                differences.append((cell.coordinate, before, after.value))
    return errors, differences


def _is_error(cell) -> bool:
    """Return whether a cell holds an error (LibreOffice's own codes read as text: Err:522)."""
    value = cell.value
    return cell.data_type == "e" or (isinstance(value, str) and (value in ERROR_CODES or value.startswith("Err:")))


def _same(before: object, after: object) -> bool:
    """Return whether a saved value and a recalculated one agree (numbers within rounding, '' as empty)."""
    before, after = _comparable(before), _comparable(after)
    if isinstance(before, bool) != isinstance(after, bool):
        return False  # TRUE is no 1, though Python's == says so
    if isinstance(before, float) and isinstance(after, float):
        return math.isclose(before, after, rel_tol=REL_TOLERANCE, abs_tol=ABS_TOLERANCE)
    return before == after


def _comparable(value: object) -> object:
    """Return a number as a float (dates as their serial number), an empty value as None, anything else as is."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return float(to_excel(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None if value == "" else value


def _shown(value: object) -> str:
    """Return a value as a message shows it: numbers plainly, text quoted, nothing as 'empty'."""
    value = _comparable(value)
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return f"{value:.15g}"
    text = str(value)
    return f'"{text[:40]}..."' if len(text) > 40 else f'"{text}"'


def _cells(count: int) -> str:
    return f"{count} formula cell{'s' if count != 1 else ''}"
