"""Build stage: plan a season's deck jobs, build each deck (in worker processes), keep unchanged decks.

The face is :func:`build_season` with its :class:`BuildOptions` and :class:`BuildResult` (whose
decks are :class:`BuiltDeck`);
they are imported on first use, so a command that never builds does not pay for the engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_FACE = {"BuildOptions": "generator.build.pipeline", "BuildResult": "generator.build.pipeline",
         "build_season": "generator.build.pipeline", "BuiltDeck": "generator.build.builder"}
__all__ = sorted(_FACE)


def __getattr__(name: str) -> Any:
    """Return the build entry points on first use (PEP 562)."""
    if name in _FACE:
        return getattr(import_module(_FACE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
