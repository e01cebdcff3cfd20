"""Describe a template's layouts and placeholders (no CLI code here; proposals are in ``propose``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.geometry import EMU_PER_INCH, Box
from generator.ooxml import placeholder_of
from generator.spec import TemplateProfile
from generator.template import layouts
from generator.template.master import open_presentation
from generator.template.package import read_template_bytes

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
