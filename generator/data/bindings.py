"""Data stage: read the season's named sources once and answer declarative bindings.

A binding is source -> filter -> period -> group/aggregate -> derive -> where -> sort -> top-N.
Sources that carry a ``retailer_id`` gain the retailer's ``region_id`` and ``tier``
so every source can be filtered by region without repeating it in the files.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

from generator.data.conditions import apply_where
from generator.data.measures import DERIVED_MEASURES
from generator.data.periods import MONTH_PERIODS, AsOf, Window, month_end, shift_years
from generator.data.sources import read_source
from generator.errors import DataError
from generator.spec import DataBinding, SeasonSpec, did_you_mean

log = logging.getLogger(__name__)
Render = Callable[[str], str]
_NO_ROWS = np.array([], dtype=np.intp)
#: retailer columns added to every source that has a retailer_id (name in retailers -> name added)
JOIN_COLUMNS = {"region_id": "region_id", "tier": "tier", "name": "retailer_name", "city": "retailer_city"}


class DataStore:
    """The season's sources, loaded lazily once per process and queried by bindings."""

    def __init__(self, spec: SeasonSpec, root: Path):
        self.spec = spec
        self.root = root
        self._frames: dict[str, pd.DataFrame] = {}
        self._indexes: dict[tuple[str, str], dict[str, np.ndarray]] = {}
        self._arrays: dict[tuple[str, str], np.ndarray] = {}
        self._narrow: dict[tuple[str, tuple[str, ...]], pd.DataFrame] = {}
        self._answers: dict[tuple[str, str, str], pd.DataFrame] = {}
        self._row_hashes: dict[str, tuple[bytes, np.ndarray]] = {}
        self.season = Window(spec.season.start, spec.season.end)
        self._as_of: AsOf | None = None
        self._derived: dict[str, Any] = {}

    # ---------------------------------------------------------- the as-of month
    @property
    def as_of(self) -> AsOf:
        """Return the build's as-of day (default: the end of the latest month of the KPI sales source)."""
        if self._as_of is None:
            self._as_of = AsOf(month_end(self.latest_day(self.spec.kpis.sales) or self.season.end))
        return self._as_of

    def set_as_of(self, day: dt.date | None) -> AsOf:
        """Return the as-of the store now answers monthly periods for (``None``: the default)."""
        self._as_of = AsOf(day) if day is not None else None
        return self.as_of

    def latest_day(self, source: str) -> dt.date | None:
        """Return the latest day in ``source``'s date column (None: no dated rows)."""
        latest = pd.to_datetime(self.frame(source)[self._date_column(source)], errors="coerce").max()
        return None if pd.isna(latest) else latest.date()

    def derived(self, name: str, make: Callable[[], Any]) -> Any:
        """Return what ``make`` computes from the sources (not the as-of), computed once per store."""
        if name not in self._derived:
            self._derived[name] = make()
        return self._derived[name]

    # ---------------------------------------------------------- loading
    def frame(self, name: str) -> pd.DataFrame:
        """Return source ``name`` as a DataFrame (cached; callers must not mutate it)."""
        if name not in self._frames:
            if name not in self.spec.sources:
                hint = did_you_mean(name, self.spec.sources)
                raise DataError(f"unknown data source '{name}'" + (f" ({hint})" if hint else ""))
            frame = read_source(self.spec.sources[name], self.root)
            self._frames[name] = self._with_retailer_columns(name, frame)
        return self._frames[name]

    def frames(self) -> dict[str, pd.DataFrame]:
        """Return every source of the season as its typed frame (each read once), e.g. to send to build workers."""
        return {name: self.frame(name) for name in self.spec.sources}

    def preload(self, frames: dict[str, pd.DataFrame]) -> None:
        """Use ``frames`` (typed elsewhere: by a build's client) as these sources, instead of reading their files."""
        self._frames.update(frames)
        self._derived.clear()

    def _with_retailer_columns(self, name: str, frame: pd.DataFrame) -> pd.DataFrame:
        missing = {src: dst for src, dst in JOIN_COLUMNS.items() if dst not in frame.columns}
        if name == self.spec.retailers or "retailer_id" not in frame.columns or not missing:
            return frame
        retailers = self.frame(self.spec.retailers)
        lookup = retailers[["retailer_id", *[c for c in missing if c in retailers.columns]]]
        lookup = lookup.drop_duplicates("retailer_id").rename(columns=missing)
        return frame.merge(lookup, on="retailer_id", how="left")

    def rows(self, source: str, filters: dict[str, Any], render: Render = str) -> pd.DataFrame:
        """Return the rows of source ``source`` matching every filter, as :func:`filter_rows` does.

        A deck set filters the same sources by retailer or region hundreds of times, so
        each filtered column is indexed once (text value -> row positions) instead of
        converting and comparing the whole column on every query.
        """
        frame = self.frame(source)
        positions = self.positions(source, filters, render)
        return frame if positions is None else frame.iloc[positions]

    def positions(self, source: str, filters: dict[str, Any], render: Render = str) -> np.ndarray | None:
        """Return the ascending row positions of ``source`` matching every filter (None: no filter)."""
        frame = self.frame(source)
        positions: np.ndarray | None = None
        for column, wanted in filters.items():
            _require_columns(frame, [column], source)
            index = self._index(source, column)
            found = [index.get(key, _NO_ROWS) for key in _filter_keys(wanted, render)]
            # one key's positions are already ascending and unique (groupby indices)
            found = found[0] if len(found) == 1 else np.unique(np.concatenate(found)) if found else _NO_ROWS
            positions = found if positions is None else np.intersect1d(positions, found, assume_unique=True)
        return positions

    def values(self, source: str, column: str) -> np.ndarray:
        """Return ``column`` of ``source`` as a numpy array (built once; callers must not mutate it)."""
        key = (source, column)
        if key not in self._arrays:
            self._arrays[key] = self.frame(source)[column].to_numpy()
        return self._arrays[key]

    def _index(self, source: str, column: str) -> dict[str, np.ndarray]:
        """Return ``{text value: row positions}`` of ``column`` in ``source`` (built once)."""
        key = (source, column)
        if key not in self._indexes:
            text = self.frame(source)[column].astype(str)
            self._indexes[key] = {str(k): v for k, v in text.groupby(text, sort=False).indices.items()}
        return self._indexes[key]

    def row_hashes(self, name: str) -> tuple[bytes, np.ndarray]:
        """Return source ``name``'s header (column names) and a hash per row (computed once for every user).

        Deck and tracker fingerprints both hash the sources: a rebuild with nothing changed does it once.
        """
        if name not in self._row_hashes:
            frame = self.frame(name)
            self._row_hashes[name] = ("\x1f".join(map(str, frame.columns)).encode(),
                                      pd.util.hash_pandas_object(frame, index=False).to_numpy())
        return self._row_hashes[name]

    def source_files(self) -> dict[str, Path]:
        """Return every source name with its file."""
        return {name: self.root / src.path for name, src in self.spec.sources.items()}

    # ---------------------------------------------------------- querying
    def query(self, binding: DataBinding, render: Render = str) -> pd.DataFrame:
        """Return the rows ``binding`` selects, aggregated, derived, kept by ``where``, sorted and cut to top-N.

        Decks repeat the same query (a kit per language, a table every kit shows), so each
        answer is kept per binding and interpolated filter; callers get their own copy.
        """
        filters = {column: _filter_keys(wanted, render) for column, wanted in binding.filter.items()}
        operands = {column: {op: _filter_keys(v, render) for op, v in c.operators().items()}
                    for column, c in binding.where.items()}  # ``where`` operands may interpolate too
        key = (binding.model_dump_json(), repr(filters), repr(operands))
        if key not in self._answers:
            self._answers[key] = self._answer(binding, filters, render)
        return self._answers[key].copy()

    def _answer(self, binding: DataBinding, filters: dict[str, list[str]], render: Render = str) -> pd.DataFrame:
        positions = self.positions(binding.source, filters)
        window = self.window(binding.period)
        result = _aggregate(self._selected(binding, positions, window), binding)
        if binding.compare_last_year and window is not None:
            previous = _aggregate(self._selected(binding, positions, window.shifted(-1)), binding)
            result = self._add_last_year(previous, binding, result)
        result = apply_where(_derive(result, binding.derive), binding.where, binding.source, render)
        return _sort_top(result, binding)

    def _selected(self, binding: DataBinding, positions: np.ndarray | None, window: Window | None) -> pd.DataFrame:
        """Return the rows at ``positions`` falling in ``window``, with the columns the binding reads.

        Taking only the aggregated columns, once, costs far less than copying every
        column of the source for the filter and again for the period.
        """
        if window is not None:
            positions = self._in_window(binding.source, positions, window)
        frame = self._narrowed(binding)
        return frame if positions is None else frame.iloc[positions]

    def _narrowed(self, binding: DataBinding) -> pd.DataFrame:
        """Return the source with only the grouped and aggregated columns (all columns without aggregates)."""
        frame = self.frame(binding.source)
        if not binding.aggregate:
            return frame
        columns = tuple(dict.fromkeys([*binding.group_by, *binding.aggregate]))
        _require_columns(frame, list(columns), binding.source)
        key = (binding.source, columns)
        if key not in self._narrow:
            self._narrow[key] = frame[list(columns)]
        return self._narrow[key]

    def window(self, period: str | None) -> Window | None:
        """Return the date window of a named period (None: no date filter)."""
        if period in MONTH_PERIODS:
            return self.as_of.window(period, self.season)
        end = self.season.end
        year = Window(shift_years(end, -1) + dt.timedelta(days=1), end)
        return {"season": self.season, "last_season": self.season.shifted(-1),
                "year": year, "last_year": year.shifted(-1)}.get(period or "all")

    def _in_window(self, source: str, positions: np.ndarray | None, window: Window) -> np.ndarray:
        """Return the ``positions`` (None: every row) whose date falls in ``window``."""
        column = self._date_column(source)
        dates = self.values(source, column)
        if positions is None:
            positions = np.arange(len(dates))
        # numpy datetimes when the column has them, else the frame's column (pandas parses the rest)
        chosen = dates[positions] if dates.dtype.kind == "M" else self.frame(source)[column].iloc[positions]
        return positions[np.asarray(in_window(chosen, window), dtype=bool)]

    def rows_in_periods(self, source: str, periods: tuple[tuple[str, bool], ...]) -> np.ndarray | None:
        """Return the sorted row positions of ``source`` a query can see with any of ``periods``.

        Each period is ``(name, compare_last_year)``; a comparison sees the window a year
        earlier too. None when some period has no window ("all") or the source no date column.
        """
        windows = [self.window(name) for name, _ in periods]
        if not windows or None in windows or not self.spec.sources[source].date_column:
            return None
        windows += [w.shifted(-1) for w, (_, last_year) in zip(list(windows), periods) if last_year]
        return np.unique(np.concatenate([self._in_window(source, None, w) for w in windows]))

    def _date_column(self, source: str) -> str:
        column = self.spec.sources[source].date_column
        if not column:
            raise DataError(f"source '{source}' has no date_column, so 'period' cannot filter it "
                            "(add date_column: <column> to the source)")
        return column

    def _add_last_year(self, previous: pd.DataFrame, binding: DataBinding, result: pd.DataFrame) -> pd.DataFrame:
        column = self._date_column(binding.source)
        keys = list(binding.group_by)
        if column in keys:  # align last year's months on this year's
            previous[column] = previous[column] + pd.DateOffset(years=1)
        values = [c for c in previous.columns if c not in keys]
        previous = previous.rename(columns={c: f"{c}_ly" for c in values})
        if not keys:
            return pd.concat([result.reset_index(drop=True), previous.reset_index(drop=True)], axis=1)
        return result.merge(previous, on=keys, how="left")


