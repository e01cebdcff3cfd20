"""Paragraphs as translators see them: text with numbered inline markers.

A DrawingML paragraph (``a:p``) is a row of runs, line breaks and fields. The
formatting most of its text carries is the paragraph's own; every stretch of
runs formatted otherwise (bold, italic, a colour, a hyperlink) becomes
``<g1>...</g1>``, and a line break, a field or any other inline element becomes
``<x2/>``, numbered in reading order, the way CAT tools show inline codes. A
translator may move markers and the words between them, but not drop, repeat
or invent one: :func:`parse_marked` says what is wrong.

A literal ``<`` in the text is written ``&lt;`` (and ``&`` only where it would
read as such an escape), so marker syntax never meets the deck's own text.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree
from pptx.oxml.ns import qn

from generator.errors import MarkerError

_R, _RPR, _T, _PPR, _END = qn("a:r"), qn("a:rPr"), qn("a:t"), qn("a:pPr"), qn("a:endParaRPr")
_BR, _FLD = qn("a:br"), qn("a:fld")
#: Run attributes that carry no formatting: proofing language and spell-check state.
_NOT_FORMATTING = ("lang", "altLang", "dirty", "err", "smtClean", "smtId", "noProof", "bmk")
_TOKEN = re.compile(r"<g(\d+)>|</g(\d+)>|<x(\d+)/>")
_ESCAPE = re.compile(r"<|&(?=lt;|amp;)")
_UNESCAPE = re.compile(r"&(lt|amp);")


@dataclass(frozen=True)
class Segment:
    """A piece of a paragraph: text with the formatting of marker ``group`` (0: the paragraph's own)."""

    text: str
    group: int = 0


@dataclass
class MarkedParagraph:
    """One paragraph read for translation: its marked text and what each marker stands for."""

    text: str
    base: etree._Element | None  # the rPr of the paragraph's own formatting (None: no rPr)
    groups: dict[int, etree._Element | None]  # g marker -> its runs' rPr
    inline: dict[int, etree._Element]  # x marker -> the element it keeps (a:br, a:fld, ...)

    @property
    def plain(self) -> str:
        """Return the text without markers, escapes undone, a line break as ``\n`` (what the slide shows)."""
        def shown(match: re.Match) -> str:
            single = match.group(3)
            return "\n" if single and self.inline[int(single)].tag == _BR else ""
        return unescape(_TOKEN.sub(shown, self.text))


def markers_of(text: str) -> MarkedParagraph:
    """Return a paragraph standing for the marked source ``text``: its markers, without their formatting.

    Enough to check a translation in a catalog (:func:`parse_marked`) without opening the deck.
    """
    groups = {int(m.group(1)): None for m in _TOKEN.finditer(text) if m.group(1)}
    inline = {int(m.group(3)): etree.Element(_R) for m in _TOKEN.finditer(text) if m.group(3)}
    return MarkedParagraph(text, None, groups, inline)


def escape(text: str) -> str:
    """Return ``text`` with ``<`` (and ``&`` before ``lt;``/``amp;``) escaped."""
    return _ESCAPE.sub(lambda m: "&lt;" if m.group() == "<" else "&amp;", text)


def unescape(text: str) -> str:
    """Return ``text`` with :func:`escape` undone."""
    return _UNESCAPE.sub(lambda m: "<" if m.group(1) == "lt" else "&", text)


def format_key(rpr: etree._Element | None) -> str:
    """Return what tells a run's formatting apart: its rPr without proofing attributes."""
    if rpr is None:
        return ""
    clean = copy.deepcopy(rpr)
    for name in _NOT_FORMATTING:
        clean.attrib.pop(name, None)
    return etree.tostring(clean, method="c14n").decode()


def inline_items(p: etree._Element) -> list[etree._Element]:
    """Return the paragraph's inline children: runs, breaks, fields (not its pPr or endParaRPr)."""
    return [child for child in p if child.tag not in (_PPR, _END) and isinstance(child.tag, str)]


def read_paragraph(p: etree._Element) -> MarkedParagraph:
    """Return the paragraph ``p`` as marked text."""
    items = inline_items(p)
    runs = [(item.find(_RPR), item.findtext(_T) or "") for item in items if item.tag == _R]
    weights: Counter[str] = Counter()
    for rpr, text in runs:
        weights[format_key(rpr)] += len(text)
    base_key = weights.most_common(1)[0][0] if weights else ""
    base = next((rpr for rpr, _ in runs if format_key(rpr) == base_key), None)
    parts, groups, inline = [], {}, {}
    open_group, open_key, number = 0, None, 0
    for item in items:
        key = format_key(item.find(_RPR)) if item.tag == _R else None
        if open_group and key != open_key:
            parts.append(f"</g{open_group}>")
            open_group, open_key = 0, None
        if item.tag != _R:
            number += 1
            inline[number] = item
            parts.append(f"<x{number}/>")
            continue
        if key != base_key and not open_group:
            number += 1
            open_group, open_key = number, key
            groups[number] = item.find(_RPR)
            parts.append(f"<g{number}>")
        parts.append(escape(item.findtext(_T) or ""))
    if open_group:
        parts.append(f"</g{open_group}>")
    return MarkedParagraph("".join(parts), base, groups, inline)


@dataclass(frozen=True)
class Piece:
    """A parsed piece of marked text: text in group ``group``, or inline marker ``inline``."""

    text: str = ""
    group: int = 0
    inline: int = 0


def parse_marked(text: str, source: MarkedParagraph) -> list[Piece]:
    """Return ``text`` (a translation of ``source``) as pieces; raise MarkerError when markers do not match."""
    pieces: list[Piece] = []
    seen: Counter[str] = Counter()
    open_group, position = 0, 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            pieces.append(Piece(unescape(text[position:match.start()]), open_group))
        position = match.end()
        opened, closed, single = (int(g) if g else 0 for g in match.groups())
        if opened:
            _check_open(opened, open_group, source)
            open_group = opened
            seen[f"g{opened}"] += 1
        elif closed:
            if closed != open_group:
                raise MarkerError(f"</g{closed}> closes a marker that is not open")
            open_group = 0
        else:
            if single not in source.inline:
                raise MarkerError(f"<x{single}/> is not in the source text")
            seen[f"x{single}"] += 1
            pieces.append(Piece(inline=single))
    if position < len(text):
        pieces.append(Piece(unescape(text[position:]), open_group))
    if open_group:
        raise MarkerError(f"<g{open_group}> is never closed")
    _check_counts(seen, source)
    return pieces


def _check_open(opened: int, open_group: int, source: MarkedParagraph) -> None:
    if opened not in source.groups:
        raise MarkerError(f"<g{opened}> is not in the source text")
    if open_group:
        raise MarkerError(f"<g{opened}> opens inside <g{open_group}> (markers do not nest)")


def _check_counts(seen: Counter[str], source: MarkedParagraph) -> None:
    expected = sorted([f"g{n}" for n in source.groups] + [f"x{n}" for n in source.inline], key=lambda m: int(m[1:]))
    missing = [name for name in expected if not seen[name]]
    if missing:
        raise MarkerError("it drops " + ", ".join(_shown(name) for name in missing))
    repeated = sorted((name for name, count in seen.items() if count > 1), key=lambda m: int(m[1:]))
    if repeated:
        raise MarkerError("it repeats " + ", ".join(_shown(name) for name in repeated))


def _shown(name: str) -> str:
    return f"<{name}/>" if name.startswith("x") else f"<{name}>"


def write_paragraph(p: etree._Element, source: MarkedParagraph, pieces: list[Piece]) -> None:
    """Replace the inline content of ``p`` with ``pieces``, each run formatted as its marker says."""
    for item in inline_items(p):
        p.remove(item)
    anchor = p.find(_END)
    for piece in pieces:
        if piece.inline:
            element = copy.deepcopy(source.inline[piece.inline])
        elif piece.text:
            element = _run(piece.text, source.groups[piece.group] if piece.group else source.base)
        else:
            continue
        if anchor is not None:
            anchor.addprevious(element)
        else:
            p.append(element)


def _run(text: str, rpr: etree._Element | None) -> etree._Element:
    run = etree.Element(_R)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    etree.SubElement(run, _T).text = text
    return run


def set_language(p: etree._Element, tag: str) -> None:
    """Set the proofing language ``tag`` (e.g. ``fr-CA``) on every run, break and the paragraph end."""
    for item in inline_items(p):
        if item.tag in (_R, _BR, _FLD):
            rpr = item.find(_RPR)
            if rpr is None:
                rpr = etree.Element(_RPR)
                item.insert(0, rpr)
            rpr.set("lang", tag)
    end = p.find(_END)
    if end is None:
        end = etree.SubElement(p, _END)
    end.set("lang", tag)
