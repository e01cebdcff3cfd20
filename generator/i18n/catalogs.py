"""Translator workflow on Babel's message tools: extract, update, coverage.

Every translatable spec string is a gettext message whose msgid is the exact
English source text (no msgctxt: identical strings share one translation). The
values of data columns declared ``translate`` are messages too, with the msgctxt
``source.column`` (:mod:`generator.i18n.data_text`).
Where a string is used (deck, slide, key) goes into the POT entry's locations
and automatic comments so translators see it. Plural forms are written in
specs with Jinja's ``{% trans count=n %}...{% pluralize %}...{% endtrans %}``;
their singular/plural pair is extracted as one plural message.
"""

from __future__ import annotations

import fnmatch
import io
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from jinja2 import Environment, TemplateSyntaxError
from jinja2.ext import extract_from_ast

from generator.errors import KitgenError, LocalizeError, SpecError
from generator.hq import add_hq_messages, carry_revised, hq_languages, hq_messages, revisions, template_for
from generator.i18n.data_text import data_values
from generator.i18n.localize import PROJECT_STRINGS, is_translatable
from generator.spec.loader import KeyPath, LoadedYaml, format_key, load_yaml, walk_scalars
from generator.spec.season import Season, load_season, season_file
from generator.writer import write_atomic

if TYPE_CHECKING:
    from generator.data import DataStore

log = logging.getLogger(__name__)

MessageId = str | tuple[str, str]
_PARSER = Environment(extensions=["jinja2.ext.i18n"])  # parses only: finds the {% trans %} messages
PO_WIDTH = 0  # no wrapping: one line per string keeps placeholders whole and diffs readable
KITGEN_FILE = "generator/localize.py"  # where kitgen's own words live (PROJECT_STRINGS)
TRACKER_DEFAULTS_FILE = "generator/spec/trackers.py"  # the tracker texts' defaults

_BLOCK_TEXT = ("heading", "bullets[]", "chart.caption", "chart.series[].label")
#: Slide keys holding text, as paths relative to the slide with list indices written ``[]``.
SLIDE_TEXT = frozenset({
    "title", "subtitle", "notes", "caption", "bullets[]",
    "kpis[].label", "kpis[].value", "kpis[].delta", "kpis[].note",
    "chart.caption", "chart.opening_label", "chart.total_label", "chart.series[].label",
    "table.columns[].label",
    *(f"{side}.{key}" for side in ("left", "right") for key in _BLOCK_TEXT),
})
#: Retailer kit keys holding text (``#`` stands for a list index); the rest name sources or columns.
KIT_TEXT = ("kit.checklist.title", "kit.checklist.sheet", "kit.checklist.headers.#", "kit.checklist.sections.*",
            "kit.checklist.tasks.*.#", "kit.checklist.*_task", "kit.index.*")


@dataclass(frozen=True)
class SpecText:
    """One translatable message found in a source file."""

    msgid: MessageId
    file: str
    line: int | None
    unit: str
    context: str
    msgctxt: str | None = None

    @property
    def key(self) -> str:
        """Return the catalog key: the msgid, or the singular of a plural message."""
        return self.msgid if isinstance(self.msgid, str) else self.msgid[0]

    @property
    def ident(self) -> tuple[str, str | None]:
        """Return what tells two messages apart in a catalog: the key and the msgctxt."""
        return self.key, self.msgctxt


# ------------------------------------------------------------------ collecting
def collect_texts(season: Season, store: "DataStore | None" = None) -> list[SpecText]:
    """Return every translatable message of the season, in file order (data text read from ``store`` if given)."""
    texts = list(_season_texts(season))
    for deck in season.spec.decks:
        texts += _deck_texts(season, deck.name, deck.spec)
    texts += _brand_texts(season)
    texts += _kit_texts(season)
    texts += _tracker_texts(season)
    texts += _data_texts(season, store)
    texts += [SpecText(word, KITGEN_FILE, None, "kitgen", "kitgen's own text on slides") for word in PROJECT_STRINGS]
    if season.spec.trackers:
        from generator.data.glossary import TRACKER_WORDS  # the trackers' About sheet

        texts += [SpecText(word, "generator/data/glossary.py", None, "kitgen",
                           "kitgen's own text on the About sheet of tracker workbooks") for word in TRACKER_WORDS]
    return texts


def _document(season: Season, file: Path) -> LoadedYaml:
    """Return the loaded YAML of ``file`` (with its line marks), reusing the season's copy."""
    return season.document(file) or load_yaml(file)


def _relative(season: Season, path: Path) -> str:
    """Return ``path`` relative to the season folder, with forward slashes."""
    return Path(os.path.relpath(Path(path).resolve(), season.root.resolve())).as_posix()


