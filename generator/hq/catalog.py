"""HQ decks in the season's gettext catalogs.

Every paragraph of a declared HQ deck is one message: its msgid the marked source
text, its msgctxt the place (``hq/launch.pptx slide 3 'Title 1' (#2) paragraph 1``),
so the same words on two slides may be translated apart and a paragraph HQ
revised in a new version of the deck is recognised by its place: the old
translation is carried over, marked fuzzy (with the previous source as its
``previous_id``), whether or not the update's own fuzzy matching pairs them.

A deck HQ wrote in French has French msgids: its messages go into every other
language's catalog (English included, ``en.po``), never into the French one.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message

from generator.hq.source import HqDeck, hq_decks
from generator.spec import Season


@dataclass(frozen=True)
class HqMessage:
    """One translatable paragraph of an HQ deck."""

    msgid: str
    context: str
    deck: HqDeck
    slide: int
    comment: str

    @property
    def key(self) -> tuple[str, str]:
        """Return the catalog key (msgid, msgctxt)."""
        return self.msgid, self.context


def hq_messages(season: Season) -> list[HqMessage]:
    """Return every paragraph of every HQ deck the season declares, in reading order."""
    found: list[HqMessage] = []
    for deck in hq_decks(season):
        _, text = deck.text()
        for unit in text.units:
            comment = (f"HQ deck {deck.spec.name} ({deck.spec.source_language}), slide {unit.slide}, "
                       f"{unit.kind} {unit.shape}, {unit.where}")
            found.append(HqMessage(unit.text, unit.context(deck.spec.path), deck, unit.slide, comment))
    return found


def hq_languages(season: Season) -> set[str]:
    """Return the languages HQ decks are translated into (every language of their copies but their own)."""
    every = {lang for region in season.spec.regions for lang in region.languages}
    return {lang for deck in season.spec.hq for lang in (deck.languages or every) if lang != deck.source_language}


def add_hq_messages(catalog: Catalog, season: Season) -> None:
    """Add the season's HQ paragraphs to the message template ``catalog``."""
    for message in hq_messages(season):
        catalog.add(message.msgid, context=message.context, locations=[(message.deck.spec.path, message.slide)],
                    auto_comments=[message.comment])


def is_hq_message(message: Message, season: Season) -> bool:
    """Return True when ``message`` is a paragraph of one of the season's HQ decks."""
    return _deck_of(message, season) is not None


def _deck_of(message: Message, season: Season):
    context = message.context or ""
    return next((d for d in season.spec.hq if context.startswith(d.path + " slide ")), None)


def template_for(template: Catalog, season: Season, language: str) -> Catalog:
    """Return the messages of ``template`` that ``language`` translates.

    Spec strings are English: every language but English translates them. An HQ
    paragraph is translated into every language of its deck's copies but its source's.
    """
    wanted = hq_languages(season)
    kept = Catalog(locale=None, project=template.project, version=template.version,
                   copyright_holder=template.copyright_holder, charset="utf-8")
    for message in template:
        if not message.id:
            continue
        deck = _deck_of(message, season)
        own = deck.source_language if deck else "en"
        if language != own and (deck is None or language in wanted):
            kept[message.id] = message.clone()  # update() adopts new messages: each language its own copy
    return kept


def revisions(catalog: Catalog, season: Season) -> dict[str, Message]:
    """Return the HQ messages of ``catalog`` by place (msgctxt), to carry over after an update."""
    return {m.context: m for m in catalog if m.id and m.context and m.string and is_hq_message(m, season)}


def carry_revised(catalog: Catalog, before: dict[str, Message]) -> int:
    """Give every new, untranslated HQ paragraph the translation its place had before, as fuzzy.

    Returns how many were carried. A paragraph HQ did not change keeps its translation
    through the update itself (same msgid, same msgctxt).
    """
    carried = 0
    for message in catalog:
        old = before.get(message.context or "")
        if old is None or message.string or old.id == message.id:
            continue
        message.string = old.string
        message.flags.add("fuzzy")
        message.previous_id = [old.id]
        catalog.obsolete.pop((old.id, old.context), None)
        carried += 1
    return carried
