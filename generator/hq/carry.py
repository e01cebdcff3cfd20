"""Carry slides of one presentation into another, onto the target's master.

python-pptx can add slides but not bring one over from another deck. Here a slide's
shapes, background, transition and animations are copied as XML onto a new slide
of the target, on the layout ``layout_for`` picks; every part the slide relates to
(pictures, media, charts and their workbooks, SmartArt parts) is copied once with
its own relationships, rIds kept so the XML still points at them. Pictures go
through python-pptx's image parts, so one already in the target is not duplicated.
Links to slides left behind are dropped (they would dangle); the speaker notes are
written into the target's own notes page.

Placeholders are matched to the new layout's by kind (title, subtitle, body, picture,
...), so the carried text takes the season master's look; one with no counterpart
keeps its position and becomes a plain shape.
"""

from __future__ import annotations

import copy
import io
import re
from typing import Callable

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import PartFactory, _Relationship
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.shapes.group import GroupShape

from generator.errors import TemplateError
from generator.fit import check_shape
from generator.hq.copies import fit_and_report
from generator.ooxml import forget_package_records

LayoutFor = Callable[[object], object]  # source slide layout -> target slide layout
_NOT_COPIED = {RT.SLIDE_LAYOUT, RT.NOTES_SLIDE, RT.SLIDE, RT.COMMENTS}
_SLIDE_PARTS = ("p:bg", "p:transition", "p:timing")
_TITLES, _SUBTITLES = {"title", "ctrTitle"}, {"subTitle"}
_BODIES = {"body", "obj", None}


def carry_slides(source, numbers: tuple[int, ...], target, layout_for: LayoutFor) -> list:
    """Return the slides ``numbers`` (1-based) of ``source`` added at the end of ``target``."""
    copied: dict[object, object] = {}  # source part -> its copy in the target, for every slide carried
    carried = []
    for number in numbers:
        if not 1 <= number <= len(source.slides):
            raise TemplateError(f"there is no slide {number} (the deck has {len(source.slides)})")
        carried.append(_carry(source.slides[number - 1], target, layout_for, copied))
        _letterbox(carried[-1], (source.slide_width, source.slide_height), (target.slide_width, target.slide_height))
    forget_package_records(target.part.package)  # the parts added here are not in them: worked out again when asked
    return carried


def _carry(slide, target, layout_for: LayoutFor, copied: dict) -> object:
    layout = layout_for(slide.slide_layout)
    new = target.slides.add_slide(layout)
    tree = new.shapes._spTree
    for shape in list(tree.iter_shape_elms()):
        tree.remove(shape)
    for child in slide.shapes._spTree:
        if etree.QName(child).localname not in ("nvGrpSpPr", "grpSpPr"):
            tree.append(copy.deepcopy(child))
    _copy_slide_parts(slide, new)
    _relate(slide.part, new.part, copied)
    _match_placeholders(slide, new, layout)
    if slide.has_notes_slide:
        _copy_notes(slide, new)
    return new


def _letterbox(slide, size: tuple[int, int], into: tuple[int, int]) -> None:
    """Scale and centre the slide's own positions from a slide of ``size`` to one of ``into`` (aspect kept).

    Placeholders without a position of their own take the new layout's; a group's children
    keep theirs, which are relative to the group.
    """
    if size == into or not all(size):
        return
    scale = min(into[0] / size[0], into[1] / size[1])
    left, top = (into[0] - size[0] * scale) / 2, (into[1] - size[1] * scale) / 2
    for element in slide.shapes._spTree.iter_shape_elms():
        xfrm = element.find(f"./*/{qn('a:xfrm')}")
        if xfrm is None:
            xfrm = element.find(qn("p:xfrm"))  # a graphic frame's
        if xfrm is None:
            continue
        for node, (dx, dy) in ((xfrm.find(qn("a:off")), (left, top)), (xfrm.find(qn("a:ext")), (0, 0))):
            if node is not None:
                names = ("x", "y") if node.tag == qn("a:off") else ("cx", "cy")
                node.set(names[0], str(int(int(node.get(names[0])) * scale + dx)))
                node.set(names[1], str(int(int(node.get(names[1])) * scale + dy)))


