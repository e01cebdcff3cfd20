"""Read the text style a shape really shows: its own XML first, then (for placeholders)
the layout's and master's placeholder, then the master's text styles."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from pptx.oxml.ns import qn

from generator.fit.levels import DEFAULT_SIZE, LevelStyle, first_int
from generator.fit.measure import Area, Paragraph
from generator.geometry import EMU_PER_POINT
from generator.ooxml import placeholder_of

DEFAULT_INSETS = (91_440, 45_720, 91_440, 45_720)  # lIns, tIns, rIns, bIns: 0.1 in and 0.05 in
_INSET_NAMES = ("lIns", "tIns", "rIns", "bIns")


@dataclass(frozen=True)
class ThemeFonts:
    """The theme's heading (major) and body (minor) fonts, for ``+mj-lt`` / ``+mn-lt`` references."""

    major: str
    minor: str

    def name(self, typeface: str | None, title: bool) -> str:
        """Return the real font name for a typeface reference (None: the theme font of the shape)."""
        if not typeface or typeface.startswith("+"):
            major = typeface == "+mj-lt" if typeface else title
            return (self.major if major else self.minor) or "Calibri"
        return typeface


# What placeholders inherit (txBody elements, size) per slide layout part, by placeholder idx and
# class. Layouts and masters never change while decks are filled, and python-pptx finds a
# placeholder's layout and master counterparts by scanning their shapes with an XPath each.
_INHERITED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# Every deck is a new presentation opened from the same template, its layouts the same XML as the
# first deck's: a deck's layout parts stand for the first ones seen (see share_layouts), so what
# was read there serves every deck. Slide part -> that layout key, as python-pptx scans the
# slide's relationships for its layout on every question.
_SAME_AS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LAYOUT_KEY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_TX_BODY = qn("p:txBody")
_TITLE_TYPES = ("title", "ctrTitle")
# Tag names in Clark notation, worked out once: qn() costs more than the lxml find it feeds.
_P, _P_PR, _T = qn("a:p"), qn("a:pPr"), qn("a:t")
_R_PR, _BODY_PR, _LST_STYLE = f"{qn('a:r')}/{qn('a:rPr')}", qn("a:bodyPr"), qn("a:lstStyle")
_NOTHING = LevelStyle()


def share_layouts(prs, reference) -> None:
    """Let shapes on ``prs``'s layouts use what was read for ``reference``'s, ``prs`` being a copy of it."""
    for layout, same in zip(_layout_parts(prs), _layout_parts(reference)):
        _SAME_AS[layout] = _SAME_AS.get(same, same)


def _layout_parts(prs) -> list:
    return [layout.part for master in prs.slide_masters for layout in master.slide_layouts]


def txbody_chain(shape) -> list:
    """Return the txBody elements that style ``shape``: its own, then its layout's and master's placeholder."""
    inherited = _inherited_bodies(shape) if placeholder_of(shape._element) is not None else ()
    return [body for body in (shape._element.find(_TX_BODY), *inherited) if body is not None]


def _inherited_bodies(shape) -> tuple:
    """Return the txBody elements (or None) of the layout and master placeholders ``shape`` inherits from."""
    return _per_layout(shape, "bodies", _find_inherited_bodies)


def _per_layout(shape, name: str, compute):
    """Return ``compute(shape)`` for placeholder ``shape``, kept per slide layout, idx and shape class."""
    try:
        layout = _layout_key(shape.part)
    except AttributeError:  # not on a slide: compute without the cache
        return compute(shape)
    cache = _INHERITED.setdefault(layout, {})
    key = (name, int(placeholder_of(shape._element).get("idx", "0")), type(shape))
    if key not in cache:
        cache[key] = compute(shape)
    return cache[key]


def _layout_key(part):
    """Return the layout part standing for the layout of slide ``part`` (AttributeError off a slide)."""
    key = _LAYOUT_KEY.get(part)
    if key is None:
        layout = part.slide_layout.part
        key = _LAYOUT_KEY[part] = _SAME_AS.get(layout, layout)
    return key


def _find_inherited_bodies(shape) -> tuple:
    layout_ph = _inherited(shape)
    if layout_ph is None:
        return ()
    master_ph = _inherited(layout_ph)
    bodies = (layout_ph._element.find(_TX_BODY),)
    return bodies if master_ph is None else bodies + (master_ph._element.find(_TX_BODY),)