def in_window(dates: pd.Series | np.ndarray, window: Window) -> pd.Series | np.ndarray:
    """Return the mask of ``dates`` (a datetime Series or datetime64 array) whose day falls in ``window``.

    Both ends are included.
    """
    # comparing timestamps, not ``.dt.date`` objects: same days, without a Python object per row
    return (dates >= pd.Timestamp(window.start)) & (dates < pd.Timestamp(window.end + dt.timedelta(days=1)))


def _filter_keys(wanted: Any, render: Render) -> list[str]:
    """Return a filter's wanted values as text, ``{{ }}`` interpolated."""
    values = wanted if isinstance(wanted, list) else [wanted]
    return [str(render(v)) if isinstance(v, str) and "{" in v else str(v) for v in values]


def filter_rows(frame: pd.DataFrame, filters: dict[str, Any], render: Render, source: str) -> pd.DataFrame:
    """Return the rows of ``frame`` matching every filter (values may interpolate ``{{ }}``).

    The plain statement of what :meth:`DataStore.rows` answers from its indexes; the build calls
    the store, and the tests check the store against this.
    """
    mask = pd.Series(True, index=frame.index)
    for column, wanted in filters.items():
        _require_columns(frame, [column], source)
        mask &= frame[column].astype(str).isin(_filter_keys(wanted, render))
    return frame[mask]


