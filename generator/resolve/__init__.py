"""Resolve stage: a deck spec, its data and a language become typed slide content.

The face is :func:`resolve_deck` in a :class:`DeckContext`; what it returns is the
model in :mod:`generator.resolve.content`, which the fill stage and the writer read
(so the face is imported on first use: the writer imports the model without the stage).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import lazy_face
from generator.resolve.content import BlockContent, ChartContent, DeckMeta, SlideContent, TableContent, TileContent

if TYPE_CHECKING:  # the names below, for type checkers and IDEs
    from generator.resolve.context import DeckContext
    from generator.resolve.slides import repeat_records, resolve_deck

# imported on first use: the resolver (pandas, the data stage) costs about 0.39 s; the content model is read by the
# fill stage and the writer on their own
_LATER = {
    "generator.resolve.context": ("DeckContext",),
    "generator.resolve.slides": ("repeat_records", "resolve_deck"),
}

__all__ = ["BlockContent", "ChartContent", "DeckContext", "DeckMeta", "SlideContent", "TableContent", "TileContent",
           "repeat_records", "resolve_deck"]

__getattr__ = lazy_face(__name__, _LATER)
