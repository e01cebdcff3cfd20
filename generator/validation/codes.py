"""Check that data codes shown on slides have a label: a French deck must not show "flagship".

Table cells, chart categories and ``{{ record.column }}`` in text show a code
through the season's ``labels`` (translated like any spec text). A column whose
values are all codes (``flagship``, ``in-store``: lowercase words joined by
``-`` or ``_``) but some have no label would show them raw: a warning, an error
with ``--strict``. A label without a translation is reported with the other
missing translations.
"""

from __future__ import annotations

import re
from typing import Iterator

from jinja2 import Environment, TemplateSyntaxError, nodes

from generator.translation import is_slide_text
from generator.spec import ChartSpec, DataBinding, KeyPath, LoadedYaml, SlideSpec, TableSpec
from generator.validation.context import BRAND_ASSETS, SeasonView, walk_strings

CODE = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")
_ENV = Environment(extensions=["jinja2.ext.i18n"])
_SHOWN = 5  # codes named in one message


def check_codes(view: SeasonView) -> None:
    """Record a warning for each shown column of codes that lack a label."""
    for _, deck, doc, audience in view.decks():
        for index, slide in enumerate(deck.slides):
            for path, source, column in _shown_columns(("slides", index), slide):
                _report(view, doc, path, source, column)
        for path, text in walk_strings(doc.data):
            if path == ("title",) or path[:1] == ("slides",) and is_slide_text(path[2:]):
                for source, column in _text_columns(view, deck, path, text, audience):
                    _report(view, doc, path, source, column)


def _shown_columns(at: KeyPath, slide: SlideSpec) -> Iterator[tuple[KeyPath, str, str]]:
    """Yield (key path, source, column) of every source column a slide shows through labels."""
    parts = [(at, slide.chart, slide.table)]
    parts += [(at + (side,), block.chart, block.table) for side, block in (("left", slide.left), ("right", slide.right))
              if block is not None]
    for path, chart, table in parts:
        if table is not None:
            yield from _table_columns(path + ("table",), table)
        if chart is not None and chart.data is not None:
            yield from _chart_columns(path + ("chart",), chart)


def _table_columns(path: KeyPath, table: TableSpec) -> Iterator[tuple[KeyPath, str, str]]:
    for index, column in enumerate(table.columns):
        if column.labels and column.format == "text" and _from_source(table.data, column.column):
            yield path + ("columns", index, "column"), table.data.source, column.column


def _chart_columns(path: KeyPath, chart: ChartSpec) -> Iterator[tuple[KeyPath, str, str]]:
    keys = [("split_by", chart.split_by), ("category", chart.category)]
    if chart.x_labels and chart.x_format == "text":
        keys.insert(0, ("x", chart.x))
    for key, column in keys:
        if column and _from_source(chart.data, column):
            yield path + (key,), chart.data.source, column


def _from_source(binding: DataBinding, column: str) -> bool:
    """Return True when the binding's result column ``column`` holds the source's own values."""
    if "{" in column or column in binding.derive:
        return False
    return column in binding.group_by if binding.aggregate else True


def _text_columns(view: SeasonView, deck, path: KeyPath, text: str, audience: str) -> Iterator[tuple[str, str]]:
    """Yield (source, column) of every ``{{ record.column }}`` shown as it is in ``text``."""
    if "{{" not in text:
        return
    try:
        tree = _ENV.parse(text)
    except TemplateSyntaxError:
        return  # reported by the names check
    records = _records(view, deck, path, audience)
    for output in tree.find_all(nodes.Output):
        for node in output.nodes:
            if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name in records:
                yield records[node.node.name], node.attr


def _records(view: SeasonView, deck, path: KeyPath, audience: str) -> dict[str, str]:
    """Return record name -> source for the text at ``path`` (``retailer``, a repeat's alias)."""
    records = {"retailer": view.spec.retailers} if audience == "retailer" else {}
    if len(path) > 1 and path[0] == "slides" and isinstance(path[1], int) and path[1] < len(deck.slides):
        repeat = deck.slides[path[1]].repeat
        if repeat is not None and repeat.source != BRAND_ASSETS:
            records[repeat.as_] = repeat.source
    return records


def _report(view: SeasonView, doc: LoadedYaml, path: KeyPath, source: str, column: str) -> None:
    unlabelled = _unlabelled(view, source, column)
    if unlabelled:
        named = ", ".join(unlabelled[:_SHOWN]) + (", ..." if len(unlabelled) > _SHOWN else "")
        example = f"{unlabelled[0]}: {unlabelled[0].replace('-', ' ').replace('_', ' ').capitalize()}"
        hint = f"add them under 'labels:' in season.yaml, e.g. {example}" + _opt_out(path)
        view.add(doc.finding(path, f"column '{column}' of '{source}' shows codes without a label: {named}",
                             hint, "warning"))


def _opt_out(path: KeyPath) -> str:
    """Return how to show the codes as they are, where the spec can say so."""
    if "columns" in path:
        return "; 'labels: false' on the column shows them as they are"
    return "; 'x_labels: false' shows them as they are" if path[-1] == "x" else ""


def _unlabelled(view: SeasonView, source: str, column: str) -> list[str]:
    """Return the codes of ``column`` that have no label, when every value of it is a code."""
    if source not in view.spec.sources:
        return []
    kinds = view.columns(source)
    if not kinds or kinds.get(column) != "text":
        return []
    values = {str(v) for v in view.frame(source)[column].dropna().unique()}
    if not values or not all(CODE.match(v) for v in values):
        return []
    return sorted(values - set(view.spec.labels))
