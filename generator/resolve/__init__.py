"""Resolve stage: a deck spec, its data and a language become typed slide content.

The face is :func:`resolve_deck` in a :class:`DeckContext`; what it returns is the
model in :mod:`generator.resolve.content`, which the fill stage and the writer read
(so the face is imported on first use: the writer imports the model without the stage).
"""

from __future__ import annotations

from generator import lazy_face

_FACE = {"DeckContext": "generator.resolve.context", "resolve_deck": "generator.resolve.slides"}
__all__ = sorted(_FACE)

__getattr__ = lazy_face(__name__, _FACE)