def _copy_slide_parts(slide, new) -> None:
    """Copy the background (into cSld) and the transition and animations (after cSld)."""
    source, element = slide._element, new._element
    background = source.find(f"{qn('p:cSld')}/{qn('p:bg')}")
    if background is not None:
        element.find(qn("p:cSld")).insert(0, copy.deepcopy(background))
    anchor = element.find(qn("p:clrMapOvr"))
    for name in _SLIDE_PARTS[1:]:
        found = source.find(qn(name))
        if found is not None:
            (anchor if anchor is not None else element.find(qn("p:cSld"))).addnext(copy.deepcopy(found))
            anchor = element.find(qn(name))


def _relate(source_part, new_part, copied: dict) -> None:
    """Give ``new_part`` every relationship of ``source_part`` worth keeping, under the same rIds."""
    layout_rel = next(r for r in new_part.rels.values() if r.reltype == RT.SLIDE_LAYOUT)
    new_part.rels.pop(layout_rel.rId)  # its rId may be one the source slide uses for something else
    dropped = []
    for rel in source_part.rels.values():
        if rel.reltype in _NOT_COPIED:
            dropped += [rel.rId] if rel.reltype != RT.SLIDE_LAYOUT else []
        elif rel.is_external:
            _add(new_part, rel.rId, rel.reltype, rel.target_ref, external=True)
        elif rel.reltype == RT.IMAGE:
            image = new_part.package.get_or_add_image_part(io.BytesIO(rel.target_part.blob))
            _add(new_part, rel.rId, rel.reltype, image)
        else:
            _add(new_part, rel.rId, rel.reltype, _copy_part(rel.target_part, new_part.package, copied))
    new_part.rels.get_or_add(RT.SLIDE_LAYOUT, layout_rel.target_part)
    _drop_links(new_part._element, set(dropped))


def _add(part, rid: str, reltype: str, target, *, external: bool = False) -> None:
    part.rels._rels[rid] = _Relationship(part.rels._base_uri, rid, reltype,
                                         RTM.EXTERNAL if external else RTM.INTERNAL, target)


def _copy_part(part, package, copied: dict):
    """Return a copy of ``part`` (and of every part it relates to) in ``package``, made once."""
    if part in copied:
        return copied[part]
    name = package.next_partname(_name_template(part.partname))
    new = PartFactory(PackURI(name), part.content_type, package, part.blob)
    copied[part] = new
    # the copy must be reachable before the next part name is worked out: relate it first, then its children
    for rel in part.rels.values():
        if rel.is_external:
            _add(new, rel.rId, rel.reltype, rel.target_ref, external=True)
        else:
            _add(new, rel.rId, rel.reltype, _copy_part(rel.target_part, package, copied))
    return new


def _name_template(partname: str) -> str:
    """Return ``/ppt/charts/chart%d.xml`` for ``/ppt/charts/chart3.xml`` (a number added when there is none)."""
    stem, dot, ext = partname.rpartition(".")
    return re.sub(r"\d*$", "", stem).replace("%", "") + "%d" + dot + ext


def _drop_links(element, rids: set[str]) -> None:
    """Remove hyperlinks and actions that point at parts not carried (other slides, comments)."""
    for node in list(element.iter(qn("a:hlinkClick"), qn("a:hlinkHover"))):
        if node.get(qn("r:id")) in rids:
            node.getparent().remove(node)


def _placeholder_kind(element) -> tuple[str | None, str | None]:
    ph = element.find(f"./*/{qn('p:nvPr')}/{qn('p:ph')}")
    return (None, None) if ph is None else (ph.get("type"), ph.get("idx"))


def _family(kind: str | None) -> str:
    if kind in _TITLES:
        return "title"
    if kind in _SUBTITLES:
        return "subtitle"
    return "body" if kind in _BODIES else str(kind)


