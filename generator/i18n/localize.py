"""Localize stage: translate spec strings from PO catalogs and render them with
locale-aware formatting through a sandboxed template engine (never ``eval``).

Numbers, amounts, percents and dates all go through generator.formats (Babel, CLDR), so fr_CA
gets ``1 234 568 $`` and ``4,2 %`` with the right non-breaking spaces.
"""

from __future__ import annotations

import functools
import gettext
import logging
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from babel import Locale
from babel.messages.catalog import Catalog
from jinja2 import StrictUndefined, Template, TemplateError, UndefinedError, pass_context

from generator import formats
from generator.errors import LocalizeError
from generator.i18n.limits import LimitedEnvironment, render_limited, steps
from generator.i18n.places import PLACE_FILTERS, Term, english_place, place_context, source_of
from generator.i18n.po import read_catalog
from generator.spec import catalog_file

log = logging.getLogger(__name__)

#: Text kitgen itself puts on slides; translated through the same catalogs.
PROJECT_STRINGS = ("(continued)", "Total", "weeks", "vs last year", "Target", "Today", "No data", "n/a",
                   "Source: {{ source }}, as of {{ as_of | date }}", "Source: {{ source }}")
#: The render-context name of the hook a figure the data cannot give calls (it shows as "n/a", reported).
HOLE_HOOK = "__kitgen_hole__"

#: The render-context name of the lookup of a place name's forms (``{{ region.name | in_place }}``).
PLACE_HOOK = "__kitgen_place__"

#: The render-context name of the label lookup that slide text (not names or paths) passes to ``{{ }}``.
LABEL_HOOK = "__kitgen_label__"

