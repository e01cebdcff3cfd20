"""Resolve stage: a deck spec, its data and a language become typed slide content.

The face is :func:`resolve_deck` in a :class:`DeckContext`; what it returns is the
model in :mod:`generator.resolve.content`, which the fill stage and the writer read
(so the face is imported on first use: the writer imports the model without the stage).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_FACE = {"DeckContext": "generator.resolve.context", "resolve_deck": "generator.resolve.slides"}
__all__ = sorted(_FACE)


def __getattr__(name: str) -> Any:
    """Return the stage's public classes and functions on first use (PEP 562)."""
    if name in _FACE:
        return getattr(import_module(_FACE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
