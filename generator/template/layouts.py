"""Read geometry and text defaults from python-pptx layouts, masters and themes."""

from __future__ import annotations

import difflib

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation
from pptx.slide import SlideLayout, SlideMaster

from generator.errors import TemplateError
from generator.geometry import Box
from generator.ooxml import parse_part, placeholder_of

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
FOOTER_TYPES = frozenset({"dt", "ftr", "sldNum"})
TITLE_TYPES = frozenset({"title", "ctrTitle"})
SLIDE_MARGIN = 0.05  # fallback content margin, as a share of the slide size
MIN_SIDE_MARGIN = 0.02  # a title closer to the edge than this is a full-bleed bar, not a margin guide
GAP = 0.015  # breathing room between the content area and the title or footer
MAX_DECORATION = 0.25  # bigger shapes are backgrounds that content sits on, not obstacles
MIN_AREA = 0.1  # a content area shorter than this share of the slide is no content area


def find_layout(prs: Presentation, name: str) -> SlideLayout:
    """Return the layout called ``name`` (any master); TemplateError with a suggestion if absent."""
    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    for layout in layouts:
        if layout.name == name:
            return layout
    names = [layout.name for layout in layouts]
    close = difflib.get_close_matches(name, names, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise TemplateError(f"layout {name!r} is not in the template.{hint} "
                        f"Available layouts: {', '.join(map(repr, names))}")


def placeholder_type(element) -> str:
    """Return the OOXML placeholder type of a shape element (``obj`` when unspecified)."""
    ph = placeholder_of(element)
    return ph.get("type", "obj") if ph is not None else ""


def find_placeholder(layout: SlideLayout, slot: int | str):
    """Return the layout placeholder with idx (int) or name (str) ``slot``, or None."""
    for ph in layout.placeholders:
        if (ph.placeholder_format.idx == slot) if isinstance(slot, int) else (ph.name == slot):
            return ph
    return None


def describe_placeholders(layout: SlideLayout) -> str:
    """Return ``0 'Title 1' (title), 1 'Content' (obj)`` for error messages."""
    return ", ".join(f"{ph.placeholder_format.idx} {ph.name!r} ({placeholder_type(ph._element)})"
                     for ph in layout.placeholders) or "none"


def shape_box(shape) -> Box | None:
    """Return the (inherited) box of a layout or master shape, or None without geometry."""
    values = (shape.left, shape.top, shape.width, shape.height)
    return None if any(v is None for v in values) else Box(*(int(v) for v in values))


def content_area(layout: SlideLayout, slide_size: tuple[int, int]) -> Box:
    """Return the box below the title and above the footers, within the title's side margins."""
    width, height = slide_size
    title = _first_box(layout, TITLE_TYPES)
    left, right = _side_margins(layout, width)
    top = title.top + title.height + int(height * GAP) if title else int(height * SLIDE_MARGIN)
    bottom = _footer_top(layout, max(top, height // 2), height) - int(height * GAP)
    if bottom - top < height * MIN_AREA:  # e.g. a vertical title filling the slide: use plain margins
        top, bottom = int(height * SLIDE_MARGIN), int(height * (1 - SLIDE_MARGIN))
    return clear_of_decorations(Box(left, top, right - left, bottom - top), layout, slide_size)


def clear_of_decorations(box: Box, layout: SlideLayout, slide_size: tuple[int, int]) -> Box:
    """Return the largest part of ``box`` that covers none of the layout's logos and bands.

    A template's own content placeholders may run under its logo (it expects text, which
    rarely reaches the corner); a chart, table or picture filling the whole box would hide it.
    """
    for obstacle in _decorations(layout, slide_size):
        box = _avoid(box, obstacle, int(slide_size[1] * GAP))
    return box


def _decorations(layout: SlideLayout, slide_size: tuple[int, int]) -> list[Box]:
    """Return boxes of logos and bands drawn on the layout or (if shown) its master."""
    shapes = list(layout.shapes)
    if layout._element.get("showMasterSp") != "0":
        shapes += list(layout.slide_master.shapes)
    limit = slide_size[0] * slide_size[1] * MAX_DECORATION
    boxes = [shape_box(shape) for shape in shapes if not shape.is_placeholder]
    return [box for box in boxes if box and 0 < box.width * box.height < limit]


def _avoid(area: Box, obstacle: Box, gap: int) -> Box:
    """Return the largest part of ``area`` left when cutting it on one side clear of ``obstacle``."""
    right, bottom = area.left + area.width, area.top + area.height
    o_right, o_bottom = obstacle.left + obstacle.width, obstacle.top + obstacle.height
    if o_right <= area.left or obstacle.left >= right or o_bottom <= area.top or obstacle.top >= bottom:
        return area
    cuts = [
        Box(area.left, area.top, area.width, obstacle.top - gap - area.top),
        Box(area.left, area.top, obstacle.left - gap - area.left, area.height),
        Box(o_right + gap, area.top, right - o_right - gap, area.height),
        Box(area.left, o_bottom + gap, area.width, bottom - o_bottom - gap),
    ]
    best = max(cuts, key=lambda box: max(box.width, 0) * max(box.height, 0))
    return best if best.width > 0 and best.height > 0 else area


def _side_margins(layout: SlideLayout, width: int) -> tuple[int, int]:
    for box in (_first_box(layout, TITLE_TYPES), _master_box(layout.slide_master, "body")):
        if box and box.left >= width * MIN_SIDE_MARGIN and box.left + box.width <= width * (1 - MIN_SIDE_MARGIN):
            return box.left, box.left + box.width
    return int(width * SLIDE_MARGIN), int(width * (1 - SLIDE_MARGIN))


def _first_box(layout: SlideLayout, types: frozenset[str]) -> Box | None:
    for ph in layout.placeholders:
        if placeholder_type(ph._element) in types:
            return shape_box(ph)
    return next((_master_box(layout.slide_master, kind) for kind in types if _master_box(layout.slide_master, kind)),
                None)


def _master_box(master: SlideMaster, kind: str) -> Box | None:
    for ph in master.placeholders:
        if placeholder_type(ph._element) == kind:
            return shape_box(ph)
    return None


def _footer_top(layout: SlideLayout, below: int, height: int) -> int:
    """Return the top of the highest footer placeholder in the lower part of the slide."""
    footers = [ph for ph in layout.placeholders if placeholder_type(ph._element) in FOOTER_TYPES]
    if not footers:  # a layout without footers still sits on its master's footer band
        footers = [ph for ph in layout.slide_master.placeholders if placeholder_type(ph._element) in FOOTER_TYPES]
    tops = [box.top for ph in footers if (box := shape_box(ph)) and box.top > below]
    return min(tops, default=int(height * (1 - SLIDE_MARGIN)))


def font_size_pt(layout_ph) -> float | None:
    """Return the level-1 font size (points) a layout placeholder gives its text, or None."""
    kind = placeholder_type(layout_ph._element)
    master = layout_ph.part.slide_master
    base = _master_counterpart(master, kind)
    style = "p:titleStyle" if kind in TITLE_TYPES else "p:bodyStyle"
    candidates = [layout_ph._element, base._element if base is not None else None]
    for element in candidates:
        size = _lvl1_size(element, "./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr") if element is not None else None
        if size:
            return size
    return _lvl1_size(master._element, f"./p:txStyles/{style}/a:lvl1pPr/a:defRPr")


def _master_counterpart(master: SlideMaster, kind: str):
    wanted = "title" if kind in TITLE_TYPES else kind if kind in FOOTER_TYPES else "body"
    return next((ph for ph in master.placeholders if placeholder_type(ph._element) == wanted), None)


def _lvl1_size(element, path: str) -> float | None:
    found = element.find(path, NS)
    size = found.get("sz") if found is not None else None
    return int(size) / 100 if size else None


def theme_fonts(master: SlideMaster) -> tuple[str, str]:
    """Return the theme's (major, minor) latin font names; empty strings if unset."""
    part = master.part.part_related_by(RT.THEME)
    theme = parse_part(part.blob, "template", str(part.partname).lstrip("/"))
    scheme = "./a:themeElements/a:fontScheme/a:{}Font/a:latin"
    found = (theme.find(scheme.format(kind), NS) for kind in ("major", "minor"))
    major, minor = (font.get("typeface", "") if font is not None else "" for font in found)
    return major, minor
