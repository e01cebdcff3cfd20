"""HQ's finished decks: their text read for translators (paragraphs with inline markers),
localized copies per audience and language, and slides carried into kitgen's decks."""

from generator.hq.build import HqLocalizer
from generator.hq.carry import carry_slides, include_slides, layout_role
from generator.hq.catalog import add_hq_messages, carry_revised, hq_languages, hq_messages, revisions, template_for
from generator.hq.markers import MarkerError, MarkedParagraph, markers_of, parse_marked, read_paragraph
from generator.hq.reader import DeckText, PictureTag, TextUnit, read_deck, text_outline
from generator.hq.source import HqDeck, find_hq_deck, hq_decks, open_deck
from generator.hq.translate import Localization, localize_text

__all__ = ["DeckText", "HqDeck", "HqLocalizer", "Localization", "MarkedParagraph", "MarkerError", "PictureTag", "TextUnit",
           "add_hq_messages", "carry_revised", "carry_slides", "include_slides", "layout_role", "find_hq_deck", "hq_decks", "hq_languages", "hq_messages",
           "localize_text", "markers_of", "open_deck", "parse_marked", "read_deck", "read_paragraph", "revisions",
           "template_for", "text_outline"]
