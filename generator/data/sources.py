"""Read data files as their source definition declares, and say exactly where a cell is wrong.

Files come out of SAP, Power BI and Excel: cp1252 or UTF-16, byte order marks,
decimal commas, SAP's trailing minus (``1.234,56-``), two-row headers and formula
cells saved without their values. Every cell is read as text first so nothing is
guessed behind the reviewer's back (``000123`` stays an id, ``NA`` stays text),
then converted column by column; a cell that does not fit is reported with its
file, line and column.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from generator.data import source_cache
from generator.data.workbook import sheet_rows
from generator.errors import CellError, DataError, Location
from generator.data.export_rows import (Body, ReadNote, cut_text_lines, is_blank, split_rows, without_blank_rows,
                                        without_declared, without_totals)
from generator.spec import SourceDef

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_TRUE = {"true", "yes"}
_BOOL_WORDS = _TRUE | {"false", "no"}
_LEADING_ZERO = re.compile(r"^0\d")
_TRAILING_MINUS = re.compile(r"^\d[\d.,' ]*-$")
_NUMBER_LIKE = re.compile(r"^[-+]?\d[\d.,']*-?$")
_SAP_PERIOD = re.compile(r"(19|20)\d\d\.(0[1-9]|1[0-6])|(0[1-9]|1[0-2])\.(19|20)\d\d|0(0[1-9]|1[0-6])\.(19|20)\d\d")
# year.month, month.year, fiscal period.year (SAP's 012.2026), and the CALMONTH forms 202601 / 2026-01
_PERIOD_PARTS = re.compile(r"^(?:(?P<y1>\d{4})[.\-/]?(?P<m1>\d{2,3})|(?P<m2>\d{2})\.(?P<y2>\d{4})"
                           r"|(?P<m3>\d{3})\.(?P<y3>\d{4}))$")
TEXT_ONLY = {"translate", "keep"}  # source keys that say how values are shown, not how the file reads


@dataclass(frozen=True)
class RawTable:
    """Cells of a data file as text (None when blank), with the file line of every data row."""

    path: Path
    frame: pd.DataFrame
    lines: tuple[int, ...]
    excel: bool
    header_line: int = 1
    notes: tuple[ReadNote, ...] = ()

    def location(self, row: int, column: str) -> Location:
        """Return the file position of data row ``row`` (0-based) in ``column``."""
        return Location(self.path, self.lines[row], list(self.frame.columns).index(column) + 1)

    def with_body(self, body: Body) -> "RawTable":
        """Return this table holding ``body``'s rows and notes."""
        return RawTable(self.path, body.frame, body.lines, self.excel, self.header_line, body.notes)


def read_source(source: SourceDef, root: Path) -> pd.DataFrame:
    """Return the file of ``source`` read and typed as its definition declares.

    Validation and the build read the same files in one process: a file whose bytes
    and definition are unchanged is parsed once.
    """
    path = root / source.path
    if not path.is_file():
        raise DataError(f"data file not found: {path}")
    definition = source.model_dump_json(exclude=TEXT_ONLY)  # which columns are translated does not change the reading
    key = (str(path.resolve()), hashlib.sha256(path.read_bytes()).hexdigest(), definition)
    if key not in _READ_CACHE:
        while len(_READ_CACHE) >= _READ_CACHE_SIZE:
            _READ_CACHE.pop(next(iter(_READ_CACHE)))
        _READ_CACHE[key] = _cached_or_parsed(key, path, source)
    else:
        source_cache.mark_used(key)
    return _READ_CACHE[key].copy()  # callers may add columns; the cached frame stays as read


def _cached_or_parsed(key: tuple[str, str, str], path: Path, source: SourceDef) -> pd.DataFrame:
    """Return the typed table from the disk cache, or parse the file (and keep the result there)."""
    frame = source_cache.load(key)
    if frame is None:
        table = read_excel_cells(path, source) if path.suffix.lower() in EXCEL_SUFFIXES else read_csv_cells(path, source)
        table = without_export_rows(table, source)
        frame = convert(table, source)
        frame.attrs[NOTES] = table.notes
        source_cache.store(key, frame)
    return frame


NOTES = "kitgen_read_notes"  # frame.attrs key: what reading left out, kept with the cached frame
_READ_CACHE: dict[tuple[str, str, str], pd.DataFrame] = {}
_READ_CACHE_SIZE = 32