def _match_placeholders(slide, new, layout) -> None:
    """Point each carried placeholder at the new layout's of the same kind, or make it a plain shape."""
    free: dict[str, list] = {}
    for shape in layout.placeholders:
        kind, _ = _placeholder_kind(shape._element)
        free.setdefault(_family(kind), []).append(shape)
    originals = {s.shape_id: s for s in slide.placeholders}
    for element in list(new.shapes._spTree.iter_shape_elms()):
        ph = element.find(f"./*/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is None:
            continue
        family = _family(ph.get("type"))
        options = free.get(family) or (free.get("body") if family == "subtitle" else None)
        if options:
            _repoint(ph, options.pop(0))
        else:
            _unplace(element, ph, originals.get(int(element.find("./*/" + qn("p:cNvPr")).get("id"))))


def _repoint(ph, layout_shape) -> None:
    kind, idx = _placeholder_kind(layout_shape._element)
    for name, value in (("type", kind), ("idx", idx)):
        if value is None:
            ph.attrib.pop(name, None)
        else:
            ph.set(name, value)


def _unplace(element, ph, original) -> None:
    """Make a placeholder with no counterpart a plain shape where it was (position read through its layout)."""
    sp_pr = element.find(qn("p:spPr"))
    if sp_pr is not None:
        if sp_pr.find(qn("a:xfrm")) is None and original is not None and original.width is not None:
            xfrm = etree.Element(qn("a:xfrm"))
            etree.SubElement(xfrm, qn("a:off"), x=str(original.left), y=str(original.top))
            etree.SubElement(xfrm, qn("a:ext"), cx=str(original.width), cy=str(original.height))
            sp_pr.insert(0, xfrm)
        if sp_pr.find(qn("a:prstGeom")) is None and sp_pr.find(qn("a:custGeom")) is None:
            geometry = etree.Element(qn("a:prstGeom"), prst="rect")  # its layout gave it one: it needs its own now
            etree.SubElement(geometry, qn("a:avLst"))
            sp_pr.insert(1 if sp_pr.find(qn("a:xfrm")) is not None else 0, geometry)
    ph.getparent().remove(ph)


def _copy_notes(slide, new) -> None:
    source = slide.notes_slide.notes_placeholder
    target = new.notes_slide.notes_placeholder
    if source is None or target is None:
        return
    body = target._element.find(qn("p:txBody"))
    body.getparent().replace(body, copy.deepcopy(source._element.find(qn("p:txBody"))))


def layout_role(layout, roles: dict[str, str]) -> str:
    """Return the role (of ``roles``: role -> layout name) whose layout suits a source slide's ``layout``.

    A layout of the same name wins; otherwise the kinds of placeholders it has decide.
    """
    named = next((role for role, name in roles.items() if name == layout.name), None)
    if named:
        return named
    kinds = [_family(_placeholder_kind(shape._element)[0]) for shape in layout.placeholders]
    kinds = [kind for kind in kinds if kind not in ("dt", "ftr", "sldNum")]
    guess = ("title" if "subtitle" in kinds and len(kinds) <= 2 else
             "picture" if "pic" in kinds else "chart" if "chart" in kinds else "table" if "tbl" in kinds else
             "two-content" if kinds.count("body") >= 2 else "bullets" if "body" in kinds else "section")
    return guess if guess in roles else "bullets" if "bullets" in roles else next(iter(roles))


def include_slides(source, numbers: tuple[int, ...], target, master, fitter) -> list[str]:
    """Carry the slides ``numbers`` of ``source`` into ``target`` on ``master``'s layouts, text fitted.

    Returns the role whose layout each slide was placed on.
    """
    layouts = {role: mapping.layout for role, mapping in master.profile.roles.items()}
    roles = [layout_role(source.slides[n - 1].slide_layout, layouts) if 1 <= n <= len(source.slides) else ""
             for n in numbers]
    chosen = iter(roles)
    carried = carry_slides(source, numbers, target, lambda layout: master.layout(target, next(chosen)))
    first = len(target.slides) - len(carried) + 1
    for number, slide in enumerate(carried, first):
        for shape in _text_shapes(slide.shapes):
            if not check_shape(shape, fitter.fonts).fits:
                fit_and_report(fitter, shape, number, f"{shape.name} (#{shape.shape_id})")
    return roles


def _text_shapes(shapes):
    for shape in shapes:
        if isinstance(shape, GroupShape):  # shape_type would raise on shapes python-pptx cannot classify
            yield from _text_shapes(shape.shapes)
        elif shape.has_text_frame and shape.text_frame.text.strip():
            yield shape
