"""Propose a starter profile for a master made elsewhere: a layout per role, read from the
layouts' names, placeholder types and box sizes, and said plainly where no layout fits.

Names are read the way exporters write them: Google Slides' ``TITLE_AND_BODY_1_2`` is the
"title and body" layout (copy suffixes and underscores dropped). A box smaller than what
its role needs (``MIN_BOX``) is never proposed: bullets do not go into a 0.3 in caption line.
The proposal says those minimums as ``fit.min_box``, so the build refuses a role later mapped
to a smaller box.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from generator.geometry import EMU_PER_INCH
from generator.spec import DEFAULT_MIN_BOX, ROLE_SLOTS
from generator.template.inspect import LayoutInfo, PlaceholderInfo, TemplateInfo

CONTENT_TYPES = ("obj", "body")
# Smallest box (width, height in inches) each role's main content may get, and a subtitle (the
# title role's box); written into the proposal as ``fit.min_box``, which the build then checks.
MIN_BOX: dict[str, tuple[float, float]] = {**DEFAULT_MIN_BOX, "subtitle": DEFAULT_MIN_BOX["title"]}
# Words of (normalized) layout names that hint at a role, strongest first.
NAME_HINTS: dict[str, tuple[str, ...]] = {
    "title": ("title slide", "cover", "title"), "section": ("section", "divider", "main point", "segue"),
    "bullets": ("bullet", "content", "body"), "chart": ("chart",), "two-content": ("two", "comparison"),
    "table": ("table",), "kpi": ("kpi", "metric", "number"), "picture": ("picture", "photo", "image"),
    "closing": ("closing", "end", "thank"),
}
_COPY_SUFFIX = re.compile(r"(\s\d+)+$")


@dataclass(frozen=True)
class Choice:
    """The layout and slots proposed for one role, and why (a comment in the profile)."""

    layout: str
    slots: dict[str, int]
    note: str
    fallback: str = ""  # said at the top of the profile when no layout fits the role


def propose_profile(info: TemplateInfo, template_name: str) -> str:
    """Return a commented starter profile (YAML text) for ``info``; review it before use."""
    choices = {role: choose(info, role) for role in ROLE_SLOTS}
    lines = [
        f"# Starter profile for {info.path.name}, proposed by `kitgen template inspect --profile`.",
        "# Layouts were chosen by name, placeholder types and box sizes: check them with `kitgen template inspect`.",
        "# A content slot left out (chart, table, tiles, body...) uses the layout's content area:",
        "# below the title, above the footers.",
        *[f"# {role}: {c.fallback}" for role, c in choices.items() if c.fallback],
        f"template: {json.dumps(template_name)}",
        "fit:",
        "  min_scale: 0.8   # text may shrink to 80 % before it is an error",
        "  min_box:         # smallest box (width, height in inches) of each role's content; checked at build",
        *[f"    {role}: [{width}, {height}]" for role, (width, height) in DEFAULT_MIN_BOX.items()],
        "roles:",
    ]
    width = max(len(role) for role in ROLE_SLOTS) + 1
    for role, choice in choices.items():
        slots = ", ".join(f"{slot}: {idx}" for slot, idx in choice.slots.items())
        lines.append(f"  {role + ':':<{width}} {{layout: {json.dumps(choice.layout)}, slots: {{{slots}}}}}"
                     f"  # {choice.note}")
    return "\n".join(lines) + "\n"


def choose(info: TemplateInfo, role: str) -> Choice:
    """Return the layout proposed for ``role`` on ``info``."""
    pickers = {
        "title": _pick_title, "closing": _pick_closing, "section": _pick_section,
        "bullets": lambda i: _largest_body(i, "bullets", "body", "the largest single text box"),
        "kpi": lambda i: _largest_body(i, "kpi", "tiles", "the largest single content box, room for tiles"),
        "two-content": _pick_two_content, "picture": lambda i: _pick_media(i, "picture", "pic"),
        "chart": lambda i: _pick_media(i, "chart", "chart"), "table": lambda i: _pick_media(i, "table", "tbl"),
    }
    return pickers[role](info) or _content_area(info, role) or _any_layout(info)


# ------------------------------------------------------------------ reading layouts
def normalized(name: str) -> str:
    """Return a layout name as words: ``TITLE_AND_BODY_1_2`` -> ``title and body``."""
    return _COPY_SUFFIX.sub("", name.replace("_", " ").strip().lower())


def _hinted(layouts: tuple[LayoutInfo, ...], role: str) -> list[LayoutInfo]:
    """Return the layouts with a title whose name hints at ``role``, strongest hint first."""
    hints = NAME_HINTS[role]

    def rank(layout: LayoutInfo) -> int:
        name = normalized(layout.name)
        exact = [i for i, hint in enumerate(hints) if name == hint]
        return exact[0] if exact else next((i + len(hints) for i, h in enumerate(hints) if _has_words(name, h)), -1)
    ranked = [(rank(layout), n, layout) for n, layout in enumerate(layouts) if layout.title]
    return [layout for r, _, layout in sorted(ranked, key=lambda t: t[:2]) if r >= 0]


def _has_words(name: str, hint: str) -> bool:
    return re.search(rf"\b{re.escape(hint)}\b", name) is not None


def _inches(ph: PlaceholderInfo) -> tuple[float, float]:
    return (ph.box.width / EMU_PER_INCH, ph.box.height / EMU_PER_INCH) if ph.box else (0.0, 0.0)


def _holds(ph: PlaceholderInfo, need: str) -> bool:
    """Return True when ``ph``'s box is at least the minimum box of ``need``."""
    width, height = _inches(ph)
    return width >= MIN_BOX[need][0] and height >= MIN_BOX[need][1]


