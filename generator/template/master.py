"""An HQ master template, cleaned once and mapped to slide roles by its profile."""

from __future__ import annotations

import io
import logging
from copy import deepcopy
from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide, SlideLayout

from generator.errors import TemplateError
from generator.geometry import EMU_PER_INCH, Box
from generator.spec import CONTENT_SLOTS, MIN_BOX_SLOTS, ROLE_SLOTS, TemplateProfile
from generator.template import layouts
from generator.template.cleaning import remove_example_slides
from generator.template.package import read_template_bytes

LOG = logging.getLogger(__name__)
MIN_SLIDE_ID, MAX_SLIDE_ID = 256, 2_147_483_647
_SLD_ID = qn("p:sldId")


def load_master(template: Path, profile: TemplateProfile) -> "Master":
    """Return the checked, cleaned master at ``template``, mapped by ``profile``."""
    return Master(template, profile, clean_template_bytes(template))


def clean_template_bytes(template: Path) -> bytes:
    """Return ``template`` as .pptx bytes without its example slides, after all pre-flight checks."""
    prs = open_presentation(template, read_template_bytes(template))
    remove_example_slides(prs)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def open_presentation(template: Path, blob: bytes) -> PresentationType:
    """Return python-pptx's view of ``blob``; TemplateError if it cannot parse it."""
    try:
        return Presentation(io.BytesIO(blob))
    except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors... on damaged parts
        raise TemplateError(f"{template}: PowerPoint content cannot be read ({type(exc).__name__}: {exc}); "
                            "re-export the template from PowerPoint") from exc


def _next_slide_id(ids) -> int:
    """Return the id python-pptx gives a new slide (one above the largest, at least 256), without its XPath."""
    following = max([MIN_SLIDE_ID - 1] + [int(s.get("id")) for s in ids.iterchildren(_SLD_ID)]) + 1
    return following if following <= MAX_SLIDE_ID else ids._next_id  # python-pptx then looks for a gap


