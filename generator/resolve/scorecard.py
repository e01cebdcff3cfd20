"""Scorecards: records (doors, references) by KPIs in one table, each value marked against the
spec's thresholds, the thresholds written under the table.

One slide that compares the doors replaces one slide per door (the reader no longer compares
them from memory), and an alert is a mark on its value, not a slide of its own.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from generator.formats import figure_scale
from generator.formats import finite_number as _finite
from generator.i18n import format_value
from generator.resolve.content import TableContent
from generator.resolve.context import DeckContext
from generator.spec import Condition, ScoreColumn, ScorecardSpec

ALERT, GOOD = "alert", "good"
NUMERIC_FORMATS = ("number", "currency", "percent", "multiple", "weeks")


def resolve_scorecard(spec: ScorecardSpec, ctx: DeckContext, values: dict[str, Any]) -> TableContent:
    """Return the scorecard as a table: a label column, then one column per KPI, with a mark per cell."""
    rows: list[tuple[float | None, tuple[str, ...], tuple[str, ...]]] = []
    sort_index = _sort_index(spec)
    records = [(ctx.text(spec.label, record_values), [ctx.renderer.value(c.value, record_values) for c in spec.columns])
               for record_values in _records(spec, ctx, values)]
    shown = _column_formats(spec, [figures for _, figures in records], ctx)
    for label, figures in records:
        cells = tuple(show(f) for show, f in zip(shown, figures))
        marks = tuple(mark(_finite(f), c) for f, c in zip(figures, spec.columns))
        key = _finite(figures[sort_index]) if sort_index is not None else None
        rows.append((key, (label, *cells), ("", *marks)))
    if sort_index is not None:
        descending = spec.sort.startswith("-")
        present = sorted((r for r in rows if r[0] is not None), key=lambda r: r[0], reverse=descending)
        rows = present + [r for r in rows if r[0] is None]  # a door without the figure goes last, whatever the order
    header = (ctx.text(spec.label_header, values) if spec.label_header else "",
              *(ctx.text(c.label, values) for c in spec.columns))
    numeric = (False, *(c.format in NUMERIC_FORMATS for c in spec.columns))
    legend = ctx.text(spec.legend, values) if spec.legend else ""
    return TableContent(header, tuple(r[1] for r in rows), numeric, marks=tuple(r[2] for r in rows), legend=legend)


def _column_formats(spec: ScorecardSpec, figures: list[list[Any]], ctx: DeckContext) -> list[Callable[[Any], str]]:
    """Return, per column, how its figures show: amounts compact on one scale for the whole column
    ("2,96 M$" beside "0,99 M$", never a full amount that wraps in a narrow column), the rest as formatted."""
    loc = ctx.renderer.loc
    shown: list[Callable[[Any], str]] = []
    for index, column in enumerate(spec.columns):
        if column.format == "currency":
            scale = figure_scale([_finite(row[index]) for row in figures], "currency", loc.locale, loc.currency)
            shown.append(lambda value, scale=scale: scale.format(_finite(value)))
        elif column.format == "text":
            shown.append(_text)
        else:
            shown.append(lambda value, kind=column.format: format_value(_finite(value), kind, loc))
    return shown


def mark(value: float | None, column: ScoreColumn) -> str:
    """Return ``alert``, ``good`` or "" for ``value`` against the column's thresholds (alert first)."""
    if value is None:
        return ""
    if column.alert is not None and holds(value, column.alert):
        return ALERT
    if column.good is not None and holds(value, column.good):
        return GOOD
    return ""


def holds(value: float, condition: Condition) -> bool:
    """Return whether a figure meets every operator of ``condition`` (text operands never hold)."""
    tests: dict[str, Callable[[Any], bool]] = {
        "lt": lambda o: value < o, "le": lambda o: value <= o, "gt": lambda o: value > o, "ge": lambda o: value >= o,
        "eq": lambda o: value == o, "ne": lambda o: value != o, "in": lambda o: value in o,
        "between": lambda o: o[0] <= value <= o[1]}
    try:
        return all(tests[name](operand) for name, operand in condition.operators().items())
    except TypeError:
        return False


def _records(spec: ScorecardSpec, ctx: DeckContext, values: dict[str, Any]):
    """Yield the template values of each record kept: the record, its KPIs and its month's KPIs."""
    name = spec.records.as_
    for record in ctx.records(spec.records, lambda s: ctx.renderer.interpolate(s, values)):
        record_values = ctx.record_values(name, record, values)  # a repeated slide's values, one row each
        if spec.keep and not ctx.renderer.value(spec.keep, record_values):
            continue
        yield {**record_values, name: ctx.renderer.data_record(spec.records.source, record)}


def _sort_index(spec: ScorecardSpec) -> int | None:
    """Return the index of the column the rows are sorted by (the model checked that it names one)."""
    if not spec.sort:
        return None
    return [c.label for c in spec.columns].index(spec.sort.lstrip("-").strip())


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and not math.isfinite(value)) else str(value)