def _slots(layout: LayoutInfo, **named: PlaceholderInfo | None) -> dict[str, int]:
    found = {"title": layout.title, **named}
    return {slot: ph.idx for slot, ph in found.items() if ph is not None}


def _texts(layout: LayoutInfo) -> list[PlaceholderInfo]:
    """Return the layout's text and object placeholders besides the title (largest first)."""
    return sorted(layout.of_type("subTitle", *CONTENT_TYPES), key=lambda ph: -ph.area)


# ------------------------------------------------------------------ title, section, closing
def _pick_title(info: TemplateInfo) -> Choice | None:
    for layout in info.layouts:
        if layout.title and layout.of_type("ctrTitle", "subTitle"):
            return _with_subtitle(layout, "title slide layout (centred title or subtitle placeholder)")
    for layout in _hinted(info.layouts, "title"):
        if normalized(layout.name) in NAME_HINTS["title"] and _subtitle_of(layout):
            return _with_subtitle(layout, "named as the title layout, with a subtitle box")
    for layout in info.layouts:
        if _looks_like_cover(layout, info.slide_size[1]):
            return _with_subtitle(layout, "a title and one small text box below it, low on the slide")
    for layout in _hinted(info.layouts, "section"):
        if _subtitle_of(layout):
            return _with_subtitle(layout, "a section layout with a subtitle box",
                                  f"no title layout with a title placeholder: title slides use '{layout.name}'")
    return None


def _looks_like_cover(layout: LayoutInfo, slide_height: int) -> bool:
    """Return True for a title, and one short text box under it, starting below the slide's top fifth."""
    texts = _texts(layout)
    if not layout.title or not layout.title.box or len(layout.extras) != 1 or len(texts) != 1 or not texts[0].box:
        return False
    title, sub = layout.title.box, texts[0].box
    return title.top > slide_height // 5 and sub.top >= title.top and _holds(texts[0], "subtitle") and \
        sub.height < slide_height // 3


def _subtitle_of(layout: LayoutInfo) -> PlaceholderInfo | None:
    return next((ph for ph in layout.of_type("subTitle") + _texts(layout) if _holds(ph, "subtitle")), None)


def _with_subtitle(layout: LayoutInfo, note: str, fallback: str = "") -> Choice:
    return Choice(layout.name, _slots(layout, subtitle=_subtitle_of(layout)), note, fallback)


