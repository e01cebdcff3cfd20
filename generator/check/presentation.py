"""PresentationML checks: slide list, shape ids, master/layout ids, notes back-links."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from generator.check.compat import preprocess
from generator.check.package import DeckPackage
from generator.check.problem import PACKAGE, Problem

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
OFFICE_DOCUMENT = "/officeDocument"
MIN_SLIDE_ID = 256
SHAPE_TREE_TYPES = (
    "presentationml.slide+xml",
    "presentationml.slideLayout+xml",
    "presentationml.slideMaster+xml",
    "presentationml.notesSlide+xml",
    "presentationml.notesMaster+xml",
    "presentationml.handoutMaster+xml",
)


def presentation_part(pkg: DeckPackage) -> str | None:
    """Return the main presentation part named by the package relationships."""
    targets = pkg.related("", OFFICE_DOCUMENT)
    return targets[0] if targets else None


def slide_list(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield problems with p:sldIdLst: bad or repeated ids and slides it does not list."""
    main = presentation_part(pkg)
    root = pkg.xml(main) if main else None
    if root is None:
        yield Problem(pkg.label, main or PACKAGE, "no readable presentation part")
        return
    entries = root.findall(f"{{{P_NS}}}sldIdLst/{{{P_NS}}}sldId")
    yield from _slide_id_problems(pkg.label, main, [e.get("id", "") for e in entries])
    rids = [e.get(R_ID, "") for e in entries]
    for rid, count in Counter(rids).items():
        if count > 1:
            yield Problem(pkg.label, main, f"p:sldId r:id {rid} is used {count} times")
    yield from _unlisted_slides(pkg, main, set(rids))


def _slide_id_problems(label: str, main: str, ids: list[str]) -> Iterator[Problem]:
    for value, count in Counter(ids).items():
        if count > 1:
            yield Problem(label, main, f"slide id {value} is used {count} times in p:sldIdLst")
        if not value.isdigit() or int(value) < MIN_SLIDE_ID:
            yield Problem(label, main, f"slide id {value!r} must be a number >= {MIN_SLIDE_ID}")


def _unlisted_slides(pkg: DeckPackage, main: str, listed_rids: set[str]) -> Iterator[Problem]:
    slide_rels = {
        rel.target_part: rel.rid
        for rel in pkg.rels(main)
        if not rel.external and rel.type.endswith("/slide")
    }
    for slide in pkg.slide_parts():
        if slide not in slide_rels:
            yield Problem(pkg.label, slide, f"orphan slide: {main} has no relationship to it")
        elif slide_rels[slide] not in listed_rids:
            yield Problem(
                pkg.label, slide, f"orphan slide: {slide_rels[slide]} is not in p:sldIdLst of {main}"
            )


def shape_ids(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield a problem for every shape id used twice within one slide, layout or master."""
    for part in [p for kind in SHAPE_TREE_TYPES for p in pkg.parts_of_type(kind)]:
        root = pkg.xml(part)
        if root is None:
            continue
        names: dict[str, list[str]] = {}
        for props in preprocess(root).iter(f"{{{P_NS}}}cNvPr"):
            names.setdefault(props.get("id", ""), []).append(props.get("name", ""))
        for shape_id, used_by in names.items():
            if len(used_by) > 1:
                shapes = ", ".join(repr(n) for n in used_by)
                message = f"shape id {shape_id} is used by {len(used_by)} shapes ({shapes})"
                yield Problem(pkg.label, part, message)


def master_layout_ids(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield a problem for master/layout ids repeated across their shared id space."""
    main = presentation_part(pkg)
    if main is None:
        return
    owners: dict[str, list[str]] = {}
    entries = _ids_in(pkg, main, "sldMasterIdLst/{%s}sldMasterId" % P_NS)
    for master in pkg.related(main, "/slideMaster"):
        entries += _ids_in(pkg, master, "sldLayoutIdLst/{%s}sldLayoutId" % P_NS)
    for value, part in entries:
        owners.setdefault(value, []).append(part)
    for value, parts in owners.items():
        if len(parts) > 1:
            where = ", ".join(sorted(set(parts)))
            message = f"master/layout id {value} is used {len(parts)} times ({where})"
            yield Problem(pkg.label, parts[0], message)


def _ids_in(pkg: DeckPackage, part: str, path: str) -> list[tuple[str, str]]:
    root = pkg.xml(part)
    entries = root.iterfind(f"{{{P_NS}}}{path}") if root is not None else []
    return [(entry.get("id", ""), part) for entry in entries]


def notes_backlinks(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield a problem for every notes slide that does not point back to its slide."""
    for slide in pkg.slide_parts():
        for notes in pkg.related(slide, "/notesSlide"):
            if notes in pkg.parts and slide not in pkg.related(notes, "/slide"):
                yield Problem(pkg.label, notes, f"notes slide does not point back to {slide}")