def _messages(value: Any, loaded: LoadedYaml, path: KeyPath, where: tuple[str, str, str]) -> Iterator[SpecText]:
    """Yield the messages of one spec string: itself, and any ``{% trans %}`` blocks inside it."""
    if not isinstance(value, str):
        return
    file, unit, context = where
    line = loaded.locate(path).line
    if is_translatable(value):
        yield SpecText(value, file, line, unit, context)
    if "{%" in value:
        for msgid in _template_messages(value, loaded, path):
            yield SpecText(msgid, file, line, unit, context)


def _template_messages(value: str, loaded: LoadedYaml, path: KeyPath) -> list[MessageId]:
    """Return the gettext/ngettext messages of the Jinja code in ``value``."""
    try:
        found = extract_from_ast(_PARSER.parse(value), babel_style=True)
    except TemplateSyntaxError as exc:
        raise SpecError(loaded.finding(path, f"template error: {exc.message}",
                                       "write plurals as {% trans count=n %}...{% pluralize %}...{% endtrans %}")) from exc
    return [strings if isinstance(strings, str) else tuple(s for s in strings if s)[:2]
            for _, _, strings in found]


def _season_texts(season: Season) -> Iterator[SpecText]:
    file = season_file(season.root)
    loaded = _document(season, file)
    data = loaded.data
    name = _relative(season, file)
    yield from _messages(data["season"]["name"], loaded, ("season", "name"), (name, "season", "season name"))
    for index, region in enumerate(data.get("regions", [])):
        yield from _messages(region.get("name"), loaded, ("regions", index, "name"),
                             (name, "season", f"region {region.get('id')} name"))
    for code, label in (data.get("labels") or {}).items():
        yield from _messages(label, loaded, ("labels", code), (name, "season", f"label of data code '{code}'"))


def _deck_texts(season: Season, deck: str, spec: str) -> list[SpecText]:
    file = season_file(season.root).parent / spec
    loaded = _document(season, file)
    if not isinstance(loaded.data, dict):
        return []  # not a deck spec: validation says so, with its line
    name = _relative(season, file)
    texts = list(_messages(loaded.data.get("title"), loaded, ("title",), (name, deck, f"deck {deck}, deck title")))
    slides = loaded.data.get("slides")
    for index, slide in enumerate(slides if isinstance(slides, list) else []):
        if not isinstance(slide, dict):
            continue
        for path, value in walk_scalars(slide, ("slides", index)):
            key = _pattern(path[2:])
            if key in SLIDE_TEXT:
                context = f"deck {deck}, slide {index + 1} ({slide.get('role')}), key {format_key(path[2:])}"
                texts += _messages(value, loaded, path, (name, deck, context))
    return texts


def is_slide_text(path: KeyPath) -> bool:
    """Return True when ``path`` (relative to a slide, e.g. ``("kpis", 0, "label")``) holds text shown on the slide."""
    return _pattern(path) in SLIDE_TEXT


def _pattern(path: KeyPath) -> str:
    """Return ``kpis[].label`` for ``("kpis", 0, "label")``."""
    return ".".join(f"{p}" if isinstance(p, str) else "[]" for p in path).replace(".[]", "[]")


def _brand_texts(season: Season) -> list[SpecText]:
    file = season.path(season.spec.brand)
    loaded = load_yaml(file)
    name = _relative(season, file)
    return [text for index, asset in enumerate((loaded.data or {}).get("assets") or [])
            for text in _messages(asset.get("title"), loaded, ("assets", index, "title"),
                                  (name, "brand", f"brand asset {asset.get('id')} title"))]


def _kit_texts(season: Season) -> list[SpecText]:
    """Return the retailer kit's texts (checklist, index), from season.yaml or the model's defaults."""
    kit = getattr(season.spec, "kit", None)
    if kit is None:
        return []
    file = season_file(season.root)
    loaded = _document(season, file)
    texts: list[SpecText] = []
    for path, value in walk_scalars(kit.model_dump(by_alias=True), ("kit",)):
        dotted = ".".join("#" if isinstance(p, int) else str(p) for p in path)
        if not any(fnmatch.fnmatchcase(dotted, pattern) for pattern in KIT_TEXT):
            continue
        if path in loaded.marks:  # written in season.yaml
            texts += _messages(value, loaded, path, (_relative(season, file), "kit", f"retailer kit, key {format_key(path)}"))
        elif isinstance(value, str) and is_translatable(value):
            texts.append(SpecText(value, KITGEN_FILE, None, "kit", f"retailer kit default, key {format_key(path)}"))
    return texts