#: Template code that carries no words of its own: ``{{ ... }}``, ``{# ... #}``,
#: whole ``{% trans %}`` blocks (translated through ngettext) and other ``{% ... %}`` tags.
_TEMPLATE_CODE = re.compile(r"\{%-?\s*trans\b.*?\{%-?\s*endtrans\s*-?%\}|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def data_context(source: str, column: str) -> str:
    """Return the msgctxt of the values of data column ``column`` of ``source``: ``source.column``."""
    return f"{source}.{column}"


def is_translatable(text: str) -> bool:
    """Return True when ``text`` has words outside its template code (``{{ x }}`` alone has none)."""
    return any(ch.isalpha() for ch in _TEMPLATE_CODE.sub("", text))


@dataclass(frozen=True)
class LocaleContext:
    """The language, CLDR locale and currency a deck is built for."""

    language: str
    locale: str
    currency: str

    @property
    def tag(self) -> str:
        """Return the BCP 47 proofing tag, e.g. ``fr-CA``."""
        return self.locale.replace("_", "-")

    @property
    def babel(self) -> Locale:
        """Return the Babel locale (an unknown locale is a LocalizeError)."""
        return formats.babel_locale(self.locale)


# ------------------------------------------------------------------ formatting
# The rules live in generator.formats; these take a LocaleContext for the stages that hold one.
def format_value(value: Any, kind: str, loc: LocaleContext, *, compact: bool = False) -> str:
    """Return ``value`` formatted as ``kind`` (number, currency, percent, multiple, weeks, date, month, text)."""
    return formats.format_value(value, kind, loc.locale, loc.currency, compact=compact)


def format_day(value: Any, loc: LocaleContext, width: str = "long") -> str:
    """Return a date formatted for the locale (``1 septembre 2026``)."""
    return formats.format_day(value, loc.locale, width)


def format_month(value: Any, loc: LocaleContext, width: str = "abbreviated") -> str:
    """Return the month name of a date (``sept.``, ``sep``, ``Sep``); ``wide`` gives full names."""
    return formats.format_month(value, loc.locale, width)


def signed_percent(value: Any, loc: LocaleContext) -> str:
    """Return a percent with an explicit sign (``+4,2 %``)."""
    return formats.signed_percent(value, loc.locale)


# ------------------------------------------------------------------ catalogs
@dataclass
class Catalogs:
    """Translations of spec strings and data text, one gettext PO catalog per language."""

    folder: Path
    #: {source: columns} whose values are translated (see :mod:`generator.i18n.data_text`)
    data_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _catalogs: dict[str, Catalog] = field(default_factory=dict)
    missing: dict[str, set[str]] = field(default_factory=dict)

    def catalog(self, language: str) -> Catalog | None:
        """Return the catalog for ``language`` (None for English, the source language)."""
        if language == "en":
            return None
        if language not in self._catalogs:
            self._catalogs[language] = self._read(language)
        return self._catalogs[language]

    def for_language(self, language: str) -> Catalog:
        """Return the catalog of ``language``, English too (HQ decks written in French have an en.po)."""
        if language not in self._catalogs:
            self._catalogs[language] = self._read(language)
        return self._catalogs[language]

    def _read(self, language: str) -> Catalog:
        path = catalog_file(self.folder, language)
        if not path.is_file():
            log.warning("no catalog %s: %s text falls back to English", path, language)
            return Catalog(locale=language)
        return read_catalog(path, language)

    def translate(self, language: str, text: str, context: str | None = None) -> str:
        """Return ``text`` (msgctxt ``context``) in ``language``; untranslated or fuzzy text falls back, recorded."""
        catalog = self.catalog(language)
        if catalog is None or not is_translatable(text):
            return text
        found = self.lookup(language, text, context)
        return text if found is None else found

    def lookup(self, language: str, text: str, context: str | None = None) -> str | None:
        """Return the translation of ``text`` (msgctxt ``context``), or None (recorded) when it has none."""
        catalog = self.catalog(language)
        message = None if catalog is None else catalog.get(text, context)
        if message is None or not message.string or message.fuzzy:
            self.missing.setdefault(language, set()).add(text if context is None else f"{text} [{context}]")
            return None
        return message.string if isinstance(message.string, str) else message.string[0]

    def where(self, language: str, text: str) -> str:
        """Return ``file:line`` of the catalog entry translating ``text`` into ``language`` (the file alone if none)."""
        message = self.for_language(language).get(text)
        path = catalog_file(self.folder, language)
        return f"{path}:{message.lineno}" if message is not None and message.lineno else str(path)

    def plural(self, language: str, singular: str, plural: str, count: Any) -> str:
        """Return the form of ``singular``/``plural`` the language uses for ``count`` (gettext ngettext)."""
        english = singular if count == 1 else plural
        catalog = self.catalog(language)
        if catalog is None:
            return english
        message = catalog.get(singular)
        forms = message.string if message is not None and isinstance(message.string, tuple) else ()
        if message is None or message.fuzzy or not all(forms):
            self.missing.setdefault(language, set()).add(singular)
            return english
        number = formats.finite_number(count)
        index = gettext.c2py(catalog.plural_expr)(int(number) if number is not None else 2)
        return forms[min(index, len(forms) - 1)]


# ------------------------------------------------------------------ rendering
class TextRenderer:
    """Translate then render spec strings for one locale in a Jinja sandbox."""

    def __init__(self, loc: LocaleContext, catalogs: Catalogs, labels: Mapping[str, str] | None = None):
        self.loc = loc
        self.catalogs = catalogs
        self.labels = dict(labels or {})  # data code -> English label (season.yaml 'labels')
        self.env = _environment(loc)
        self.where = ""  # which slide is being rendered (set by the resolve stage), for the holes' report
        self.holes: list[tuple[str, str]] = []  # (where, spec text) of each text that showed "n/a" for a figure

    def text(self, source: str, context: dict[str, Any]) -> str:
        """Return ``source`` translated, its ``{{ ... }}`` filled in; a data code shows as its translated label."""
        if not source:
            return ""
        translated = self.catalogs.translate(self.loc.language, source)
        if "{" not in translated:
            return translated
        try:
            return self._render(translated, {**context, LABEL_HOOK: self.label})
        except LocalizeError as exc:
            if translated == source:  # the spec's own text: its caller names the key
                raise
            language = self.loc.language  # a translator's msgstr: name the catalog entry, wherever it is used
            raise type(exc)(f"{self.catalogs.where(language, source)}: the '{language}' translation of "
                            f"'{source}': {exc.message}") from exc

    def label(self, code: Any) -> str:
        """Return the translated label of a data code (the code itself when it has none)."""
        english = self.labels.get(str(code))
        return self.catalogs.translate(self.loc.language, english) if english else str(code)

    def term(self, source: str, context: str | None = None) -> Term:
        """Return ``source`` (msgctxt ``context``) translated, remembering its English for the place filters."""
        return Term(self.catalogs.translate(self.loc.language, source, context) if source else "", source)

    def place(self, name: Any, form: str) -> str:
        """Return the ``form`` (the, in, for, of) of a place name in this language: ``au Canada``.

        A name whose form the catalog lacks shows bare, recorded as missing: never an article guessed.
        """
        if self.loc.language == "en":
            return english_place(name, form)
        source = source_of(name)
        found = self.catalogs.lookup(self.loc.language, source, place_context(form)) if source else None
        return str(name) if found is None else found

    def interpolate(self, source: str, context: dict[str, Any]) -> str:
        """Return ``source`` with its ``{{ ... }}`` filled in, untranslated (column names, filters, paths)."""
        return self._render(source, context)

    def _render(self, source: str, context: dict[str, Any]) -> str:
        if "{" not in source:
            return source
        language = self.loc.language
        callables = {"gettext": lambda text: self.catalogs.translate(language, text),
                     "ngettext": lambda one, many, n: self.catalogs.plural(language, one, many, n),
                     HOLE_HOOK: lambda: self._hole(source), PLACE_HOOK: self.place}
        try:
            return render_limited(_template(self.loc, source), {**context, **callables})
        except UndefinedError as exc:
            raise LocalizeError(f"in '{source}': {exc.message}") from exc
        except TemplateError as exc:
            raise LocalizeError(f"in '{source}': {exc}") from exc
        except _TOO_MUCH as exc:
            raise LocalizeError(f"in '{source}': {_too_much(exc)}") from exc

    def _hole(self, source: str) -> str:
        """Return "n/a" in this language, and record that ``source`` lacked a figure where it is shown."""
        if (self.where, source) not in self.holes:
            self.holes.append((self.where, source))
        return self.word("n/a")

    def value(self, expression: str, context: dict[str, Any]) -> Any:
        """Return the value of a sandboxed expression such as ``retailer.tier == 'flagship'``."""
        try:
            with steps():
                return _expression(self.loc, expression)(**context)
        except UndefinedError as exc:
            raise LocalizeError(f"in '{expression}': {exc.message}") from exc
        except TemplateError as exc:
            raise LocalizeError(f"in '{expression}': {exc}") from exc
        except _TOO_MUCH as exc:
            raise LocalizeError(f"in '{expression}': {_too_much(exc)}") from exc

    def word(self, english: str) -> str:
        """Return one of kitgen's own words (:data:`PROJECT_STRINGS`) translated."""
        return self.catalogs.translate(self.loc.language, english)

    def datum(self, source: str, column: str, value: Any) -> Any:
        """Return a value of ``source.column`` translated when the column is declared ``translate``."""
        if not isinstance(value, str) or column not in self.catalogs.data_columns.get(source, ()):
            return value
        return self.catalogs.translate(self.loc.language, value, data_context(source, column))

    def data_record(self, source: str, record: dict[str, Any]) -> dict[str, Any]:
        """Return ``record`` of ``source`` with the values of its translated columns translated."""
        columns = [c for c in self.catalogs.data_columns.get(source, ()) if c in record]
        if not columns or self.loc.language == "en":
            return record
        return {**record, **{c: self.datum(source, c, record[c]) for c in columns}}

    def data_frame(self, source: str, frame: Any) -> Any:
        """Return a copy of the DataFrame ``frame`` of ``source`` with its translated columns translated."""
        columns = [c for c in self.catalogs.data_columns.get(source, ()) if c in frame.columns]
        if not columns or self.loc.language == "en":
            return frame
        return frame.assign(**{c: self._data_column(source, c, frame[c]) for c in columns})

    def _data_column(self, source: str, column: str, values: Any) -> list[Any]:
        done: dict[Any, Any] = {}  # a column repeats few distinct values: each is looked up once
        return [done[v] if v in done else done.setdefault(v, self.datum(source, column, v)) for v in values]


#: what a text asking too much of Python (not of the sandbox's limits) ends in
_TOO_MUCH = (OverflowError, MemoryError, RecursionError)


def _too_much(exc: BaseException) -> str:
    """Return the message of a text that asked for too big a number, too much memory or too deep a recursion."""
    what = {MemoryError: "too much memory", RecursionError: "too deep a recursion"}.get(type(exc), "too big a number")
    return f"the text asks for {what}"


@functools.lru_cache(maxsize=4096)  # the same spec strings render in every deck: compile them once
def _template(loc: LocaleContext, source: str) -> Template:
    return _environment(loc).from_string(source)


@functools.lru_cache(maxsize=1024)
def _expression(loc: LocaleContext, expression: str) -> Callable[..., Any]:
    return _environment(loc).compile_expression(expression, undefined_to_none=False)


@pass_context
def _shown(context: Any, value: Any) -> Any:
    """Return what ``{{ value }}`` shows: a data code in slide text shows as its label (interpolated names do not).

    A figure the data cannot give (None, NaN, inf) shows as "n/a" and is reported, never as a hole or "None".
    """
    if _missing(value):
        return _na(context)
    label = context.get(LABEL_HOOK)
    return label(value) if label is not None and isinstance(value, str) else value


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value)))


