"""Put translations into a deck read by :mod:`generator.hq.reader`, paragraph by paragraph.

Each translation is checked against its source's markers first: one that drops or
mangles a marker is a :class:`~generator.errors.LocalizeError` naming deck, slide
and shape. Data tags (``{{ retailer.name }}``) are filled piece by piece after
that, so a value never meets the marker syntax.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from generator.errors import LocalizeError
from generator.hq.markers import MarkerError, Piece, escape, parse_marked, read_paragraph, set_language, write_paragraph
from generator.hq.reader import DeckText, TextUnit

#: Return the translation (marked text) of a unit, or None when there is none (the source is kept).
Lookup = Callable[[TextUnit], "str | None"]
#: Return a piece of text with its data tags filled (raise LocalizeError on an unknown name).
Fill = Callable[[str], str]


@dataclass
class Localization:
    """How to localize one deck: where translations come from, data tags, proofing language."""

    deck: str  # the deck's name in messages
    language: str
    lookup: Lookup
    fill: Fill | None = None
    lang_tag: str | None = None  # None leaves the proofing language as it is (the identity round trip)
    missing: list[TextUnit] = field(default_factory=list)
    translated: bool = True  # False for the copy in the deck's own language, whose text stays HQ's


def localize_text(found: DeckText, job: Localization) -> None:
    """Replace every unit's text (and its shadows') with its translation, data tags filled."""
    done: dict[tuple[int, str], str] = {}
    for unit in found.units:
        translated = job.lookup(unit)
        if translated is None:
            job.missing.append(unit)
            translated = unit.text
        _apply(unit.element, unit.marked, translated, job, unit)
        done.setdefault((unit.slide, unit.text), translated)
    for slide, element in found.shadows:
        marked = read_paragraph(element) if element.tag.endswith("}p") else None
        source = marked.text if marked is not None else _label_text(element)
        translated = done.get((slide, source))
        if translated is not None:
            _apply(element, marked, translated, job, None)
        elif marked is not None and job.lang_tag:
            set_language(element, job.lang_tag)
    found.flush()


def _label_text(element) -> str:
    return escape(element.text or "")


def _apply(element, marked, translated: str, job: Localization, unit: TextUnit | None) -> None:
    if marked is None:  # a chart label: plain text
        pieces = _pieces(translated, _PLAIN, job, unit)
        element.text = "".join(piece.text for piece in pieces)
        return
    pieces = _pieces(translated, marked, job, unit)
    write_paragraph(element, marked, pieces)
    if job.lang_tag:
        set_language(element, job.lang_tag)


class _Plain:
    groups: dict = {}
    inline: dict = {}


_PLAIN = _Plain()


def _pieces(translated: str, marked, job: Localization, unit: TextUnit | None) -> list[Piece]:
    try:
        pieces = parse_marked(translated, marked)
    except MarkerError as exc:
        raise LocalizeError(f"{_where(job, unit)}: the {job.language} translation {translated!r}: {exc} "
                            "(keep every <gN>...</gN> and <xN/> of the source text)") from exc
    if job.fill is None:
        return pieces
    return [_filled(piece, job, unit) for piece in pieces]


def _filled(piece: Piece, job: Localization, unit: TextUnit | None) -> Piece:
    if not any(code in piece.text for code in ("{{", "}}", "{%")):
        return piece
    if piece.text.count("{{") != piece.text.count("}}"):
        raise LocalizeError(f"{_where(job, unit)}: a data tag is cut by a change of formatting in {piece.text!r} "
                            "(give the whole {{ ... }} one formatting)")
    try:
        return Piece(job.fill(piece.text), piece.group, piece.inline)
    except LocalizeError as exc:
        raise LocalizeError(f"{_where(job, unit)}: {exc.message}") from exc


def _where(job: Localization, unit: TextUnit | None) -> str:
    if unit is None:
        return job.deck
    return f"{job.deck}: slide {unit.slide}, shape {unit.shape}, {unit.where}"
