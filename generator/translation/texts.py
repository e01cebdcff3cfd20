"""Every translatable message of a season: spec strings, data text, kitgen's own words.

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
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from jinja2 import Environment, TemplateSyntaxError
from jinja2.ext import extract_from_ast

from generator.errors import KitgenError, SpecError
from generator.i18n import (
    PLACE_EXAMPLES, PLACE_FORMS, PROJECT_STRINGS, SEASON_CODE_CONTEXT, data_values, is_translatable,
    manager_title_context, place_context,
)
from generator.spec import KeyPath, LoadedYaml, Season, format_key, load_yaml, season_file, walk_scalars

if TYPE_CHECKING:
    from generator.data import DataStore

MessageId = str | tuple[str, str]
_PARSER = Environment(extensions=["jinja2.ext.i18n"])  # parses only: finds the {% trans %} messages
KITGEN_FILE = "generator/localize.py"  # where kitgen's own words live (PROJECT_STRINGS)
TRACKER_DEFAULTS_FILE = "generator/spec/trackers.py"  # the tracker texts' defaults

_BLOCK_TEXT = ("heading", "bullets[]", "chart.caption", "chart.series[].label", "chart.when_empty.note",
               "table.when_empty.note", "chart.source_note", "table.source_note")
#: Slide keys holding text, as paths relative to the slide with list indices written ``[]``.
SLIDE_TEXT = frozenset({
    "title", "subtitle", "notes", "caption", "bullets[]",
    "kpis[].label", "kpis[].value", "kpis[].delta", "kpis[].note",
    "chart.caption", "chart.opening_label", "chart.total_label", "chart.series[].label",
    "table.columns[].label", "chart.source_note", "table.source_note",
    "chart.when_empty.note", "table.when_empty.note", "repeat.when_empty.note", "repeat.when_empty.title",
    "scorecard.label", "scorecard.label_header", "scorecard.columns[].label", "scorecard.legend",
    "scorecard.source_note", "chart.reference.label",
    "scorecard.records.when_empty.note", "scorecard.records.when_empty.title",
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
        from generator.data import TRACKER_WORDS  # the trackers' About sheet

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
    code = data["season"].get("code")
    if isinstance(code, str) and is_translatable(code):  # {{ season.label }}: the code readers see (FW26: AH26)
        yield SpecText(code, name, loaded.locate(("season", "code")).line, "season",
                       "season code as readers see it ({{ season.label }}; file names keep it)", SEASON_CODE_CONTEXT)
    for index, region in enumerate(data.get("regions", [])):
        yield from _messages(region.get("name"), loaded, ("regions", index, "name"),
                             (name, "season", f"region {region.get('id')} name"))
        yield from _region_forms(region, loaded, index, name)
    for code, label in (data.get("labels") or {}).items():
        yield from _messages(label, loaded, ("labels", code), (name, "season", f"label of data code '{code}'"))


def _region_forms(region: dict[str, Any], loaded: LoadedYaml, index: int, file: str) -> Iterator[SpecText]:
    """Yield a region name's place forms (``| in_place``: au Canada) and its manager's title, each in its msgctxt."""
    region_id, place = region.get("id"), region.get("name")
    if isinstance(place, str) and is_translatable(place):
        line = loaded.locate(("regions", index, "name")).line
        for form, english in PLACE_FORMS.items():
            yield SpecText(place, file, line, "season", f"region {region_id} name as '{english}{place}' "
                           f"(| {form}_place; e.g. {PLACE_EXAMPLES[form]})", place_context(form))
    title = region.get("manager_title")
    if isinstance(title, str) and is_translatable(title):
        yield SpecText(title, file, loaded.locate(("regions", index, "manager_title")).line, "season",
                       f"region {region_id} manager's title ({region.get('manager', '')})",
                       manager_title_context(str(region_id)))


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