# ------------------------------------------------------------------ CSV
def read_csv_cells(path: Path, source: SourceDef) -> RawTable:
    """Return the cells of a delimited text file, decoded with the declared encoding."""
    text, cut = cut_text_lines(_decode(path, source.encoding), source.lines_above_header, source.skip_footer)
    try:
        rows = pd.read_csv(io.StringIO(text), sep=source.delimiter, header=None, dtype=str, na_filter=False,
                           skip_blank_lines=False, engine="c")
    except pd.errors.ParserError as exc:
        line = _parser_line(str(exc))
        raise CellError(Location(path, line and line + cut), None, "the rows do not have the same number of fields",
                        _fields_hint(str(exc), line, cut, source.delimiter)) from exc
    except pd.errors.EmptyDataError as exc:
        raise CellError(Location(path, cut + 1), None, "the file is empty" if not cut else "no lines after skip_rows",
                        None if not cut else "check skip_rows / header_row") from exc
    return _with_header(path, rows.values.tolist(), source, excel=False, cut=cut)


def _decode(path: Path, encoding: str) -> str:
    raw = path.read_bytes()
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return raw.decode(codec)
    except LookupError as exc:
        raise DataError(f"{path}: unknown encoding '{encoding}' (e.g. utf-8, cp1252, utf-16)") from exc
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CellError(Location(path, line), None, f"byte 0x{raw[exc.start]:02x} is not valid {encoding}",
                        "declare the file's encoding, e.g. encoding: cp1252") from exc


def _fields_hint(message: str, line: int | None, cut: int, delimiter: str) -> str:
    """Return how to fix rows of unequal length: a title block above the header, or the delimiter."""
    if line and line > 1 and re.search(r"Expected 1 fields", message):
        return f"the lines above line {line + cut} look like a title block: declare skip_rows: {line + cut - 1}"
    return f"check the delimiter '{delimiter}' and quotes"


