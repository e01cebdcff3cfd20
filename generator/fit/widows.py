"""Titles never end on a lone word: the last two words of a title are joined by a no-break space.

A title that wraps onto a second line holding one short word ("lune") reads as a mistake, and
the box is sized for the words, not for the break. Typesetters tie the last two words of a
heading together, so a wrapped title carries at least two words onto its last line; PowerPoint
and LibreOffice never break at U+00A0, and the fitter measures it as part of the word
(:mod:`generator.fit.measure`). Only titles of three words or more are tied: tying the two
words of a two-word title would only move both to the second line.
"""

from __future__ import annotations

import re

from pptx.oxml.ns import qn

NO_BREAK_SPACE = "\u00a0"
#: placeholder types whose text is a title (``ctrTitle``: the title slide's)
TITLE_TYPES = frozenset({"title", "ctrTitle"})
MIN_WORDS = 3
# A space a line may break at: any white space but the no-break ones (U+00A0, figure and narrow no-break space).
_BREAKABLE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_T, _BR, _PH = qn("a:t"), qn("a:br"), qn("p:ph")


def tie_last_words(text: str) -> str:
    """Return ``text`` with its last two words joined by a no-break space when it has three words or more.

    The space between them becomes U+00A0 character for character, so the text keeps its length.
    """
    spaces = list(_BREAKABLE.finditer(text.strip()))
    if len(spaces) + 1 < MIN_WORDS:
        return text
    offset = len(text) - len(text.lstrip())
    start, end = spaces[-1].start() + offset, spaces[-1].end() + offset
    return text[:start] + NO_BREAK_SPACE * (end - start) + text[end:]


def is_title(shape) -> bool:
    """Return True when ``shape`` is a title placeholder (the slide's title or the title slide's)."""
    ph = shape._element.find(f".//{_PH}")
    return ph is not None and ph.get("type") in TITLE_TYPES


def tie_title(shape) -> bool:
    """Return True after tying the last two words of every line of the title ``shape`` (other shapes: False).

    Each paragraph's last line (after its last ``a:br``) is tied, wherever its runs split the words:
    the space is replaced in the ``a:t`` element that holds it.
    """
    if not getattr(shape, "has_text_frame", False) or not is_title(shape):
        return False
    changed = False
    for p in shape.text_frame._txBody.iterfind(qn("a:p")):
        texts = []
        for child in p.iter(_T, _BR):
            texts = [] if child.tag == _BR else texts + [child]
        changed |= _tie_elements(texts)
    return changed


def _tie_elements(elements: list) -> bool:
    """Return True after tying the last two words of the text spread over the ``a:t`` ``elements``."""
    joined = "".join(e.text or "" for e in elements)
    tied = tie_last_words(joined)
    if tied == joined:
        return False
    at = 0
    for element in elements:  # the tied text has the joined text's length: give each element its slice back
        length = len(element.text or "")
        if length:
            element.text = tied[at:at + length]
        at += length
    return True
