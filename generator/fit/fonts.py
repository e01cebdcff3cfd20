"""Real font metrics: a font name maps to a TrueType file whose advance widths measure text
exactly as PowerPoint and LibreOffice lay it out.

The Office fonts masters name (Calibri, Cambria, Arial...) are measured with the metric clones
kitgen ships (:mod:`generator.fonts`), so fitting decides the same on every machine; any other
font is looked up through fontconfig, and DejaVu Sans (shipped by matplotlib) stands in for a
font the machine does not have."""

from __future__ import annotations

import logging
import shutil
import subprocess
from functools import lru_cache

from fontTools.ttLib import TTFont

from generator.fonts import fallback_font, shipped_font

logging.getLogger("fontTools").setLevel(logging.ERROR)  # "timestamp seems very low" noise on clone fonts

log = logging.getLogger(__name__)
DEFAULT_LINE_FACTOR = 1.2  # line height / font size when a font gives no vertical metrics
TEXT_CACHE_LIMIT = 200_000  # strings whose width a FontMetrics keeps
FALLBACK_EM = 0.55  # average advance (in em) used when no font file can be found at all
# Format characters renderers never draw, whether or not the font has a glyph for them.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# Metric-compatible clones kitgen does not ship, which fontconfig should pick; listed so a missing
# clone is reported by name.
METRIC_CLONES = {"times new roman": "Liberation Serif", "courier new": "Liberation Mono"}


class FontMetrics:
    """Advance widths and line height of one font file, in points for a given size."""

    def __init__(self, path: str | None):
        self.path = path
        self._widths: dict[str, float] = {}
        # Width in em of whole strings: wrapping measures the same words and line prefixes again
        # at every scale step, and summing per character was the fit stage's top cost.
        self._text_ems: dict[str, float] = {}
        if path is None:
            self.units, self._cmap, self._hmtx, self.line_factor = 1000, {}, {}, DEFAULT_LINE_FACTOR
            return
        with TTFont(path, lazy=True) as font:  # the tables below are read whole: the file can close
            self.units = font["head"].unitsPerEm
            self._cmap = font.getBestCmap() or {}
            self._hmtx = dict(font["hmtx"].metrics)
            hhea = font["hhea"]
        height = hhea.ascent - hhea.descent + hhea.lineGap
        self.line_factor = height / self.units if height > 0 else DEFAULT_LINE_FACTOR
        self._missing = self._advance(".notdef") or self.units // 2

    def _advance(self, glyph: str) -> int:
        return self._hmtx.get(glyph, (0, 0))[0]

    def em(self, char: str) -> float:
        """Return the advance width of ``char`` in em."""
        if char not in self._widths:
            if char in ZERO_WIDTH:
                self._widths[char] = 0.0
            elif self.path is None:
                self._widths[char] = FALLBACK_EM
            else:
                glyph = self._cmap.get(ord(char))
                units = self._advance(glyph) if glyph else self._missing
                self._widths[char] = units / self.units
        return self._widths[char]

    def width(self, text: str, size: float) -> float:
        """Return the width of ``text`` at ``size`` points, in points."""
        ems = self._text_ems.get(text)
        if ems is None:
            if len(self._text_ems) >= TEXT_CACHE_LIMIT:  # metrics live as long as the process: bound memory
                self._text_ems.clear()
            ems = self._text_ems[text] = sum(map(self.em, text))  # same order of addition: same float
        return ems * size

    def line_height(self, size: float) -> float:
        """Return the single-spaced line height at ``size`` points, in points."""
        return self.line_factor * size


_GIVEN: dict[tuple[str, bool], str] = {}  # fonts whose files were handed over (a build worker's copies of its client's)


def use_font_files(files: dict[tuple[str, bool], str]) -> None:
    """Measure the fonts ``{(name, bold): file}`` with these files instead of asking fontconfig.

    A build worker on another host measures text with the client's font files, so
    text fits (and wraps) the same as on the client whatever fonts the worker has.
    """
    _GIVEN.update(files)
    font_file.cache_clear()


@lru_cache(maxsize=None)
def font_file(name: str, bold: bool = False) -> str:
    """Return the file font ``name`` (bold or regular) is measured with: handed over, kitgen's clone, or fontconfig's."""
    if (name, bold) in _GIVEN:
        return _GIVEN[(name, bold)]
    shipped = shipped_font(name, bold)
    if shipped is not None:
        return str(shipped)
    if shutil.which("fc-match") is None:
        log.warning("fc-match not found: font %r is measured with DejaVu Sans (apt-get install fontconfig)", name)
        return str(fallback_font(bold))
    clone = METRIC_CLONES.get(name.lower())
    family = clone if clone and not _installed(name) else name  # Times New Roman measured as Liberation Serif
    pattern = f"{family}:bold" if bold else family
    found = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False)
    path = found.stdout.strip() or str(fallback_font(bold))
    if clone and clone.split()[0].lower() not in path.lower():
        log.warning("font %r: metric clone %s is not installed; measuring with %s", name, clone, path)
    return path


@lru_cache(maxsize=None)
def _installed(name: str) -> bool:
    """Return True when fontconfig has a font of family ``name`` itself (not a substitute)."""
    found = subprocess.run(["fc-list", f":family={name}", "family"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


@lru_cache(maxsize=None)
def _metrics_for_file(path: str | None) -> FontMetrics:
    return FontMetrics(path)


def metrics(name: str, bold: bool = False) -> FontMetrics:
    """Return the (cached) metrics of font ``name``, bold or regular."""
    return _metrics_for_file(font_file(name or "Calibri", bold))
