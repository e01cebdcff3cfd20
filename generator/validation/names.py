"""Check that every ``{{ ... }}`` in the specs names values and filters the builder provides."""

from __future__ import annotations

import dataclasses
from typing import Iterable

from jinja2 import Environment, TemplateError, TemplateSyntaxError, meta, nodes

from generator.data import Kpis, MonthKpis
from generator.i18n import limit_problems
from generator.spec import Asset, KeyPath, LoadedYaml, Maison, RegionDef, SeasonInfo, did_you_mean
from generator.validation.context import BRAND_ASSETS, SeasonView, walk_strings

#: formatting filters kitgen adds to Jinja's own (see generator.i18n.localize)
KITGEN_FILTERS = ("number", "currency", "money", "percent", "signed_percent", "multiple", "weeks", "date", "month",
                  "the_place", "in_place", "for_place", "of_place")
EXPRESSION_KEYS = {"when", "trend", "actual"}
SCORECARD_EXPRESSIONS = {"keep", "value"}  # a scorecard column's value is an expression, a tile's a text
Scope = dict[str, frozenset[str] | None]  # name -> its fields (None: a plain value)

_ENV = Environment(extensions=["jinja2.ext.i18n"])
_ENV.filters.update({name: str for name in KITGEN_FILTERS})  # parsing only: names matter, not behaviour
_FILTERS = frozenset(_ENV.filters)
_KPI_FIELDS = frozenset(f.name for f in dataclasses.fields(Kpis))
_MONTH_KPI_FIELDS = frozenset(f.name for f in dataclasses.fields(MonthKpis))
_MONTH_FIELDS = frozenset(("start", "end", "key", "day", "previous", "next", "last_year"))  # AsOf.as_values
_ASSET_FIELDS = frozenset(Asset.model_fields) | {"path", "title", "kind_label"}
_GETTEXT: Scope = {"gettext": None, "ngettext": None, "_": None}  # used by {% trans %} blocks
_EVERY_NAME = ("season", "maison", "region", "retailer", "kpi", "region_kpi", "month_kpi", "region_month_kpi",
               "lang", "locale")


def check_names(view: SeasonView) -> None:
    """Record findings for unknown names, fields and filters in every interpolated text."""
    for _, deck, doc, audience in view.decks():
        scope = deck_scope(view, audience)
        for path, text in walk_strings(doc.data):
            _check_text(view, doc, path, text, _slide_scope(view, deck, path, scope), audience)
    for index, deck in enumerate(view.spec.decks):
        scope = deck_scope(view, deck.audience)
        for key in ("filename", "when"):
            text = getattr(deck, key)
            if text:
                _check_text(view, view.season_doc, ("decks", index, key), text, scope, deck.audience)


def deck_scope(view: SeasonView, audience: str) -> Scope:
    """Return the names deck text can use for ``audience`` (see DeckBuilder.context)."""
    scope: Scope = {"season": frozenset(SeasonInfo.model_fields) | {"label"}, "maison": frozenset(Maison.model_fields),
                    "lang": None, "locale": None, "as_of": None, "month": _MONTH_FIELDS, **_GETTEXT}
    if audience in ("region", "retailer"):
        scope.update(region=frozenset(RegionDef.model_fields), kpi=_KPI_FIELDS, region_kpi=_KPI_FIELDS,
                     month_kpi=_MONTH_KPI_FIELDS, region_month_kpi=_MONTH_KPI_FIELDS)
    if audience == "retailer":
        columns = view.columns(view.spec.retailers)
        scope["retailer"] = None if columns is None else frozenset(columns)
    return scope


def _slide_scope(view: SeasonView, deck, path: KeyPath, scope: Scope) -> Scope:
    if len(path) < 2 or path[0] != "slides" or not isinstance(path[1], int) or path[1] >= len(deck.slides):
        return scope
    slide = deck.slides[path[1]]
    repeat = slide.repeat
    if slide.scorecard is not None and len(path) > 2 and path[2] == "scorecard":
        repeat = slide.scorecard.records  # a scorecard's texts read its record, as a repeated slide's do
    if repeat is None:
        return scope
    if repeat.source == BRAND_ASSETS:
        fields: frozenset[str] | None = _ASSET_FIELDS
    else:
        columns = view.columns(repeat.source) if repeat.source in view.spec.sources else None
        fields = None if columns is None else frozenset(columns)
    return {**scope, repeat.as_: fields, f"{repeat.as_}_kpi": _KPI_FIELDS, f"{repeat.as_}_month_kpi": _MONTH_KPI_FIELDS}


def _check_text(view: SeasonView, doc: LoadedYaml, path: KeyPath, text: str, scope: Scope, audience: str) -> None:
    expression = path and (path[-1] in EXPRESSION_KEYS or ("scorecard" in path and path[-1] in SCORECARD_EXPRESSIONS))
    if not expression and "{" not in text:
        return
    try:
        tree = _ENV.parse("{{ " + text + " }}" if expression else text)
    except TemplateSyntaxError as exc:
        view.add(doc.finding(path, f"cannot read the expression in '{text}': {exc.message}",
                             "write {{ name.field | filter }}"))
        return
    for message, hint in _problems(tree, scope, audience):
        view.add(doc.finding(path, message, hint))


def text_problems(text: str, scope: Scope, audience: str) -> list[tuple[str, str | None]]:
    """Return (message, hint) for each unknown name, field or filter in the template ``text``."""
    try:
        tree = _ENV.parse(text)
    except TemplateSyntaxError as exc:
        return [(f"cannot read the data tag in '{text}': {exc.message}", "write {{ name.field | filter }}")]
    return list(_problems(tree, scope, audience))


def limits_of(text: str) -> list[str]:
    """Return the limits the template ``text`` would run into when rendered (none for a text that does not parse)."""
    try:
        return limit_problems(_ENV.parse(text))
    except TemplateSyntaxError:
        return []


def _problems(tree: nodes.Template, scope: Scope, audience: str) -> Iterable[tuple[str, str | None]]:
    for problem in limit_problems(tree):  # the build would stop on it (or, before limits, hang)
        yield problem, "loop over the data, not over big ranges"
    for node in tree.find_all(nodes.Filter):
        if node.name not in _FILTERS:
            yield f"unknown filter '{node.name}'", did_you_mean(node.name, _FILTERS) or \
                "kitgen filters: " + ", ".join(KITGEN_FILTERS)
            return
    try:
        undeclared = meta.find_undeclared_variables(tree)
    except TemplateError as exc:
        yield f"cannot read the expression: {exc.message}", None
        return
    for name in sorted(undeclared - set(scope)):
        if name in _EVERY_NAME:
            yield f"'{name}' is not available in a deck for audience '{audience}'", None
        else:
            yield f"unknown name '{name}'", did_you_mean(name, scope) or "known: " + ", ".join(sorted(scope))
    for node in tree.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name in undeclared:
            fields = scope.get(node.node.name)
            if fields is not None and node.attr not in fields:
                yield (f"'{node.node.name}' has no field '{node.attr}'",
                       did_you_mean(node.attr, fields) or "fields: " + ", ".join(sorted(fields)))
