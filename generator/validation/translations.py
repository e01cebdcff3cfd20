"""Check that every translatable text has a translation in every target language (warnings)."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Finding, KitgenError, Location, Tally
from generator.i18n import read_catalog
from generator.spec import catalog_file
from generator.translation import catalog_languages, catalog_path, collect_texts, message_status
from generator.hq import MarkerError, hq_messages, markers_of, parse_marked, template_for
from generator.validation.context import SeasonView
from generator.validation.names import limits_of

HINT = "run 'kitgen i18n update' on the season folder and translate the new entries"


def check_translations(view: SeasonView) -> None:
    """Record a warning for each text missing from a target language's catalog."""
    season = view.draft.season()
    try:
        texts = collect_texts(season, view.store)
    except KitgenError as exc:
        if view.draft.findings:
            return  # a deck spec that does not load: already reported, with its line
        view.add(view.season_doc.finding(("locale_dir",), f"cannot collect the texts to translate: {exc.message}"))
        return
    base = Path(view.season_doc.path).parent
    hq = _hq_messages(view, season)
    for language in catalog_languages(season):
        path = catalog_path(season, language)
        shown = base / view.spec.locale_dir / path.name
        if not path.is_file():
            view.add(view.season_doc.finding(("locale_dir",), f"no '{language}' catalog {shown}: "
                                             "every text falls back to English", HINT, "warning"))
            continue
        try:
            catalog = read_catalog(path, language)
        except KitgenError as exc:
            view.add(Finding(Location(shown, 1), "", exc.message))
            continue
        _check_limits(view, catalog, language, shown)
        _missing(view, texts if language != "en" else [], catalog, language, base, shown)  # specs are English
        _missing_hq(view, hq, catalog, language, base)


def _missing(view: SeasonView, texts, catalog, language: str, base: Path, shown: Path) -> None:
    seen: set[tuple[str, str | None]] = set()
    tallies = {status: Tally(Location(shown), f"text(s) {what} '{language}' translation")
               for status, what in (("missing", "with no"), ("fuzzy", "with only a fuzzy"))}
    for text in texts:
        if text.ident in seen or message_status(catalog, *text.ident) == "translated":
            continue
        seen.add(text.ident)
        status = message_status(catalog, *text.ident)
        where = Location(base / text.file, text.line) if text.line else Location(shown)
        word = "only fuzzy" if status == "fuzzy" else "missing"
        of = f" (msgctxt {text.msgctxt})" if text.msgctxt else ""
        view.add(Finding(where, "", f"'{language}' translation {word} for '{_short(text.key)}'{of}", HINT, "warning",
                         tally=tallies[status]))


def _check_limits(view: SeasonView, catalog, language: str, shown: Path) -> None:
    """Record an error for a translation whose template code would run into the render limits (a build stops on it)."""
    for message in catalog:
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        msgid = message.id[0] if isinstance(message.id, (tuple, list)) else message.id
        for problem in dict.fromkeys(p for s in strings if s and "{" in s for p in limits_of(s)):
            view.add(Finding(Location(shown, message.lineno), "", f"the '{language}' translation of "
                             f"'{_short(msgid)}': {problem}", "loop over the data, not over big ranges"))


def _hq_messages(view: SeasonView, season) -> list:
    try:
        return hq_messages(season)
    except KitgenError as exc:  # an unreadable HQ deck is reported where its path is checked
        return []


def _missing_hq(view: SeasonView, messages: list, catalog, language: str, base: Path) -> None:
    wanted = {m.key for m in messages}
    wanted &= {(m.id, m.context) for m in template_for(_template(messages), view.draft.season(), language)}
    for message in messages:
        if message.key not in wanted:
            continue
        if message_status(catalog, *message.key) == "translated":
            _check_markers(view, message, catalog.get(*message.key), language, base)
            continue
        word = "only fuzzy" if message_status(catalog, *message.key) == "fuzzy" else "missing"
        view.add(Finding(Location(base / message.deck.spec.path), "", f"'{language}' translation {word} for "
                         f"slide {message.slide} '{_short(message.msgid)}' ({message.context})", HINT, "warning"))


def _check_markers(view: SeasonView, message, translated, language: str, base: Path) -> None:
    """Record an error for a translation whose markers do not match its source's (the build would stop on it)."""
    try:
        parse_marked(translated.string, markers_of(message.msgid))
    except MarkerError as exc:
        shown = catalog_file(base / view.spec.locale_dir, language)
        view.add(Finding(Location(shown, translated.lineno), "", f"the '{language}' translation of "
                         f"{message.context}: {exc}",
                         "keep every <gN>...</gN> and <xN/> of the source text"))


def _template(messages: list):
    from babel.messages.catalog import Catalog

    template = Catalog()
    for message in messages:
        template.add(message.msgid, context=message.context)
    return template


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
