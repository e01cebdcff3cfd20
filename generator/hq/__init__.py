"""HQ's finished decks: their text read for translators (paragraphs with inline markers),
localized copies per audience and language, and slides carried into kitgen's decks.

What needs text fitting (localized copies, carried slides) is imported when first used:
validation and the translator workflow read HQ decks without loading the fitter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import lazy_face
from generator.hq.catalog import add_hq_messages, carry_revised, hq_languages, hq_messages, revisions, template_for
from generator.hq.markers import MarkedParagraph, MarkerError, markers_of, parse_marked, read_paragraph
from generator.hq.reader import DeckText, PictureTag, TextUnit, read_deck, text_outline
from generator.hq.source import HqDeck, find_hq_deck, hq_decks, open_deck
from generator.hq.translate import Localization, localize_text

if TYPE_CHECKING:  # the names below, for type checkers and IDEs
    from generator.hq.build import HqLocalizer
    from generator.hq.carry import carry_slides, include_slides, layout_role
    from generator.hq.copies import localize_presentation

# imported on first use: the text fitter costs about 0.05-0.08 s more than reading an HQ deck; validation and the
# translator workflow read HQ decks without it
_LATER = {
    "generator.hq.build": ("HqLocalizer",),
    "generator.hq.carry": ("carry_slides", "include_slides", "layout_role"),
    "generator.hq.copies": ("localize_presentation",),
}

__all__ = ["DeckText", "HqDeck", "HqLocalizer", "Localization", "MarkedParagraph", "MarkerError", "PictureTag",
           "TextUnit", "add_hq_messages", "carry_revised", "carry_slides", "find_hq_deck", "hq_decks", "hq_languages",
           "hq_messages", "include_slides", "layout_role", "localize_presentation", "localize_text", "markers_of",
           "open_deck", "parse_marked", "read_deck", "read_paragraph", "revisions", "template_for", "text_outline"]

__getattr__ = lazy_face(__name__, _LATER)
