"""The paragraph style a list of level elements gives (``a:pPr``, ``a:lvlNpPr``), nearest first.

A paragraph's style comes from its own ``a:pPr`` and first run, then from the list styles of its
shape, layout and master placeholders and the master's text styles. Everything after its own
shape is the same for every paragraph of a level on a layout placeholder, so it is read once
(``LevelStyle.read``) and laid under the paragraph's own values (``LevelStyle.over``).
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from pptx.oxml.ns import qn

DEFAULT_SIZE = 18.0
UNSET: Any = object()  # "no element says": unlike None, no attribute ever reads as it
_DEF_R_PR, _LATIN = qn("a:defRPr"), qn("a:latin")
_SPC_BEF, _SPC_AFT, _SPC_PTS, _SPC_PCT = qn("a:spcBef"), qn("a:spcAft"), qn("a:spcPts"), qn("a:spcPct")
_LINE_PCT = f"{qn('a:lnSpc')}/{_SPC_PCT}"


def _first(elements: list, read: Callable) -> Any:
    """Return the first value ``read`` finds on ``elements`` (None elements skipped), or UNSET."""
    for element in elements:
        if element is not None:
            value = read(element)
            if value is not UNSET:
                return value
    return UNSET


def first_int(elements: list, name: str, default: int) -> int:
    """Return the whole-number attribute ``name`` of the first of ``elements`` that has it, else ``default``."""
    value = _first(elements, _int_attr(name))
    return default if value is UNSET else value


def _int_attr(name: str) -> Callable:
    return lambda element: int(element.get(name)) if element.get(name) is not None else UNSET


def _bold(element) -> Any:
    value = element.get("b")
    return value in ("1", "true") if value is not None else UNSET


def _typeface(element) -> Any:
    latin = element.find(_LATIN)
    return latin.get("typeface") if latin is not None else UNSET


def _spacing(tag: str) -> Callable:
    """Return a reader of space before/after in points (percent spacing counts as a share of 18 pt)."""
    def read(level) -> Any:
        node = level.find(tag)
        points, percent = (node.find(_SPC_PTS), node.find(_SPC_PCT)) if node is not None else (None, None)
        if points is not None:
            return int(points.get("val")) / 100
        return int(percent.get("val")) / 100_000 * DEFAULT_SIZE if percent is not None else UNSET
    return read


def _line_spacing(level) -> Any:
    node = level.find(_LINE_PCT)
    return int(node.get("val")) / 100_000 if node is not None else UNSET


_SIZE, _MARGIN, _INDENT = _int_attr("sz"), _int_attr("marL"), _int_attr("indent")
_BEFORE, _AFTER = _spacing(_SPC_BEF), _spacing(_SPC_AFT)


class LevelStyle(NamedTuple):
    """What a list of level elements says about a paragraph (UNSET where none says anything)."""

    size: Any = UNSET  # hundredths of a point
    bold: Any = UNSET
    typeface: Any = UNSET
    margin_left: Any = UNSET  # EMU
    indent: Any = UNSET  # EMU
    space_before: Any = UNSET  # points
    space_after: Any = UNSET  # points
    line_spacing: Any = UNSET

    @classmethod
    def read(cls, levels: list, run=None) -> "LevelStyle":
        """Return the style ``levels`` (nearest first) give, ``run``'s ``a:rPr`` before their ``a:defRPr``."""
        props = [run] + [level.find(_DEF_R_PR) for level in levels]
        return cls(_first(props, _SIZE), _first(props, _bold), _first(props, _typeface), _first(levels, _MARGIN),
                   _first(levels, _INDENT), _first(levels, _BEFORE), _first(levels, _AFTER),
                   _first(levels, _line_spacing))

    def over(self, under: "LevelStyle") -> "LevelStyle":
        """Return this style with what it leaves UNSET taken from ``under``."""
        return LevelStyle(*(mine if mine is not UNSET else theirs for mine, theirs in zip(self, under)))

    def value(self, name: str, default: Any) -> Any:
        """Return the value of field ``name``, or ``default`` when no element set it."""
        found = getattr(self, name)
        return default if found is UNSET else found