def _inherited(shape):
    try:
        return shape._base_placeholder
    except (AttributeError, KeyError):
        return None


def is_title(shape) -> bool:
    """Return True for a title placeholder (styled by the master's title style)."""
    ph = placeholder_of(shape._element)
    return ph is not None and ph.get("type") in _TITLE_TYPES


def _level_styles(bodies: list, master_style, level: int) -> list:
    """Return the ``a:lvlNpPr`` elements of ``bodies`` then of the master's ``master_style``."""
    tag = qn(f"a:lvl{level}pPr")
    found = [body.find(f"{_LST_STYLE}/{tag}") for body in bodies]
    if master_style is not None:
        found.append(master_style.find(tag))
    return [element for element in found if element is not None]


def _master_text_style(shape, title: bool):
    if placeholder_of(shape._element) is None:
        return None
    return _per_layout(shape, f"style {title}", lambda s: _find_master_text_style(s, title))


def _find_master_text_style(shape, title: bool):
    try:
        master = shape.part.slide_layout.slide_master._element
    except AttributeError:
        return None
    kind = "p:titleStyle" if title else "p:bodyStyle"
    return master.find(f"{qn('p:txStyles')}/{qn(kind)}")


def area(shape, chain: list) -> Area:
    """Return the text area of ``shape`` in points: its size less its body insets."""
    insets = [first_int([b.find(_BODY_PR) for b in chain], name, default)
              for name, default in zip(_INSET_NAMES, DEFAULT_INSETS)]
    size = _size(shape)
    width = (size[0] - insets[0] - insets[2]) / EMU_PER_POINT
    height = (size[1] - insets[1] - insets[3]) / EMU_PER_POINT
    return Area(max(width, 1.0), max(height, 1.0))


def _size(shape) -> tuple[int, int]:
    """Return (width, height) of ``shape`` in EMU; a placeholder without its own size has its layout's (cached)."""
    inherits = placeholder_of(shape._element) is not None and shape._element.cx is None and shape._element.cy is None
    return _per_layout(shape, "size", _own_size) if inherits else _own_size(shape)


def _own_size(shape) -> tuple[int, int]:
    return int(shape.width or 0), int(shape.height or 0)


def paragraphs(shape, fonts: ThemeFonts) -> list[Paragraph]:
    """Return the paragraphs of ``shape``'s text frame with the style each one is shown in."""
    title, body = is_title(shape), _own_body(shape)
    result = []
    for p in body.findall(_P):
        ppr = p.find(_P_PR)
        level = int(ppr.get("lvl", "0")) + 1 if ppr is not None else 1
        own = [e for e in (ppr, body.find(f"{_LST_STYLE}/{qn(f'a:lvl{level}pPr')}")) if e is not None]
        style = LevelStyle.read(own, p.find(_R_PR)).over(_inherited_level(shape, level, title))
        result.append(_paragraph(p, style, fonts, title))
    return result


def _inherited_level(shape, level: int, title: bool) -> LevelStyle:
    """Return what the layout's and master's placeholders and text styles say about ``level`` (kept per layout)."""
    if placeholder_of(shape._element) is None:
        return _NOTHING  # a text box inherits nothing from layout or master

    def read(placeholder) -> LevelStyle:
        bodies = [body for body in _inherited_bodies(placeholder) if body is not None]
        return LevelStyle.read(_level_styles(bodies, _master_text_style(placeholder, title), level))

    return _per_layout(shape, ("level", level, title), read)


def _own_body(shape):
    """Return the shape's txBody (python-pptx's text_frame adds one only when there is none)."""
    body = shape._element.find(_TX_BODY)
    return body if body is not None else shape.text_frame._txBody


def _paragraph(p, style: LevelStyle, fonts: ThemeFonts, title: bool) -> Paragraph:
    text = "".join(t.text or "" for t in p.iter(_T))
    return Paragraph(text, style.value("size", int(DEFAULT_SIZE * 100)) / 100,
                     fonts.name(style.value("typeface", None), title), style.value("bold", False),
                     margin_left=style.value("margin_left", 0) / EMU_PER_POINT,
                     indent=style.value("indent", 0) / EMU_PER_POINT,
                     space_before=style.value("space_before", 0.0), space_after=style.value("space_after", 0.0),
                     line_spacing=style.value("line_spacing", 1.0))