class Master:
    """A cleaned template plus its profile: layouts, slot boxes, fonts, for every deck."""

    def __init__(self, path: Path, profile: TemplateProfile, cleaned: bytes):
        self.path = Path(path)
        self.profile = profile
        self._cleaned = cleaned
        self._prs = open_presentation(self.path, cleaned)  # read-only reference for geometry queries
        # Slot answers depend on the template only, and each costs an XPath per layout shape:
        # every deck asks the same questions, so each is worked out once.
        self._answers: dict[tuple[str, str, str], object] = {}
        # The placeholders python-pptx clones onto a new slide depend on the layout only; cloning them
        # scans every layout shape with an XPath, so the first slide's copy is kept per role.
        self._clones: dict[str, list] = {}
        self._check_roles()
        self._check_min_boxes()

    def new_presentation(self) -> PresentationType:
        """Return a fresh, slide-less presentation built on this master."""
        return Presentation(io.BytesIO(self._cleaned))

    @property
    def reference(self) -> PresentationType:
        """Return the presentation geometry queries read (every new presentation is a copy of it); do not change it."""
        return self._prs

    @property
    def slide_size(self) -> tuple[int, int]:
        """Return the slide (width, height) in EMU."""
        return int(self._prs.slide_width), int(self._prs.slide_height)

    @property
    def fonts(self) -> tuple[str, str]:
        """Return the theme's (major, minor) latin font names, e.g. ("Cambria", "Calibri")."""
        return layouts.theme_fonts(self._prs.slide_master)

    @property
    def min_scale(self) -> float:
        """Return how far text may shrink before it is a fit error."""
        return self.profile.fit.min_scale

    def layout(self, prs: PresentationType, role: str) -> SlideLayout:
        """Return the layout of ``prs`` that serves ``role`` (its position is looked up once per template).

        Nothing is kept per presentation: a cache keyed by the deck would hold the deck's
        layouts, which hold the deck itself, and every deck a worker builds would stay in memory.
        """
        master, layout = self._layout_position(role)
        return prs.slide_masters[master].slide_layouts[layout]

    def _layout_position(self, role: str) -> tuple[int, int]:
        """Return (master, layout) indexes of ``role``'s layout: the same in every copy of the template.

        Looking a layout up by name reads every layout's name; by position it is two list lookups.
        """
        def position() -> tuple[int, int]:
            wanted = layouts.find_layout(self._prs, self._mapping(role).layout)
            return next((m, n) for m, master in enumerate(self._prs.slide_masters)
                        for n, layout in enumerate(master.slide_layouts) if layout == wanted)

        return self._remembered("position", role, "", position)

    def add_slide(self, prs: PresentationType, role: str) -> Slide:
        """Return a new last slide of ``prs`` on ``role``'s layout, the same XML python-pptx's add_slide makes."""
        layout = self.layout(prs, role)
        rid, slide = prs.part.add_slide(layout)
        tree = slide.shapes._spTree
        clones = self._clones.get(role)
        if clones is None:
            slide.shapes.clone_layout_placeholders(layout)
            self._clones[role] = [deepcopy(shape) for shape in tree.iter_shape_elms()]
        else:
            # A new slide's tree holds no shapes (ids, names and extLst are what the first slide had)
            tree.extend(deepcopy(shape) for shape in clones)
        ids = prs.slides._sldIdLst
        ids._add_sldId(id=_next_slide_id(ids), rId=rid)
        return slide

    def _remembered(self, question: str, role: str, slot: str, compute):
        key = (question, role, slot)
        if key not in self._answers:
            self._answers[key] = compute()
        return self._answers[key]

    def slot_idx(self, role: str, slot: str) -> int | None:
        """Return the placeholder idx mapped to ``slot`` of ``role``, or None when unmapped."""
        return self._remembered("idx", role, slot, lambda: self._slot_idx(role, slot))

    def _slot_idx(self, role: str, slot: str) -> int | None:
        ph = self._placeholder(role, slot)
        return ph.placeholder_format.idx if ph is not None else None

    def slot_box(self, role: str, slot: str) -> Box | None:
        """Return where ``slot`` of ``role`` goes: its placeholder's box, else the content area.

        Unmapped text slots (title, subtitle, caption), or placeholders without any geometry, have no box:
        None. Content slots then fall back to the content area.
        """
        return self._remembered("box", role, slot, lambda: self._slot_box(role, slot))

    def slot_area(self, role: str, slot: str) -> Box:
        """Return the box of ``slot``, or the layout's content area when the slot has none."""
        return self.slot_box(role, slot) or self.content_area(role)

    def _slot_box(self, role: str, slot: str) -> Box | None:
        ph = self._placeholder(role, slot)
        box = layouts.shape_box(ph) if ph is not None else None
        if box is not None and slot in CONTENT_SLOTS:
            return layouts.clear_of_decorations(box, self.layout(self._prs, role), self.slide_size)
        if box is not None:
            return box
        if slot in CONTENT_SLOTS:
            return self.content_area(role)
        return None

    def content_area(self, role: str) -> Box:
        """Return the free area of ``role``'s layout below its title and above its footers."""
        return self._remembered("area", role, "", lambda: layouts.content_area(self.layout(self._prs, role),
                                                                                self.slide_size))

    def placeholder_font_size(self, role: str, slot: str) -> float | None:
        """Return the level-1 font size in points of ``slot``'s placeholder, or None if unknown."""
        ph = self._placeholder(role, slot)
        return layouts.font_size_pt(ph) if ph is not None else None

    def _mapping(self, role: str):
        try:
            return self.profile.roles[role]
        except KeyError:
            raise TemplateError(f"role {role!r} is not in the profile of {self.path.name}") from None

    def _placeholder(self, role: str, slot: str):
        if slot not in ROLE_SLOTS.get(role, ()):
            raise TemplateError(f"role {role!r} has no slot {slot!r}; it has {', '.join(ROLE_SLOTS.get(role, ()))}")
        mapping = self._mapping(role)
        if slot not in mapping.slots:
            return None
        return layouts.find_placeholder(self.layout(self._prs, role), mapping.slots[slot])

    def _check_roles(self) -> None:
        """Fail at load time, not mid-deck, when the profile names what the template lacks."""
        for role, mapping in self.profile.roles.items():
            try:
                layout = layouts.find_layout(self._prs, mapping.layout)
            except TemplateError as exc:
                raise TemplateError(f"{self.path}: profile role {role!r}: {exc}") from None
            for slot, ref in mapping.slots.items():
                if layouts.find_placeholder(layout, ref) is None:
                    raise TemplateError(
                        f"{self.path}: profile role {role!r} slot {slot!r}: layout {mapping.layout!r} has no "
                        f"placeholder {ref!r}; its placeholders are {layouts.describe_placeholders(layout)}")

    def _check_min_boxes(self) -> None:
        """Fail at load time when a role's box is smaller than the profile's ``fit.min_box`` for it."""
        for role, (width, height) in self.profile.fit.min_box.items():
            for slot in MIN_BOX_SLOTS[role]:
                box = self.slot_box(role, slot)
                if box is not None and (box.width < width * EMU_PER_INCH or box.height < height * EMU_PER_INCH):
                    raise TemplateError(
                        f"{self.path}: profile role {role!r} slot {slot!r}: the box on layout "
                        f"{self._mapping(role).layout!r} is {box.width / EMU_PER_INCH:.2f} x "
                        f"{box.height / EMU_PER_INCH:.2f} in, smaller than fit.min_box.{role} "
                        f"({width:g} x {height:g} in); map the role to a larger box or lower fit.min_box.{role}")