def _tracker_texts(season: Season) -> list[SpecText]:
    """Return the tracker workbooks' texts (sheet names, headers, titles), from season.yaml or the defaults."""
    file = season_file(season.root)
    loaded = _document(season, file)
    texts: list[SpecText] = []
    for index, tracker in enumerate(season.spec.trackers):
        for key, value in tracker.texts.model_dump().items():
            path = ("trackers", index, "texts", key)
            context = f"tracker {tracker.name} ({tracker.audience}), key {format_key(path)}"
            if path in loaded.marks:
                texts += _messages(value, loaded, path, (_relative(season, file), "trackers", context))
            elif is_translatable(value):
                texts.append(SpecText(value, TRACKER_DEFAULTS_FILE, None, "trackers", context))
    return texts


def _data_texts(season: Season, store: "DataStore | None") -> list[SpecText]:
    """Return the distinct values of every data column declared ``translate``, located at their first row."""
    from generator.data import DataStore  # pandas only for a season that translates data

    store, texts = store or DataStore(season.spec, season.root), []
    for name, source in season.spec.sources.items():
        if not source.translate:
            continue
        try:
            frame = store.frame(name)
        except KitgenError:
            continue  # an unreadable file is reported where the data is read, with its line
        file = _relative(season, season.path(source.path))
        for value in data_values(name, tuple(source.translate), frame):
            texts.append(SpecText(value.text, file, value.row + source.header_rows + 1, "data",
                                  f"data source {name}, column {value.column}", value.context))
    return texts


# ------------------------------------------------------------------ catalogs
def extract_messages(season_dir: Path) -> Catalog:
    """Return the season's message template (POT): every translatable string with locations and context."""
    season = load_season(season_dir)
    catalog = Catalog(project="kitgen", version=season.spec.season.code,
                      copyright_holder=season.spec.maison.name, charset="utf-8")
    for text in collect_texts(season):
        catalog.add(text.msgid, locations=[(text.file, text.line)], auto_comments=[text.context],
                    context=text.msgctxt)
    add_hq_messages(catalog, season)
    return catalog


def catalog_languages(season: Season) -> list[str]:
    """Return the languages the season translates into (every region language but English)."""
    return sorted(({lang for region in season.spec.regions for lang in region.languages} - {"en"})
                  | hq_languages(season))


def catalog_path(season: Season, language: str) -> Path:
    """Return the PO file of ``language`` in the season's locale folder."""
    return season.path(season.spec.locale_dir) / f"{language}.po"


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """Return the PO/POT catalog at ``path``."""
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=language)
    except OSError as exc:
        raise LocalizeError(f"{path}: cannot read the catalog: {exc.strerror}") from exc
    except Exception as exc:  # Babel raises several types for a broken PO file
        raise LocalizeError(f"{path}: cannot read the catalog: {exc}") from exc


def catalog_bytes(catalog: Catalog) -> bytes:
    """Return ``catalog`` as PO text, unwrapped (obsolete messages kept as ``#~``, old sources as ``#|``)."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=PO_WIDTH, include_previous=True)  # "#| msgid" shows a fuzzy entry's old source
    return buffer.getvalue()


def save_catalog(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` to ``path`` (PO catalogs are committed inputs, like the specs)."""
    write_atomic(path, catalog_bytes(catalog))


@dataclass(frozen=True)
class UpdateStats:
    """What ``update`` did to one language's catalog."""

    language: str
    added: int
    fuzzy: int
    obsolete: int
    total: int


def update_catalogs(season_dir: Path, template: Catalog) -> dict[str, UpdateStats]:
    """Return per-language stats after merging ``template`` into each ``<lang>.po`` and saving it.

    Translations are kept; new strings arrive empty. Only a changed source of the
    same message (same deck, slide and key) becomes fuzzy, with the previous
    msgid and translation; messages no longer used are kept as obsolete (``#~``).
    """
    season = load_season(season_dir)
    stats: dict[str, UpdateStats] = {}
    for language in catalog_languages(season):
        path = catalog_path(season, language)
        catalog = read_catalog(path, language) if path.is_file() else _new_catalog(template, language)
        before = {m.id for m in catalog if m.id}
        revised = revisions(catalog, season)
        # Babel's near-match guessing pairs unrelated strings ("Tier" -> "Formateur"): off
        catalog.update(template_for(template, season, language), no_fuzzy_matching=True)
        _fuzzy_from_same_place(catalog)
        carry_revised(catalog, revised)  # an HQ paragraph revised in place, should its comment have changed too
        catalog.fuzzy = False
        messages = [m for m in catalog if m.id]
        stats[language] = UpdateStats(language, sum(m.id not in before for m in messages),
                                      sum(m.fuzzy for m in messages), len(catalog.obsolete), len(messages))
        save_catalog(catalog, path)
    return stats


def _fuzzy_from_same_place(catalog: Catalog) -> None:
    """Give each new, empty message the translation of the obsolete one used at the same place, marked fuzzy.

    The place is the POT's automatic comment (``deck d, slide n (role), key k``):
    a string edited in the spec keeps it, a string added elsewhere does not.
    """
    places: dict[tuple[str, str | None, bool], MessageId] = {}
    for key, old in catalog.obsolete.items():
        if _filled(old):
            for place in old.auto_comments:
                places.setdefault((place, old.context, old.pluralizable), key)
    for message in catalog:
        if message.id and not _filled(message):
            _take_translation(catalog, message, places)


