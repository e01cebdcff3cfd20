"""Build stage: plan a season's deck jobs, build each deck (in worker processes), keep unchanged decks.

The face is :func:`build_season` with its :class:`BuildOptions` and :class:`BuildResult` (whose
decks are :class:`BuiltDeck`);
they are imported on first use, so a command that never builds does not pay for the engine.
"""

from __future__ import annotations

from generator import lazy_face

_FACE = {"BuildOptions": "generator.build.options", "BuildResult": "generator.build.pipeline",
         "build_season": "generator.build.pipeline", "BuiltDeck": "generator.build.builder"}
__all__ = sorted(_FACE)

__getattr__ = lazy_face(__name__, _FACE)
