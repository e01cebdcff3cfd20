"""Describe a template's layouts and propose a starter profile for it (no CLI code here)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.geometry import EMU_PER_INCH, Box
from generator.ooxml import placeholder_of
from generator.spec.profile import ROLE_SLOTS, TemplateProfile
from generator.template import layouts
from generator.template.master import open_presentation
from generator.template.package import read_template_bytes

CONTENT_TYPES = ("obj", "body")
TABLE_HEADER = f"    {'idx':>4}  {'type':<9} {'name':<28} {'left':>6} {'top':>6} {'width':>6} {'height':>6}  (in)"


@dataclass(frozen=True)
class PlaceholderInfo:
    """One placeholder of a layout: idx, OOXML type, name and box in EMU."""

    idx: int
    type: str
    name: str
    box: Box | None
    vertical: bool = False

    @property
    def inches(self) -> tuple[float, float, float, float] | None:
        """Return (left, top, width, height) in inches, or None without geometry."""
        if self.box is None:
            return None
        return tuple(round(v / EMU_PER_INCH, 2) for v in (self.box.left, self.box.top, self.box.width, self.box.height))

    @property
    def area(self) -> int:
        """Return the box area in EMU squared (0 without geometry)."""
        return self.box.width * self.box.height if self.box else 0


@dataclass(frozen=True)
class LayoutInfo:
    """One layout: its name, placeholders and free content area."""

    name: str
    placeholders: tuple[PlaceholderInfo, ...]
    content_area: Box

    def of_type(self, *types: str) -> list[PlaceholderInfo]:
        """Return the placeholders whose type is one of ``types`` (vertical text excluded)."""
        return [ph for ph in self.placeholders if ph.type in types and not ph.vertical]

    @property
    def title(self) -> PlaceholderInfo | None:
        """Return the title (or centred title) placeholder, if any."""
        found = self.of_type("ctrTitle") + self.of_type("title")
        return found[0] if found else None

    @property
    def extras(self) -> list[PlaceholderInfo]:
        """Return the placeholders that are neither title nor footer."""
        return [ph for ph in self.placeholders if ph.type not in layouts.FOOTER_TYPES | layouts.TITLE_TYPES]


@dataclass(frozen=True)
class TemplateInfo:
    """Return value of :func:`inspect_template`."""

    path: Path
    slide_size: tuple[int, int]
    fonts: tuple[str, str]
    layouts: tuple[LayoutInfo, ...]


def inspect_template(path: Path) -> TemplateInfo:
    """Return the layouts and placeholders of the template at ``path`` (after pre-flight checks)."""
    prs = open_presentation(path, read_template_bytes(path))
    size = (int(prs.slide_width), int(prs.slide_height))
    infos = tuple(_layout_info(layout, size) for master in prs.slide_masters for layout in master.slide_layouts)
    return TemplateInfo(Path(path), size, layouts.theme_fonts(prs.slide_master), infos)


def _layout_info(layout, size: tuple[int, int]) -> LayoutInfo:
    phs = tuple(
        PlaceholderInfo(ph.placeholder_format.idx, layouts.placeholder_type(ph._element), ph.name,
                        layouts.shape_box(ph), placeholder_of(ph._element).get("orient") == "vert")
        for ph in layout.placeholders)
    return LayoutInfo(layout.name, phs, layouts.content_area(layout, size))


# ------------------------------------------------------------------ starter profile
@dataclass(frozen=True)
class _Choice:
    layout: str
    slots: dict[str, int]
    note: str


def propose_profile(info: TemplateInfo, template_name: str) -> str:
    """Return a commented starter profile (YAML text) for ``info``; review it before use."""
    lines = [
        f"# Starter profile for {info.path.name}, proposed by `kitgen template inspect --profile`.",
        "# Check every line against `kitgen template inspect`: layouts were chosen by placeholder types.",
        "# A content slot left out (chart, table, tiles, body...) uses the layout's content area:",
        "# below the title, above the footers.",
        f"template: {json.dumps(template_name)}",
        "fit:",
        "  min_scale: 0.8   # text may shrink to 80 % before it is an error",
        "roles:",
    ]
    width = max(len(role) for role in ROLE_SLOTS) + 1
    for role in ROLE_SLOTS:
        choice = _choose(info, role)
        slots = ", ".join(f"{slot}: {idx}" for slot, idx in choice.slots.items())
        lines.append(f"  {role + ':':<{width}} {{layout: {json.dumps(choice.layout)}, slots: {{{slots}}}}}"
                     f"  # {choice.note}")
    return "\n".join(lines) + "\n"


# Words in layout names that hint at a role; such layouts are tried first.
NAME_HINTS: dict[str, tuple[str, ...]] = {
    "title": ("title slide", "cover", "title"), "section": ("section", "divider"), "bullets": ("bullet", "content"),
    "chart": ("chart",), "two-content": ("two", "comparison"), "table": ("table",), "kpi": ("kpi", "metric"),
    "picture": ("picture", "photo", "image"), "closing": ("closing", "end", "thank"),
}


def _choose(info: TemplateInfo, role: str) -> _Choice:
    pickers = {
        "title": _pick_title, "closing": _pick_closing, "section": _pick_section,
        "bullets": lambda lays: _largest_single(lays, "bullets", "body", "title and one content placeholder"),
        "kpi": lambda lays: _largest_single(lays, "kpi", "tiles", "largest single content placeholder"),
        "two-content": _pick_two_content, "picture": _pick_picture,
        "chart": lambda lays: _pick_media(lays, "chart", "chart"),
        "table": lambda lays: _pick_media(lays, "tbl", "table"),
    }
    return pickers[role](_prefer(info.layouts, NAME_HINTS[role])) or _title_only(info) or _any_layout(info)


def _prefer(layouts: tuple[LayoutInfo, ...], hints: tuple[str, ...]) -> list[LayoutInfo]:
    """Return ``layouts`` with those named after a hint first (earlier hints first, stable)."""
    def rank(layout: LayoutInfo) -> int:
        name = layout.name.lower()
        return next((i for i, hint in enumerate(hints) if hint in name), len(hints))
    return sorted(layouts, key=rank)


def _named(layouts: list[LayoutInfo], hints: tuple[str, ...]) -> list[LayoutInfo]:
    return [layout for layout in layouts if layout.title and any(h in layout.name.lower() for h in hints)]


def _slots(layout: LayoutInfo, **named: PlaceholderInfo | None) -> dict[str, int]:
    found = {"title": layout.title, **named}
    return {slot: ph.idx for slot, ph in found.items() if ph is not None}


def _first(*groups: list[PlaceholderInfo]) -> PlaceholderInfo | None:
    return next((ph for group in groups for ph in group), None)


def _pick_title(layouts: list[LayoutInfo]) -> _Choice | None:
    for layout in layouts:
        if layout.of_type("ctrTitle", "subTitle"):
            subtitle = _first(layout.of_type("subTitle"), layout.of_type(*CONTENT_TYPES))
            return _Choice(layout.name, _slots(layout, subtitle=subtitle), "title slide layout (subtitle placeholder)")
    return _pick_section(_prefer(tuple(layouts), NAME_HINTS["section"]))


def _pick_closing(layouts: list[LayoutInfo]) -> _Choice | None:
    for layout in _named(layouts, NAME_HINTS["closing"]):
        subtitle = _first(layout.of_type("subTitle"), layout.of_type(*CONTENT_TYPES))
        return _Choice(layout.name, _slots(layout, subtitle=subtitle), "closing layout")
    return _pick_title(_prefer(tuple(layouts), NAME_HINTS["title"]))


def _pick_section(layouts: list[LayoutInfo]) -> _Choice | None:
    for layout in _named(layouts, NAME_HINTS["section"]):
        subtitle = _first(layout.of_type("subTitle", *CONTENT_TYPES))
        return _Choice(layout.name, _slots(layout, subtitle=subtitle), "section layout")
    return None


def _single_content(layouts: list[LayoutInfo]) -> list[LayoutInfo]:
    """Return layouts with a title and exactly one text/object placeholder besides footers."""
    return [layout for layout in layouts
            if layout.title and len(layout.extras) == 1 and layout.of_type(*CONTENT_TYPES)]


def _largest_single(layouts: list[LayoutInfo], role: str, slot: str, note: str) -> _Choice | None:
    """Return the single-content layout with the biggest placeholder, preferring ones named for ``role``."""
    candidates = _single_content(layouts)
    pool = [layout for layout in candidates if layout in _named(layouts, NAME_HINTS[role])] or candidates
    if not pool:
        return None
    layout = max(pool, key=lambda lay: lay.extras[0].area)
    return _Choice(layout.name, _slots(layout, **{slot: layout.extras[0]}), note)


def _pick_two_content(layouts: list[LayoutInfo]) -> _Choice | None:
    for layout in layouts:
        pair = layout.of_type(*CONTENT_TYPES)
        if layout.title and len(layout.extras) == 2 and len(pair) == 2 and all(ph.box for ph in pair):
            left, right = sorted(pair, key=lambda ph: ph.box.left)
            if left.box.left + left.box.width <= right.box.left:
                return _Choice(layout.name, _slots(layout, left=left, right=right), "two side-by-side placeholders")
    return None


def _pick_picture(layouts: list[LayoutInfo]) -> _Choice | None:
    for layout in layouts:
        if layout.of_type("pic"):
            caption = _first(layout.of_type("body"))
            return _Choice(layout.name, _slots(layout, picture=layout.of_type("pic")[0], caption=caption),
                           "picture placeholder")
    return None


def _pick_media(layouts: list[LayoutInfo], ph_type: str, slot: str) -> _Choice | None:
    for layout in layouts:
        if layout.title and layout.of_type(ph_type):
            caption = {"caption": _first(layout.of_type("body"))} if slot == "chart" else {}
            return _Choice(layout.name, _slots(layout, **{slot: layout.of_type(ph_type)[0]}, **caption),
                           f"{ph_type} placeholder")
    objects = [layout for layout in _single_content(layouts) if layout.extras[0].type == "obj"]
    if objects:
        return _Choice(objects[0].name, _slots(objects[0], **{slot: objects[0].extras[0]}),
                       f"object placeholder (or drop '{slot}' and use 'Title Only' content area)")
    return None


def _title_only(info: TemplateInfo) -> _Choice | None:
    for layout in info.layouts:
        if layout.title and not layout.extras:
            return _Choice(layout.name, _slots(layout), "title only: content goes into the content area")
    return None


def _any_layout(info: TemplateInfo) -> _Choice:
    layout = next((lay for lay in info.layouts if lay.title), info.layouts[0])
    return _Choice(layout.name, _slots(layout), "no better layout found: review this line")


# ------------------------------------------------------------------ readable table
def format_inspection(info: TemplateInfo, profile: TemplateProfile | None) -> str:
    """Return a readable table of layouts and placeholders, marking the roles a profile maps."""
    width, height = info.slide_size
    lines = [
        f"Template: {info.path}",
        f"Slide size: {width / EMU_PER_INCH:.2f} x {height / EMU_PER_INCH:.2f} in ({width} x {height} EMU); "
        f"theme fonts: {info.fonts[0] or '?'} (headings) / {info.fonts[1] or '?'} (body)",
    ]
    roles = _roles_by_layout(profile)
    for number, layout in enumerate(info.layouts, start=1):
        lines += ["", f"{number:>2}. {layout.name!r}" + (f"  <- roles: {', '.join(roles[layout.name])}"
                                                         if layout.name in roles else "")]
        lines.append(TABLE_HEADER)
        lines += [_placeholder_row(ph) for ph in layout.placeholders] or ["    (no placeholders)"]
        lines.append("    content area: " + _inches(layout.content_area))
    if profile is not None:
        lines += ["", "Profile roles: " + ", ".join(f"{role} -> {m.layout!r}" for role, m in profile.roles.items())]
    return "\n".join(lines) + "\n"


def _roles_by_layout(profile: TemplateProfile | None) -> dict[str, list[str]]:
    mapped: dict[str, list[str]] = {}
    for role, mapping in (profile.roles.items() if profile else ()):
        slots = ", ".join(f"{slot}={ref}" for slot, ref in mapping.slots.items())
        mapped.setdefault(mapping.layout, []).append(f"{role} ({slots})")
    return mapped


def _placeholder_row(ph: PlaceholderInfo) -> str:
    kind = ph.type + (" vert" if ph.vertical else "")
    where = " ".join(f"{v:>6.2f}" for v in ph.inches) if ph.inches else "(no geometry)"
    return f"    {ph.idx:>4}  {kind:<9} {ph.name[:28]:<28} {where}"


def _inches(box: Box) -> str:
    values = (box.left, box.top, box.width, box.height)
    return " ".join(f"{v / EMU_PER_INCH:.2f}" for v in values) + " in (left top width height)"
