"""HQ's finished decks: their text read for translators (paragraphs with inline markers),
localized copies per audience and language, and slides carried into kitgen's decks."""

from generator.hq.markers import MarkerError, MarkedParagraph, parse_marked, read_paragraph
from generator.hq.reader import DeckText, PictureTag, TextUnit, read_deck, text_outline
from generator.hq.translate import Localization, localize_text

__all__ = ["DeckText", "Localization", "MarkedParagraph", "MarkerError", "PictureTag", "TextUnit",
           "localize_text", "parse_marked", "read_deck", "read_paragraph", "text_outline"]
