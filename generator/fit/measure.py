"""Wrapping and measuring paragraphs, and finding the largest scale at which they fit a box.

All lengths here are points. A paragraph is laid out the way PowerPoint does:
lines break at spaces (never at a no-break space: U+00A0, U+2007, U+202F), after hyphens and at
zero-width spaces (the break opportunities ``fit.breaks`` gives e-mail addresses and URLs), a word
wider than the line breaks between characters, text starts at the paragraph's left margin (a hanging bullet sits in
the indent), and each line is ``line_spacing`` times the font's line height.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from generator.fit.breaks import WORD_JOINER, ZERO_WIDTH_SPACE, is_address
from generator.fit.fonts import FontMetrics, metrics

SCALE_STEP = 0.025
# A no-break space is white space to Python's \s, but part of the word to a line breaker.
_NO_BREAK = "\u00a0\u2007\u202f"
_SPACE = rf"[^\S{_NO_BREAK}]"  # a space a line may break at
# Pieces a line may end after: words keep their trailing hyphens (one a word joiner follows
# is no break) or zero-width spaces.
_PIECE = rf"(?:[^\s\-\u200b]|[{_NO_BREAK}]|-(?=\u2060))*(?:-(?!\u2060)|\u200b)+"
_BREAKS = re.compile(rf"{_PIECE}|(?:\S|[{_NO_BREAK}])+?(?={_SPACE}|$)|{_SPACE}+")
_PIECES = re.compile(rf"{_PIECE}|\S+")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph to measure: its text and the style it is shown in."""

    text: str
    size: float
    font: str = "Calibri"
    bold: bool = False
    margin_left: float = 0.0
    indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    line_spacing: float = 1.0

    @property
    def metrics(self) -> FontMetrics:
        """Return the metrics of this paragraph's font."""
        return metrics(self.font, self.bold)


@dataclass(frozen=True)
class Area:
    """The room text has inside a shape, after its insets, in points."""

    width: float
    height: float


@dataclass(frozen=True)
class FitResult:
    """How text fits an area: the scale chosen, lines used, and any overflow left at that scale."""

    scale: float
    lines_used: int
    overflow_pt: float
    height_pt: float = 0.0
    broken_word: str = ""  # a word wider than its line even at ``scale``: it would break mid-word

    @property
    def fits(self) -> bool:
        """Return True when nothing overflows and no word breaks inside."""
        return self.overflow_pt <= 0.0 and not self.broken_word

    @property
    def overflow_emu(self) -> int:
        """Return the overflow in EMU."""
        return max(int(round(self.overflow_pt * 12_700)), 0)


def wrap(text: str, width: float, measure) -> list[str]:
    """Return ``text`` broken into lines no wider than ``width`` (``measure(str)`` gives widths)."""
    lines: list[str] = []
    line = ""
    for token in _BREAKS.findall(text):
        candidate = line + token
        if measure(candidate.rstrip()) <= width or not line.strip():
            line = candidate
        elif token.isspace():
            continue
        else:
            lines.append(line.rstrip())
            line = token
        while measure(line.rstrip()) > width and len(line.strip()) > 1:  # a word wider than the line
            cut = _longest_prefix(line, width, measure)
            lines.append(line[:cut])
            line = line[cut:].lstrip()
    return lines + [line.rstrip()] if line.strip() or not lines else lines


def _longest_prefix(text: str, width: float, measure) -> int:
    cut = 1
    while cut < len(text) and measure(text[:cut + 1]) <= width:
        cut += 1
    return cut


def paragraph_lines(paragraph: Paragraph, width: float, scale: float = 1.0) -> list[str]:
    """Return the lines ``paragraph`` takes in a column ``width`` points wide at ``scale``."""
    size, font = paragraph.size * scale, paragraph.metrics  # the font looked up once, not per measured string
    room = max(width - paragraph.margin_left - max(paragraph.indent, 0.0), 1.0)
    return wrap(paragraph.text, room, lambda s: font.width(s, size))


def text_height(paragraphs: list[Paragraph], width: float, scale: float = 1.0) -> tuple[float, int]:
    """Return (height in points, line count) of ``paragraphs`` laid out ``width`` wide at ``scale``."""
    height, count = 0.0, 0
    for index, paragraph in enumerate(paragraphs):
        lines = len(paragraph_lines(paragraph, width, scale))
        line = paragraph.metrics.line_height(paragraph.size * scale) * paragraph.line_spacing
        space = (paragraph.space_before if index else 0.0) + paragraph.space_after
        height += lines * line + space
        count += lines
    return height, count


def too_wide_word(paragraphs: list[Paragraph], width: float, scale: float = 1.0) -> str:
    """Return the first word that would break between characters at ``scale``, or ''.

    A word may end a line after a hyphen or at a zero-width space; an e-mail address or URL
    without break opportunities (``fit.breaks``) that needs more than its line is broken,
    even at a hyphen: a hyphen ending the line would read as a word divided there.
    """
    for paragraph in paragraphs:
        size, font = paragraph.size * scale, paragraph.metrics
        room = max(width - paragraph.margin_left - max(paragraph.indent, 0.0), 1.0)
        measure = partial(font.width, size=size)
        for word in paragraph.text.split():
            if len(word) > 1 and measure(word) > room and _unbreakable(word, room, measure):
                return word.replace(ZERO_WIDTH_SPACE, "").replace(WORD_JOINER, "")
    return ""


def _unbreakable(word: str, room: float, measure) -> bool:
    """Return True when a piece of ``word`` between its break opportunities is wider than ``room``."""
    if ZERO_WIDTH_SPACE not in word and is_address(word):
        return True
    return any(len(piece.rstrip("-" + ZERO_WIDTH_SPACE)) > 1 and measure(piece.rstrip(ZERO_WIDTH_SPACE)) > room
               for piece in _PIECES.findall(word))


def fit_paragraphs(paragraphs: list[Paragraph], area: Area, min_scale: float) -> FitResult:
    """Return the largest scale (100 %, then 2.5 % steps down to ``min_scale``) at which text fits ``area``
    with every word whole: text shrinks before a word is broken, and a word that still breaks is reported."""
    scale = 1.0
    while True:
        height, count = text_height(paragraphs, area.width, scale)
        broken = too_wide_word(paragraphs, area.width, scale)
        if (height <= area.height and not broken) or scale - SCALE_STEP < min_scale - 1e-9:
            return FitResult(round(scale, 4), count, max(height - area.height, 0.0), height, broken)
        scale -= SCALE_STEP


def fit_text(lines: list[str], area: Area, font: str, size_pt: float, min_scale: float) -> FitResult:
    """Return how plain ``lines`` (one paragraph each) in ``font`` at ``size_pt`` fit ``area``."""
    return fit_paragraphs([Paragraph(line, size_pt, font) for line in lines], area, min_scale)