def _require_columns(frame: pd.DataFrame, columns: list[str], source: str) -> None:
    for column in columns:
        if column not in frame.columns:
            hint = did_you_mean(column, [str(c) for c in frame.columns])
            raise DataError(f"source '{source}' has no column '{column}'" + (f" ({hint})" if hint else ""))


def _aggregate(frame: pd.DataFrame, binding: DataBinding) -> pd.DataFrame:
    _require_columns(frame, [*binding.group_by, *binding.aggregate], binding.source)
    if not binding.aggregate:
        return frame.copy()
    if not binding.group_by:
        row = {col: _apply(frame[col], how) for col, how in binding.aggregate.items()}
        return pd.DataFrame([row])
    grouped = frame.groupby(binding.group_by, sort=True, dropna=False, observed=True)
    hows = set(binding.aggregate.values())
    if len(hows) == 1 and not set(binding.aggregate) & set(binding.group_by):  # one reduction over all columns: a single grouped call, same values as agg(**named)
        return getattr(grouped[list(binding.aggregate)], hows.pop())().reset_index()
    return grouped.agg(**{col: (col, how) for col, how in binding.aggregate.items()}).reset_index()


def _apply(series: pd.Series, how: str) -> Any:
    if how == "first":
        return series.iloc[0] if len(series) else None
    return getattr(series, how)()


def _derive(frame: pd.DataFrame, derive: dict[str, str]) -> pd.DataFrame:
    for column, measure in derive.items():
        if measure not in DERIVED_MEASURES:
            hint = did_you_mean(measure, DERIVED_MEASURES)
            raise DataError(f"unknown derived measure '{measure}'" + (f" ({hint})" if hint else ""))
        frame = frame.assign(**{column: DERIVED_MEASURES[measure](frame)})
    return frame


def _sort_top(frame: pd.DataFrame, binding: DataBinding) -> pd.DataFrame:
    if binding.sort:
        _require_columns(frame, [k.by for k in binding.sort], binding.source)
        frame = frame.sort_values([k.by for k in binding.sort], ascending=[not k.descending for k in binding.sort],
                                  kind="stable")
    if binding.top:
        frame = frame.head(binding.top)
    return frame.reset_index(drop=True)
