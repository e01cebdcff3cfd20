"""Build stage: plan a season's deck jobs, build each deck (in worker processes), keep unchanged decks.

The face is :func:`build_season` with its :class:`BuildOptions` and :class:`BuildResult` (whose
decks are :class:`BuiltDeck`);
they are imported on first use, so a command that never builds does not pay for the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import lazy_face
from generator.build.options import BuildOptions

if TYPE_CHECKING:  # the names below, for type checkers and IDEs
    from generator.build.builder import BuiltDeck
    from generator.build.pipeline import BuildResult, build_season

# imported on first use: the engine (python-pptx, pandas, the stages) costs about 0.42-0.56 s; the options object is
# read by the CLI and the run stamp before anything is built
_LATER = {
    "generator.build.builder": ("BuiltDeck",),
    "generator.build.pipeline": ("BuildResult", "build_season"),
}

__all__ = ["BuildOptions", "BuildResult", "BuiltDeck", "build_season"]

__getattr__ = lazy_face(__name__, _LATER)
