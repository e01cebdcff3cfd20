"""Turn a chart spec and its data binding into ChartContent (localized, still unsized)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from generator.charts import Series, Task, chart_kind
from generator.errors import DataError
from generator.formats import finite_number
from generator.i18n import format_day, format_month
from generator.resolve.content import ChartContent
from generator.resolve.context import DeckContext
from generator.spec import ChartSpec


def resolve_chart(spec: ChartSpec, ctx: DeckContext, values: dict[str, Any]) -> ChartContent | None:
    """Return the chart's content for the deck's language and data, read as its kind reads it.

    None when its binding gives no row: the slide shows the spec's ``when_empty`` instead.
    """
    kind = chart_kind(spec.type)
    words = _words(spec, ctx, values)
    # a kind without a PowerPoint chart type is a picture whatever the spec asks
    render = (spec.render or ctx.values.get("_render_default", "image")) if kind.native else "image"
    if kind.rules.reads == "value":
        return _value_chart(spec, ctx, values, words, render)
    frame = ctx.data(spec.data, values)
    if frame.empty:
        return None
    title = ctx.text(spec.caption, values) if spec.caption else ""
    if kind.rules.reads == "tasks":
        return ChartContent(spec.type, (), (), tasks=_tasks(spec, frame, ctx), title=title, labels=words, render=render)
    categories, series = _series(spec, frame, ctx, values)
    # a category keeps the brand's colour by its value as written (charts.chart_colors), whatever its translation
    keys = tuple(str(v) for v in frame[spec.x]) if not spec.split_by and spec.x in frame.columns else ()
    if spec.opening_column and "opening_column" in kind.rules.keys:
        categories, series = _with_opening(spec, frame, ctx, values, categories, series)
        keys = ("", *keys) if keys else ()
    reference = _reference_line(spec, ctx, values)
    if reference is not None and reference[1]:
        words = (*words, ("reference", reference[1]))
    return ChartContent(spec.type, categories, series, spec.value_format, title=title, labels=words, render=render,
                        category_keys=keys, target=None if reference is None else reference[0])


def _reference_line(spec: ChartSpec, ctx: DeckContext, values: dict[str, Any]) -> tuple[float, str] | None:
    """Return (value, label) of the chart's reference line; None without one or when its value is no figure."""
    if spec.reference is None:
        return None
    given = spec.reference.value
    number = finite_number(ctx.renderer.value(given, values) if isinstance(given, str) else given)
    if number is None:
        return None
    return number, ctx.text(spec.reference.label, values) if spec.reference.label else ""


def _words(spec: ChartSpec, ctx: DeckContext, values: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    words = {"total": ctx.text(spec.total_label, values) if spec.total_label else ctx.renderer.word("Total"),
             "target": ctx.renderer.word("Target"), "today": ctx.renderer.word("Today"),
             "no_data": ctx.renderer.word("No data")}
    return tuple(sorted(words.items()))


def _category(value: Any, spec: ChartSpec, ctx: DeckContext) -> str:
    if spec.x_format == "month":
        return format_month(value, ctx.renderer.loc)
    if spec.x_format == "date":
        return format_day(value, ctx.renderer.loc, "medium")
    return ctx.label(value) if spec.x_labels else str(value)


def _column(frame: pd.DataFrame, column: str, source: str) -> pd.Series:
    if column not in frame.columns:
        raise DataError(f"the data of source '{source}' has no column '{column}' "
                        f"(columns: {', '.join(map(str, frame.columns))})")
    return frame[column]


def _numbers(series: pd.Series) -> tuple[float | None, ...]:
    return tuple(None if pd.isna(v) else float(v) for v in pd.to_numeric(series, errors="coerce"))


def _series(spec: ChartSpec, frame: pd.DataFrame, ctx: DeckContext, values: dict[str, Any]):
    source = spec.data.source
    if spec.split_by:
        return _split_series(spec, frame, ctx)
    x = _column(frame, spec.x, source)
    categories = tuple(_category(v, spec, ctx) for v in x)
    series = tuple(Series(ctx.text(s.label, values) if s.label else s.column,
                          _numbers(_column(frame, s.column, source)), s.kind) for s in spec.series)
    return categories, series


def _split_series(spec: ChartSpec, frame: pd.DataFrame, ctx: DeckContext):
    value_column = spec.series[0].column
    for column in (spec.x, spec.split_by, value_column):
        _column(frame, column, spec.data.source)
    table = frame.pivot_table(index=spec.x, columns=spec.split_by, values=value_column, aggfunc="sum", sort=True)
    categories = tuple(_category(v, spec, ctx) for v in table.index)
    series = tuple(Series(ctx.label(name), _numbers(table[name]), key=str(name)) for name in table.columns)
    return categories, series


def _with_opening(spec: ChartSpec, frame: pd.DataFrame, ctx, values, categories, series):
    opening = float(pd.to_numeric(_column(frame, spec.opening_column, spec.data.source)).sum())
    label = ctx.text(spec.opening_label, values) if spec.opening_label else spec.opening_column
    first = series[0]
    return (label, *categories), (Series(first.name, (opening, *first.values), first.kind), *series[1:])


def _tasks(spec: ChartSpec, frame: pd.DataFrame, ctx: DeckContext) -> tuple[Task, ...]:
    source = spec.data.source
    labels, starts, ends = (_column(frame, c, source) for c in (spec.label, spec.start, spec.end))
    categories = _column(frame, spec.category, source) if spec.category else [""] * len(frame)
    return tuple(Task(str(label), _date(start), _date(end), ctx.label(cat) if cat else "")
                 for label, start, end, cat in zip(labels, starts, ends, categories))


def _date(value: Any) -> dt.date:
    return pd.Timestamp(value).date()


def _value_chart(spec: ChartSpec, ctx: DeckContext, values: dict[str, Any], words, render: str) -> ChartContent:
    """Return one value (``actual``) against a ``target``, both numbers or expressions: a bullet chart."""
    actual = ctx.renderer.value(spec.actual, values)
    target = spec.target if not isinstance(spec.target, str) else ctx.renderer.value(spec.target, values)
    title = ctx.text(spec.caption, values) if spec.caption else ""
    actual_value = None if actual is None else float(actual)
    return ChartContent(spec.type, (ctx.renderer.word("Target"),), (Series("actual", (actual_value,)),),
                        spec.value_format, target=None if target is None else float(target), title=title,
                        labels=words, render=render)
