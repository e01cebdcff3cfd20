"""Markup Compatibility (ECMA-376 part 3) preprocessing, as a consumer would do it.

PowerPoint wraps newer markup in ``mc:AlternateContent`` and marks extension
namespaces ``mc:Ignorable``. A consumer that only knows the base schemas keeps the
``mc:Fallback`` branch and drops ignorable markup; we do the same so the schemas and
the shape-id check see what such a consumer sees (a Choice and its Fallback
legitimately repeat the same shape id).
"""

from __future__ import annotations

import copy

from lxml import etree

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
_FALLBACK = f"{{{MC_NS}}}Fallback"
_IGNORABLE = f"{{{MC_NS}}}Ignorable"


def preprocess(root: etree._Element) -> etree._Element:
    """Return a copy of ``root`` with AlternateContent resolved and ignorable markup dropped."""
    if not _uses_markup_compatibility(root):
        return root
    root = copy.deepcopy(root)
    for alternate in list(root.iter(_ALTERNATE)):
        _replace_with_fallback(alternate)
    _drop_ignorable(root, _ignorable_namespaces(root))
    return root


def _uses_markup_compatibility(root: etree._Element) -> bool:
    return any(ns == MC_NS for ns in root.nsmap.values()) or root.find(f".//{_ALTERNATE}") is not None


def _replace_with_fallback(alternate: etree._Element) -> None:
    parent = alternate.getparent()
    if parent is None:
        return
    fallback = alternate.find(_FALLBACK)
    position = parent.index(alternate)
    for offset, child in enumerate(list(fallback) if fallback is not None else []):
        parent.insert(position + offset, child)
    _detach(alternate)


def _ignorable_namespaces(root: etree._Element) -> set[str]:
    namespaces: set[str] = set()
    for element in root.iter(etree.Element):
        for prefix in (element.get(_IGNORABLE) or "").split():
            if prefix in element.nsmap:
                namespaces.add(element.nsmap[prefix])
    return namespaces


def _drop_ignorable(root: etree._Element, namespaces: set[str]) -> None:
    for element in list(root.iter(etree.Element)):
        if etree.QName(element).namespace in namespaces and element is not root:
            _detach(element)
            continue
        for name in list(element.attrib):
            if name == _IGNORABLE or etree.QName(name).namespace in namespaces:
                del element.attrib[name]


def _detach(element: etree._Element) -> None:
    # Only whitespace sits between elements in these parts, so the tail may go too.
    element.getparent().remove(element)
