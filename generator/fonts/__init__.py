"""The fonts kitgen ships: metric-compatible clones of the Office fonts HQ masters name.

Text fitting measures with these files and charts draw with them whatever the machine has
installed, so the same inputs give the same decks (the same shrink decisions, the same bytes)
on every machine. The files in ``files/`` are unmodified releases, each beside its SIL Open
Font License; DejaVu Sans, the last fallback, is the copy matplotlib itself ships.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

FONT_DIR = Path(__file__).with_name("files")
#: shipped family -> (regular file, bold file) in FONT_DIR
SHIPPED: dict[str, tuple[str, str]] = {
    "Carlito": ("Carlito-Regular.ttf", "Carlito-Bold.ttf"),
    "Caladea": ("Caladea-Regular.ttf", "Caladea-Bold.ttf"),
    "Liberation Sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
}
FALLBACK = "DejaVu Sans"
_FALLBACK_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
#: font names a master or style sheet may use (lower case) -> the family with the same advance widths
CLONES: dict[str, str] = {
    "calibri": "Carlito", "calibri light": "Carlito", "carlito": "Carlito",
    "cambria": "Caladea", "caladea": "Caladea",
    "arial": "Liberation Sans", "helvetica": "Liberation Sans", "liberation sans": "Liberation Sans",
    "verdana": FALLBACK, "dejavu sans": FALLBACK,
}


def shipped_font(name: str, bold: bool = False) -> Path | None:
    """Return the file kitgen ships for font ``name`` (a clone of it), or None when it ships none."""
    family = CLONES.get(name.strip().lower())
    if family is None:
        return None
    return fallback_font(bold) if family == FALLBACK else FONT_DIR / SHIPPED[family][bold]


def fallback_font(bold: bool = False) -> Path:
    """Return matplotlib's own DejaVu Sans file: there on every machine kitgen runs on."""
    return _matplotlib_fonts() / _FALLBACK_FILES[bold]


@lru_cache(maxsize=1)
def _matplotlib_fonts() -> Path:
    # found without importing matplotlib: text fitting runs in processes that never draw a chart
    spec = importlib.util.find_spec("matplotlib")
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


_registered = False


def register_with_matplotlib() -> None:
    """Make matplotlib draw the shipped families (and DejaVu Sans) from kitgen's files only.

    The system's copies of the same families are dropped from matplotlib's list: they may be
    another version with other glyphs, and matplotlib would pick them first on a tie.
    """
    global _registered
    if _registered:
        return
    from matplotlib import font_manager

    manager = font_manager.fontManager
    own = {str(FONT_DIR / f) for files in SHIPPED.values() for f in files}
    bundled = str(_matplotlib_fonts())
    manager.ttflist = [entry for entry in manager.ttflist
                       if entry.name not in (*SHIPPED, FALLBACK) or entry.fname.startswith(bundled)]
    for path in sorted(own):
        manager.addfont(path)
    _registered = True
