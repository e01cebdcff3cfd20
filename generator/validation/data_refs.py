"""Cross-check every data binding of the deck specs against the data it reads."""

from __future__ import annotations

from typing import Any

from generator.data import DERIVED_MEASURES, JOIN_COLUMNS
from generator.spec import ChartSpec, DataBinding, KeyPath, LoadedYaml, Repeat, SlideSpec, TableSpec, did_you_mean
from generator.validation.codes import CODE
from generator.validation.context import BRAND_ASSETS, SeasonView

NUMERIC_AGGREGATES = {"sum", "mean"}
CHART_COLUMNS = ("x", "split_by", "label", "start", "end", "category", "opening_column")
TEXT_HINT = "add it to sources.{source}.translate, or to keep to show it as written"


def check_data_refs(view: SeasonView) -> None:
    """Record findings for unknown sources, columns, filter values and measures in every deck."""
    for _, deck, doc, _ in view.decks():
        for index, slide in enumerate(deck.slides):
            _slide(view, doc, ("slides", index), slide)


def _slide(view: SeasonView, doc: LoadedYaml, path: KeyPath, slide: SlideSpec) -> None:
    if slide.repeat is not None:
        _repeat(view, doc, path + ("repeat",), slide.repeat)
    _content(view, doc, path, slide.chart, slide.table)
    for side in ("left", "right"):
        block = getattr(slide, side)
        if block is not None:
            _content(view, doc, path + (side,), block.chart, block.table)


def _content(view: SeasonView, doc: LoadedYaml, path: KeyPath, chart: ChartSpec | None,
             table: TableSpec | None) -> None:
    if chart is not None and chart.data is not None:
        result = _binding(view, doc, path + ("chart", "data"), chart.data)
        if result is not None:
            _chart_columns(view, doc, path + ("chart",), chart, result)
            for key, column in [("label", chart.label)] + ([("x", chart.x)] if chart.x_format == "text" else []):
                _shown_text(view, doc, path + ("chart", key), chart.data.source, column)
    if table is not None:
        result = _binding(view, doc, path + ("table", "data"), table.data)
        if result is not None:
            for index, column in enumerate(table.columns):
                at = path + ("table", "columns", index, "column")
                if _column(view, doc, at, column.column, result) and column.format == "text":
                    _shown_text(view, doc, at, table.data.source, column.column)


def _shown_text(view: SeasonView, doc: LoadedYaml, path: KeyPath, source: str, column: str | None) -> None:
    """Warn when readers of a translated deck see a text column its source declares neither translate nor keep.

    A column of codes (``in-store``) shows through ``labels`` instead: :mod:`generator.validation.codes` checks it.
    """
    if not column or "{" in column or not _translated_season(view):
        return
    declared = view.spec.sources[source]
    joined = source != view.spec.retailers and column in JOIN_COLUMNS.values()  # the retailers' own columns
    if joined or column in (*declared.translate, *declared.keep) or (view.columns(source) or {}).get(column) != "text":
        return
    frame = view.frame(source)
    if frame is not None and all(CODE.match(str(v)) for v in frame[column].dropna().unique()):
        return
    view.add(doc.finding(path, f"text column '{column}' of source '{source}' is shown in every language "
                         "but declared neither translate nor keep", TEXT_HINT.format(source=source), "warning"))


def _translated_season(view: SeasonView) -> bool:
    return any(language != "en" for region in view.spec.regions for language in region.languages)


def _source_columns(view: SeasonView, doc: LoadedYaml, path: KeyPath, source: str) -> dict[str, str] | None:
    if source not in view.spec.sources:
        hint = did_you_mean(source, view.spec.sources) or "defined: " + ", ".join(sorted(view.spec.sources))
        view.add(doc.finding(path, f"unknown data source '{source}'", hint))
        return None
    return view.columns(source)


