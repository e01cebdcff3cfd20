"""Translator workflow on Babel's message tools: extract, update, coverage.

It gathers the season's messages from the specs and data (:mod:`generator.translation.texts`)
and from HQ's finished decks (:mod:`generator.hq`), and keeps one gettext catalog per language
(:mod:`generator.i18n.po`). It sits above both: the HQ localizer renders with i18n, and the
workflow reads HQ decks, so neither of the two imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message

from generator.hq import add_hq_messages, carry_revised, hq_languages, hq_messages, revisions, template_for
from generator.i18n import read_catalog, save_catalog
from generator.spec import Season, load_season
from generator.translation.texts import MessageId, collect_texts


def catalog_path(season: Season, language: str) -> Path:
    """Return the PO file of ``language`` in the season's locale folder."""
    return season.catalog_file(language)


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