def _filled(message: Message) -> bool:
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return any(forms)


def _take_translation(catalog: Catalog, message: Message, places: dict) -> None:
    for place in message.auto_comments:
        key = places.get((place, message.context, message.pluralizable))
        if key is not None and key in catalog.obsolete:
            old = catalog.obsolete.pop(key)
            message.string = old.string
            message.previous_id = list(old.id) if old.pluralizable else [old.id]
            message.flags.add("fuzzy")
            return


def _new_catalog(template: Catalog, language: str) -> Catalog:
    return Catalog(locale=language, project=template.project, version=template.version,
                   copyright_holder=template.copyright_holder, charset="utf-8", fuzzy=False)


# ------------------------------------------------------------------ coverage
@dataclass(frozen=True)
class Counts:
    """Translated, fuzzy and missing message counts."""

    translated: int = 0
    fuzzy: int = 0
    missing: int = 0

    @property
    def total(self) -> int:
        """Return the number of messages counted."""
        return self.translated + self.fuzzy + self.missing

    @property
    def percent(self) -> float:
        """Return the translated share, 0-100 (100 when there is nothing to translate)."""
        return 100.0 if not self.total else 100.0 * self.translated / self.total

    def plus(self, status: str) -> "Counts":
        """Return these counts with one more message of ``status``."""
        values = {"translated": self.translated, "fuzzy": self.fuzzy, "missing": self.missing}
        values[status] += 1
        return Counts(**values)


@dataclass(frozen=True)
class Coverage:
    """Translation coverage per language, and per language and deck."""

    languages: dict[str, Counts] = field(default_factory=dict)
    decks: dict[str, dict[str, Counts]] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Return True when every language has every message translated (none fuzzy)."""
        return all(c.translated == c.total for c in self.languages.values())

    def as_dict(self) -> dict[str, Any]:
        """Return the coverage as plain data (for JSON)."""
        def row(c: Counts) -> dict[str, Any]:
            return {"translated": c.translated, "fuzzy": c.fuzzy, "missing": c.missing,
                    "total": c.total, "percent": round(c.percent, 1)}
        return {lang: {**row(counts), "decks": {d: row(c) for d, c in self.decks[lang].items()}}
                for lang, counts in self.languages.items()}


def message_status(catalog: Catalog, key: str, context: str | None = None) -> str:
    """Return 'translated', 'fuzzy' or 'missing' for the message ``key`` (msgctxt ``context``) in ``catalog``."""
    message = catalog.get(key, context)
    if message is None:
        return "missing"
    if message.fuzzy:
        return "fuzzy"
    forms = message.string if isinstance(message.string, tuple) else (message.string,)
    return "translated" if forms and all(forms) else "missing"


def coverage(season_dir: Path) -> Coverage:
    """Return exact coverage counts of the season's catalogs against its current strings."""
    season = load_season(season_dir)
    texts = collect_texts(season)
    units: dict[tuple[str, str | None], set[str]] = {}
    for text in texts:
        units.setdefault(text.ident, set()).add(text.unit)
    hq = hq_messages(season)
    everything = _template_of(units, hq)
    result = Coverage()
    for language in catalog_languages(season):
        path = catalog_path(season, language)
        catalog = read_catalog(path, language) if path.is_file() else Catalog(locale=language)
        wanted = wanted_keys(template_for(everything, season, language))
        counted = {key: used for key, used in units.items() if key in wanted}
        counted.update({m.key: {m.deck.spec.name} for m in hq if m.key in wanted})
        _count(result, language, catalog, counted)
    return result


def _template_of(units: dict[tuple[str, str | None], set[str]], hq: list) -> Catalog:
    """Return a template of the spec and data strings ``units`` counts and the HQ messages ``hq``."""
    template = Catalog()
    for key, context in units:
        template.add(key, context=context)
    for message in hq:
        template.add(message.msgid, context=message.context)
    return template


def wanted_keys(template: Catalog) -> set[tuple[str, str | None]]:
    """Return the (msgid, msgctxt) coverage keys of ``template``."""
    return {(m.id, m.context or None) for m in template if m.id}


def _count(result: Coverage, language: str, catalog: Catalog, units: dict[tuple[str, str | None], set[str]]) -> None:
    totals, per_unit = Counts(), {}
    for (key, context), used_in in units.items():
        status = message_status(catalog, key, context)
        totals = totals.plus(status)
        for unit in sorted(used_in):
            per_unit[unit] = per_unit.get(unit, Counts()).plus(status)
    result.languages[language] = totals
    result.decks[language] = dict(sorted(per_unit.items()))