def _binding(view: SeasonView, doc: LoadedYaml, path: KeyPath, binding: DataBinding) -> list[str] | None:
    """Check ``binding``; return the columns its result has (None when the source is unusable)."""
    columns = _source_columns(view, doc, path + ("source",), binding.source)
    if columns is None:
        return None
    before = len(view.findings)
    _filters(view, doc, path + ("filter",), binding.source, binding.filter, columns)
    if binding.period and not view.spec.sources[binding.source].date_column:
        view.add(doc.finding(path + ("period",), f"source '{binding.source}' has no date_column to filter by period",
                             f"add date_column to sources.{binding.source}"))
    for index, column in enumerate(binding.group_by):
        _column(view, doc, path + ("group_by", index), column, columns)
    for column, how in binding.aggregate.items():
        if _column(view, doc, path + ("aggregate", column), column, columns) and how in NUMERIC_AGGREGATES \
                and columns[column] != "number":
            view.add(doc.finding(path + ("aggregate", column), f"column '{column}' holds {columns[column]}, "
                                 f"'{how}' needs numbers", "declare the column's dtype or use count"))
    for column, measure in binding.derive.items():
        if measure not in DERIVED_MEASURES:
            view.add(doc.finding(path + ("derive", column), f"unknown derived measure '{measure}'",
                                 did_you_mean(measure, DERIVED_MEASURES) or "known: " + ", ".join(DERIVED_MEASURES)))
    result = _result_columns(binding, list(columns))
    for column in binding.where:
        _column(view, doc, path + ("where", column), column, result)
    for index, key in enumerate(binding.sort):
        _column(view, doc, path + ("sort", index), key.by, result)
    return result if len(view.findings) == before else None  # one mistake, one message


def _result_columns(binding: DataBinding, columns: list[str]) -> list[str]:
    if binding.aggregate:
        columns = [*binding.group_by, *binding.aggregate]
        if binding.compare_last_year:
            columns += [f"{c}_ly" for c in binding.aggregate]
    return [*columns, *binding.derive]


def _filters(view: SeasonView, doc: LoadedYaml, path: KeyPath, source: str, filters: dict[str, Any],
             columns: dict[str, str]) -> None:
    for column, wanted in filters.items():
        if not _column(view, doc, path + (column,), column, columns):
            continue
        values = wanted if isinstance(wanted, list) else [wanted]
        for index, value in enumerate(values):
            where = path + (column, index) if isinstance(wanted, list) else path + (column,)
            _filter_value(view, doc, where, source, column, value)


def _filter_value(view: SeasonView, doc: LoadedYaml, path: KeyPath, source: str, column: str, value: Any) -> None:
    if isinstance(value, str) and "{" in value:
        return  # interpolated per deck; names are checked separately
    frame = view.frame(source)
    if frame is None:
        return
    present = set(frame[column].dropna().astype(str))
    if present and str(value) not in present:
        hint = did_you_mean(str(value), present) or _some(present)
        view.add(doc.finding(path, f"no row of '{source}' has {column} '{value}'", hint))


def _some(values: set[str]) -> str:
    shown = sorted(values)[:8]
    return "values: " + ", ".join(shown) + (", ..." if len(values) > 8 else "")


def _column(view: SeasonView, doc: LoadedYaml, path: KeyPath, column: str, columns) -> bool:
    """Return True when ``column`` exists (templated names are checked per deck, not here)."""
    if "{" in column or column in columns:
        return True
    hint = did_you_mean(column, [str(c) for c in columns]) or _some({str(c) for c in columns})
    view.add(doc.finding(path, f"unknown column '{column}'", hint))
    return False


def _chart_columns(view: SeasonView, doc: LoadedYaml, path: KeyPath, chart: ChartSpec, result: list[str]) -> None:
    for name in CHART_COLUMNS:
        value = getattr(chart, name)
        if value:
            _column(view, doc, path + (name,), value, result)
    for index, series in enumerate(chart.series):
        _column(view, doc, path + ("series", index, "column"), series.column, result)


def _repeat(view: SeasonView, doc: LoadedYaml, path: KeyPath, repeat: Repeat) -> None:
    if repeat.source == BRAND_ASSETS:
        return
    columns = _source_columns(view, doc, path + ("source",), repeat.source)
    if columns is None:
        return
    _filters(view, doc, path + ("filter",), repeat.source, repeat.filter, columns)
    for index, key in enumerate(repeat.sort):
        _column(view, doc, path + ("sort", index), key.by, columns)



def check_source_texts(view: SeasonView) -> None:
    """Record findings for ``translate``/``keep`` columns a source lacks, holds as non-text, or declares twice."""
    doc = view.season_doc
    for name, source in view.spec.sources.items():
        columns = view.columns(name)
        if columns is None:
            continue  # an unreadable source is reported once, where it is read
        for key in ("translate", "keep"):
            for index, column in enumerate(getattr(source, key)):
                path = ("sources", name, key, index)
                if _column(view, doc, path, column, columns) and key == "translate" and columns[column] != "text":
                    view.add(doc.finding(path, f"column '{column}' holds {columns[column]} values: only text is "
                                         "translated", f"remove it from sources.{name}.translate"))
        for column in sorted(set(source.translate) & set(source.keep)):
            view.add(doc.finding(("sources", name, "keep", source.keep.index(column)),
                                 f"column '{column}' is declared both translate and keep", "keep it in one of the two"))