def _pick_section(info: TemplateInfo) -> Choice | None:
    named = _hinted(info.layouts, "section")
    for layout in named:
        if _subtitle_of(layout):
            return _with_subtitle(layout, "section layout")
    title = _pick_title(info)
    if named and title:
        return Choice(title.layout, title.slots, "the title layout, which has a subtitle box",
                      f"'{named[0].name}' has no box for the section subtitle: section slides use the title "
                      f"layout '{title.layout}' instead, so subtitles show")
    return title and Choice(title.layout, title.slots, "no section layout: the title layout",
                            f"no section layout: section slides use the title layout '{title.layout}'")


def _pick_closing(info: TemplateInfo) -> Choice | None:
    for layout in _hinted(info.layouts, "closing"):
        return _with_subtitle(layout, "closing layout")
    title = _pick_title(info)
    return title and Choice(title.layout, title.slots, "no closing layout: the title layout")


# ------------------------------------------------------------------ content roles
def _single_content(info: TemplateInfo) -> list[LayoutInfo]:
    """Return layouts with a title and exactly one text/object placeholder besides footers."""
    return [layout for layout in info.layouts
            if layout.title and len(layout.extras) == 1 and layout.of_type(*CONTENT_TYPES)]


def _largest_body(info: TemplateInfo, role: str, slot: str, note: str) -> Choice | None:
    """Return the single-content layout with the biggest box that holds ``role``, named ones first."""
    pool = [layout for layout in _single_content(info) if _holds(layout.extras[0], role)]
    named = [layout for layout in _hinted(info.layouts, role) if layout in pool]
    if not (named or pool):
        return None
    layout = max(named or pool, key=lambda lay: lay.extras[0].area)
    return Choice(layout.name, _slots(layout, **{slot: layout.extras[0]}), note)


def _pick_two_content(info: TemplateInfo) -> Choice | None:
    for layout in _hinted(info.layouts, "two-content") + list(info.layouts):
        pair = layout.of_type(*CONTENT_TYPES)
        if layout.title and len(layout.extras) == 2 and len(pair) == 2 and all(_holds(ph, "two-content") for ph in pair):
            left, right = sorted(pair, key=lambda ph: ph.box.left)
            if left.box.left + left.box.width <= right.box.left:
                return Choice(layout.name, _slots(layout, left=left, right=right), "two side-by-side boxes")
    return None


def _pick_media(info: TemplateInfo, role: str, ph_type: str) -> Choice | None:
    """Return a layout with a placeholder for the role's content (chart, table, picture), or an object box."""
    slot = {"pic": "picture", "tbl": "table"}.get(ph_type, ph_type)
    for layout in _hinted(info.layouts, role) + list(info.layouts):
        found = [ph for ph in layout.of_type(ph_type) if _holds(ph, role)]
        if layout.title and found:
            caption = {"caption": _first_body(layout)} if role in ("chart", "picture") else {}
            return Choice(layout.name, _slots(layout, **{slot: found[0]}, **caption), f"{ph_type} placeholder")
    objects = [lay for lay in _single_content(info) if lay.extras[0].type == "obj" and _holds(lay.extras[0], role)]
    if objects:
        return Choice(objects[0].name, _slots(objects[0], **{slot: objects[0].extras[0]}), "object placeholder")
    return None


def _first_body(layout: LayoutInfo) -> PlaceholderInfo | None:
    return next(iter(layout.of_type("body")), None)


def _content_area(info: TemplateInfo, role: str) -> Choice | None:
    """Return the title-only layout with the largest content area that holds ``role``."""
    need = MIN_BOX.get(role, (0.0, 0.0))
    roomy = [layout for layout in info.layouts if layout.title and not layout.extras
             and layout.content_area.width >= need[0] * EMU_PER_INCH
             and layout.content_area.height >= need[1] * EMU_PER_INCH]
    if not roomy:
        return None
    layout = max(roomy, key=lambda lay: lay.content_area.width * lay.content_area.height)
    return Choice(layout.name, _slots(layout), "title only: the content fills the content area",
                  f"no layout has a {role} box: '{layout.name}' with the content in its content area")


def _any_layout(info: TemplateInfo) -> Choice:
    layout = next((lay for lay in info.layouts if lay.title), info.layouts[0])
    return Choice(layout.name, _slots(layout), "no fitting layout found: review this line",
                  f"no layout fits: '{layout.name}' is a placeholder choice, review it")