def _na(context: Any) -> str:
    hole = context.get(HOLE_HOOK)
    return hole() if hole is not None else "n/a"


def _place_filter(form: str) -> Callable[..., str]:
    """Return the filter giving the ``form`` of a place name (the catalogs come with the render context)."""
    @pass_context
    def place(context: Any, value: Any) -> str:
        if _missing(value):
            return _na(context)
        hook = context.get(PLACE_HOOK)
        return hook(value, form) if hook is not None else english_place(value, form)
    return place


def _figure_filter(format_figure: Callable[..., str]) -> Callable[..., str]:
    """Return a filter that formats a figure, or gives "n/a" (reported) when the data cannot give it."""
    @pass_context
    def shown(context: Any, value: Any, *args: Any, **kwargs: Any) -> str:
        return _na(context) if _missing(value) else format_figure(value, *args, **kwargs)
    return shown


@functools.lru_cache(maxsize=None)
def _environment(loc: LocaleContext) -> LimitedEnvironment:
    # jinja2.ext.i18n gives specs {% trans count=n %}...{% pluralize %}...{% endtrans %}; its gettext and
    # ngettext come from the render context so one cached environment serves every set of catalogs.
    env = LimitedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False,
                               extensions=["jinja2.ext.i18n"], finalize=_shown)
    env.filters.update({name: _figure_filter(figure) for name, figure in {
        "number": lambda v: format_value(v, "number", loc),
        "currency": lambda v, compact=False: format_value(v, "currency", loc, compact=compact),
        "money": lambda v: format_value(v, "currency", loc, compact=True),
        "percent": lambda v: format_value(v, "percent", loc),
        "signed_percent": lambda v: signed_percent(v, loc),
        "multiple": lambda v: format_value(v, "multiple", loc),
        "weeks": lambda v: format_value(v, "weeks", loc)}.items()})
    env.filters.update({
        "date": lambda v, width="long": format_day(v, loc, width),
        "month": lambda v, width="wide": format_month(v, loc, width),
    })
    env.filters.update({name: _place_filter(form) for name, form in PLACE_FILTERS.items()})
    return env
