"""Package-level checks: zip names, XML syntax, content types, relationships, reachability.

Each check is a function ``(DeckPackage) -> Iterator[Problem]``; they only read the
package, so they run in a few milliseconds and can follow every build.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lxml import etree

from generator.check.package import (
    CONTENT_TYPES,
    HYPERLINK_TYPE_SUFFIX,
    DeckPackage,
    Relationship,
    extension_of,
    is_rels_part,
    rels_part_of,
    source_of,
)
from generator.check.problem import PACKAGE, Problem

R_NAMESPACES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_R_ATTRIBUTES = etree.XPath(
    "//@*[namespace-uri()=$transitional or namespace-uri()=$strict]",
)


def member_names(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield problems with zip member names: duplicates and unsafe paths."""
    counts = Counter(name.lower() for name in pkg.members)
    for name, count in counts.items():
        if count > 1:
            yield Problem(pkg.label, name, f"zip holds {count} members with this name")
    for name in pkg.members:
        if name.startswith("/") or "\\" in name or ".." in name.split("/"):
            yield Problem(pkg.label, name, "unsafe zip member name (absolute, '..' or backslash)")


def well_formed(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield a problem for every XML part that does not parse."""
    for part in pkg.parts:
        if pkg.is_xml(part) and pkg.xml(part) is None:
            yield Problem(pkg.label, part, f"not well-formed XML: {pkg.xml_errors[part]}")


def content_types(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield a problem for every part without a Default or Override content type."""
    if CONTENT_TYPES not in pkg.parts:
        yield Problem(pkg.label, CONTENT_TYPES, "missing: PowerPoint cannot type any part")
        return
    for part in pkg.parts:
        if part != CONTENT_TYPES and not pkg.content_type(part):
            extension = extension_of(part)
            yield Problem(
                pkg.label,
                part,
                f"no content type (add a Default for '.{extension}' or an Override "
                f"in {CONTENT_TYPES})",
            )


def relationships(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield problems with .rels parts: lost sources, repeated ids, bad targets."""
    for rels_part in [p for p in pkg.parts if is_rels_part(p)]:
        source = source_of(rels_part)
        if source and source not in pkg.parts:
            yield Problem(pkg.label, rels_part, f"relationships of missing part {source}")
            continue
        rels = pkg.rels(source)
        for rid, count in Counter(rel.rid for rel in rels).items():
            if count > 1:
                yield Problem(pkg.label, rels_part, f"relationship id {rid} is used {count} times")
        for rel in rels:
            yield from _target_problems(pkg, rel)


def _target_problems(pkg: DeckPackage, rel: Relationship) -> Iterator[Problem]:
    if rel.external:
        if not rel.type.endswith(HYPERLINK_TYPE_SUFFIX):
            kind = rel.type.rsplit("/", 1)[-1]
            yield Problem(
                pkg.label,
                rel.rels_part,
                f"{rel.rid} ({kind}) links to external target {rel.target} "
                "(only hyperlinks may be external; embed the file instead)",
            )
    elif rel.target_part not in pkg.parts:
        yield Problem(
            pkg.label, rel.rels_part, f"{rel.rid} targets missing part {rel.target_part}"
        )


def declared_ids(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield a problem for every r:* attribute whose id the part's .rels does not declare."""
    for part in pkg.parts:
        if part == CONTENT_TYPES or is_rels_part(part) or not pkg.is_xml(part):
            continue
        root = pkg.xml(part)
        if root is None:
            continue
        values = _R_ATTRIBUTES(root, transitional=R_NAMESPACES[0], strict=R_NAMESPACES[1])
        if not values:
            continue
        declared = pkg.rel_ids(part)
        for value in values:
            if value and value not in declared:
                yield Problem(pkg.label, part, _undeclared_message(value, part))


def _undeclared_message(value: etree._ElementUnicodeResult, part: str) -> str:
    element = value.getparent()
    attribute = f"r:{etree.QName(value.attrname).localname}"
    tag = etree.QName(element).localname
    if element.prefix:
        tag = f"{element.prefix}:{tag}"
    return f'{attribute}="{value}" on <{tag}> is not declared in {rels_part_of(part)}'


def reachability(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield a problem for every part no relationship chain leads to.

    Slide parts count as roots: an unlisted slide is reported once by the slide-list
    check, not again through every image it holds.
    """
    reached = _walk(pkg, ["", *pkg.slide_parts()])
    for part in pkg.parts:
        if part not in reached and part != CONTENT_TYPES and not is_rels_part(part):
            yield Problem(pkg.label, part, "orphan part: no relationship points to it")


def _walk(pkg: DeckPackage, roots: list[str]) -> set[str]:
    reached, todo = set(roots), list(roots)
    while todo:
        for rel in pkg.rels(todo.pop()):
            target = rel.target_part
            if not rel.external and target in pkg.parts and target not in reached:
                reached.add(target)
                todo.append(target)
    return reached


def zip_problem(label: str, error: Exception) -> Problem:
    """Return the problem for a file that is not a readable zip at all."""
    return Problem(label, PACKAGE, f"not a readable .pptx (zip) file: {error}")