def _parser_line(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


# ------------------------------------------------------------------ Excel
def read_excel_cells(path: Path, source: SourceDef) -> RawTable:
    """Return the cells of an Excel sheet; formula cells saved without a value are errors."""
    rows = sheet_rows(path, source.sheet, source.lines_above_header + source.header_rows)
    return _with_header(path, rows, source, excel=True)


# ------------------------------------------------------------------ headers
def _with_header(path: Path, rows: list[list], source: SourceDef, *, excel: bool, cut: int | None = None) -> RawTable:
    """Return the table below the header; ``cut``: title lines already cut from a text file (with its footer)."""
    above, footer = (source.lines_above_header, source.skip_footer) if cut is None else (0, 0)
    header, body, lines = split_rows(path, rows, above, source.header_rows, footer, offset=cut or 0)
    header_line = source.lines_above_header + source.header_rows
    names = _header_names(header)
    _check_names(path, names, header_line, header)
    cells = [[None if is_blank(c) else str(c) for c in row] for row in body]
    frame = pd.DataFrame(cells, columns=names, dtype=object)
    kept = without_blank_rows(path, frame, lines, source.blank_rows == "report")
    return RawTable(path, kept.frame, kept.lines, excel, header_line, kept.notes)


def without_export_rows(table: RawTable, source: SourceDef) -> RawTable:
    """Return ``table`` less the rows ``drop_rows`` declares and the totals lines an export adds."""
    body = Body(table.frame, table.lines, table.notes)
    body = without_declared(table.path, body, source.drop_rows, table.header_line)
    if source.totals == "drop":
        body = without_totals(table.path, body, lambda values: _parse_numbers(values, source, table.excel))
    return table.with_body(body)


def read_notes(source: SourceDef, root: Path) -> tuple[ReadNote, ...]:
    """Return what reading ``source`` left out of its data (totals lines, blank lines), located."""
    return tuple(read_source(source, root).attrs.get(NOTES, ()))


def _header_names(header: list[list]) -> list[str]:
    """Return column names; two header rows merge as 'top bottom' (merged top cells span right)."""
    if len(header) == 1:
        return [_cell(c) for c in header[0]]
    top, bottom = header
    names, current = [], ""
    for upper, lower in zip(top, bottom):
        current = _cell(upper) or current
        names.append(" ".join(p for p in (current, _cell(lower)) if p))
    return names


def _cell(value: object) -> str:
    return "" if value is None else str(value).strip()


def _check_names(path: Path, names: list[str], line: int, header: list[list]) -> None:
    seen: set[str] = set()
    for index, name in enumerate(names, start=1):
        if not name:
            raise CellError(Location(path, line, index), None, "the header cell is empty", _header_hint(header, line))
        if name in seen:
            raise CellError(Location(path, line, index), name, "the column name is used twice")
        seen.add(name)


def _header_hint(header: list[list], line: int) -> str:
    """Return how to fix an empty header cell: a title line above the header, or a two-row header."""
    filled = sum(1 for cell in header[-1] if _cell(cell))
    if filled * 2 <= len(header[-1]):
        return (f"line {line} looks like a title line, not a header: declare skip_rows "
                "(the lines above the header) or header_row (the header's line)")
    return "name every column" + ("" if len(header) > 1 else ", or declare header_rows: 2")


# ------------------------------------------------------------------ typing
def convert(table: RawTable, source: SourceDef) -> pd.DataFrame:
    """Return ``table`` with each column typed as declared (undeclared columns: numbers, flags or text)."""
    frame = table.frame.copy()
    for column, kind in source.dtypes.items():
        if column not in frame.columns:
            raise CellError(Location(table.path, table.header_line), column, "declared column is not in the file",
                            _close(column, frame.columns))
    na = set(source.na_values)
    for column in frame.columns:
        values = frame[column].where(~frame[column].isin(na), None) if na else frame[column]
        kind = source.dtypes.get(column) or ("date" if column == source.date_column else None)
        frame[column] = _typed(table, source, column, values.reset_index(drop=True), kind).values
    return frame.reset_index(drop=True)


def _close(column: str, columns) -> str | None:
    from generator.spec import did_you_mean

    return did_you_mean(column, [str(c) for c in columns])


def _typed(table: RawTable, source: SourceDef, column: str, values: pd.Series, kind: str | None) -> pd.Series:
    if kind == "str":
        return values
    if kind in ("int", "float"):
        return _numbers(table, source, column, values, kind)
    if kind == "date":
        return _dates(table, column, values)
    if kind == "period":
        return _periods(table, column, values)
    if kind == "bool":
        return _flags(table, column, values)
    return _inferred(table, source, column, values)


def _parse_numbers(values: pd.Series, source: SourceDef, excel: bool) -> pd.Series:
    text = values.astype("string").str.strip()
    if excel:
        return pd.to_numeric(text, errors="coerce")
    negative = text.str.endswith("-") if source.negative_trailing_minus else None
    if negative is not None:
        text = text.where(~negative.fillna(False), text.str[:-1])
    if source.thousands:
        grouped = re.compile(rf"^[-+]?\d{{1,3}}({re.escape(source.thousands)}\d{{3}})+({re.escape(source.decimal)}\d*)?-?$")
        misgrouped = text.str.contains(source.thousands, regex=False) & ~text.str.match(grouped)
        text = text.where(~misgrouped.fillna(False), None)  # 2026.01 is a period, not 202601
        text = text.str.replace(source.thousands, "", regex=False)
    if source.decimal != ".":
        text = text.str.replace(source.decimal, ".", regex=False)
    numbers = pd.to_numeric(text, errors="coerce")
    return numbers.where(~negative.fillna(False), -numbers) if negative is not None else numbers


def _refuse_non_finite(table: RawTable, column: str, values: pd.Series, numbers: pd.Series) -> None:
    """A number too large for a float (1e309), or inf, must not become a figure: it would print as nonsense."""
    infinite = numbers.abs() == float("inf")
    if infinite.any():
        row = int(infinite.idxmax())
        raise CellError(table.location(row, column), column, f"'{values[row]}' is not a finite number",
                        "write the figure itself, or leave the cell blank (listed in na_values) when there is none")


def _numbers(table: RawTable, source: SourceDef, column: str, values: pd.Series, kind: str) -> pd.Series:
    numbers = _parse_numbers(values, source, table.excel)
    _refuse_non_finite(table, column, values, numbers)
    bad = numbers.isna() & values.notna()
    if bad.any():
        row = int(bad.idxmax())
        raw = values[row]
        raise CellError(table.location(row, column), column, f"'{raw}' is not a number", _number_hint(raw, source))
    if kind == "int":
        if numbers.isna().any():
            row = int(numbers.isna().idxmax())
            raise CellError(table.location(row, column), column, "the cell is blank in an int column",
                            "fill it, declare the column as float, or list the blank marker in na_values")
        if not (numbers % 1 == 0).all():
            row = int((numbers % 1 != 0).idxmax())
            raise CellError(table.location(row, column), column, f"'{values[row]}' is not a whole number",
                            "declare the column as float")
        return numbers.astype("int64")
    return numbers.astype("float64")


def _number_hint(raw: str, source: SourceDef) -> str | None:
    text = raw.strip()
    if _TRAILING_MINUS.match(text) and not source.negative_trailing_minus:
        return "SAP writes negatives with a trailing minus: declare negative_trailing_minus: true"
    if "," in text and source.decimal == "." and not source.thousands:
        return "declare how the file writes numbers, e.g. decimal: ',' and thousands: '.'"
    if text.upper() in ("NA", "N/A", "#N/A", "-", "NULL", "NAN"):
        return f"if '{text}' means no value, list it in na_values"
    return None


def _dates(table: RawTable, column: str, values: pd.Series) -> pd.Series:
    dates = pd.to_datetime(values, errors="coerce", format="ISO8601")
    bad = dates.isna() & values.notna()
    if bad.any():
        row = int(bad.idxmax())
        raise CellError(table.location(row, column), column, f"'{values[row]}' is not a date",
                        "write dates as YYYY-MM-DD")
    return dates


def _periods(table: RawTable, column: str, values: pd.Series) -> pd.Series:
    """Return SAP periods (2026.01, 01.2026, 012.2026, 202601, 2026-01) as the first day of their month."""
    parts = values.astype("string").str.strip().str.extract(_PERIOD_PARTS)
    year = parts["y1"].fillna(parts["y2"]).fillna(parts["y3"])
    month = pd.to_numeric(parts["m1"].fillna(parts["m2"]).fillna(parts["m3"]), errors="coerce")
    bad = values.notna() & (year.isna() | month.isna() | ~month.between(1, 12))
    if bad.any():
        row = int(bad.idxmax())
        raise CellError(table.location(row, column), column, f"'{values[row]}' is not a period of months 1-12",
                        "write periods as 2026.01, 01.2026 or 012.2026; special periods 13-16 are not months")
    return pd.to_datetime(pd.DataFrame({"year": pd.to_numeric(year), "month": month, "day": 1}), errors="coerce")


def _flags(table: RawTable, column: str, values: pd.Series) -> pd.Series:
    lowered = values.astype("string").str.strip().str.lower()
    bad = ~lowered.isin(_BOOL_WORDS) & values.notna()
    if bad.any():
        row = int(bad.idxmax())
        raise CellError(table.location(row, column), column, f"'{values[row]}' is not true or false")
    return lowered.isin(_TRUE).astype(bool)


def _refuse_number_like(table: RawTable, source: SourceDef, column: str, values: pd.Series,
                        failed: pd.Series) -> None:
    """A numeric column whose odd cells are numbers in another notation must not turn into text."""
    odd = values[failed].astype(str).str.strip()
    if len(odd) < len(values.dropna()) and odd.str.match(_NUMBER_LIKE).all():
        row = int(failed.idxmax())
        raw = values[row]
        raise CellError(table.location(row, column), column, f"'{raw}' is not a number", _number_hint(raw, source))


def _refuse_not_a_number(table: RawTable, source: SourceDef, column: str, values: pd.Series,
                         failed: pd.Series) -> None:
    """A numeric column with 'NaN' or 'inf' text in it must not silently turn into a text column."""
    odd = values[failed].astype(str).str.strip().str.lower()
    if len(odd) < len(values.dropna()) and odd.isin(_NOT_FINITE).any():
        row = int((failed & values.astype(str).str.strip().str.lower().isin(_NOT_FINITE)).idxmax())
        raw = values[row]
        raise CellError(table.location(row, column), column, f"'{raw}' is not a number", _number_hint(raw, source))


_NOT_FINITE = {"nan", "inf", "-inf", "+inf", "infinity", "-infinity"}


def _inferred(table: RawTable, source: SourceDef, column: str, values: pd.Series) -> pd.Series:
    """Return numbers or flags when every filled cell is one; ids with leading zeros stay text."""
    filled = values.dropna()
    if filled.empty:
        return values
    text = filled.astype(str).str.strip()
    lowered = text.str.lower()
    if lowered.isin({"true", "false"}).all():
        return _flags(table, "", values)
    if text.str.match(_LEADING_ZERO).any() or text.str.fullmatch(_SAP_PERIOD).all():
        return values  # ids keep their zeros; periods (2026.01) are not numbers
    numbers = _parse_numbers(values, source, table.excel)
    _refuse_non_finite(table, column, values, numbers)
    failed = numbers.isna() & values.notna()
    if failed.any():
        _refuse_not_a_number(table, source, column, values, failed)
        _refuse_number_like(table, source, column, values, failed)
        return values
    if not numbers.isna().any() and (numbers % 1 == 0).all():
        return numbers.astype("int64")
    return numbers.astype("float64")
