"""A read-only view of a .pptx as an OPC package: parts, content types, relationships.

Part names are zip member names (no leading slash); the package itself, the source
of ``_rels/.rels``, is the empty string.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from functools import cached_property
from io import BytesIO
from urllib.parse import unquote

from lxml import etree

from generator.errors import PackageError
from generator.ooxml import parse_part, unpack

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
HYPERLINK_TYPE_SUFFIX = "/hyperlink"
SLIDE_TYPE = "presentationml.slide+xml"


@dataclass(frozen=True)
class Relationship:
    """One ``<Relationship>`` of a .rels part, with its target resolved to a part name."""

    rels_part: str
    source: str
    rid: str
    type: str
    target: str
    external: bool

    @property
    def target_part(self) -> str:
        """Return the part name the target points to ('..' prefix if outside the package)."""
        path = unquote(self.target.split("#", 1)[0])
        if path.startswith("/"):
            return posixpath.normpath(path[1:])
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.source), path))


def rels_part_of(source: str) -> str:
    """Return the name of the .rels part that holds ``source``'s relationships."""
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def source_of(rels_part: str) -> str | None:
    """Return the source part of a .rels part name, or None if the name is not one."""
    folder, base = posixpath.split(rels_part)
    if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def extension_of(part: str) -> str:
    """Return a part name's extension, lower case, without the dot ('rels' for '_rels/.rels')."""
    base = posixpath.basename(part)
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def is_rels_part(name: str) -> bool:
    """Return True for relationship parts (``.../_rels/X.rels``)."""
    return source_of(name) is not None


class DeckPackage:
    """Zip members of a deck with parsed XML, content types and relationships, cached.

    Decks come from outside (HQ masters, files given to ``kitgen check``): members are unpacked
    counting real bytes and XML with a DOCTYPE is refused (PackageError), as ``generator.ooxml`` does.
    """

    def __init__(self, label: str, data: bytes):
        self.label = label
        with zipfile.ZipFile(BytesIO(data)) as archive:
            self.members = [info.filename for info in archive.infolist()]
            self.parts = unpack(label, archive)
        self._xml: dict[str, etree._Element | None] = {}
        self.xml_errors: dict[str, str] = {}

    def xml(self, part: str) -> etree._Element | None:
        """Return the parsed root of an XML part, or None if absent or malformed."""
        if part not in self._xml:
            self._xml[part] = self._parse(part)
        return self._xml[part]

    def _parse(self, part: str) -> etree._Element | None:
        if part not in self.parts:
            return None
        try:
            return parse_part(self.parts[part], self.label, part)
        except etree.XMLSyntaxError as exc:
            self.xml_errors[part] = str(exc)
            return None
        except PackageError as exc:  # a DOCTYPE in a part typed XML whose name does not say so
            self.xml_errors[part] = exc.problem
            return None

    def is_xml(self, part: str) -> bool:
        """Return True if a part should hold XML, judged by its name or content type."""
        kind = self.content_type(part) or ""
        return part.lower().endswith((".xml", ".rels")) or kind.endswith(("+xml", "/xml"))

    @cached_property
    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        root = self.xml(CONTENT_TYPES)
        if root is None:
            return {}, {}
        defaults = {
            e.get("Extension", "").lower(): e.get("ContentType", "")
            for e in root.iterfind(f"{{{CT_NS}}}Default")
        }
        overrides = {
            e.get("PartName", "").lstrip("/").lower(): e.get("ContentType", "")
            for e in root.iterfind(f"{{{CT_NS}}}Override")
        }
        return defaults, overrides

    def content_type(self, part: str) -> str | None:
        """Return the declared content type of a part (Override, else Default), or None."""
        defaults, overrides = self._content_types
        if part.lower() in overrides:
            return overrides[part.lower()]
        return defaults.get(extension_of(part))

    def parts_of_type(self, suffix: str) -> list[str]:
        """Return the parts whose content type ends with ``suffix``, in zip order."""
        return [p for p in self.parts if (self.content_type(p) or "").endswith(suffix)]

    def slide_parts(self) -> list[str]:
        """Return the slide parts, known by content type or by their usual folder."""
        return [
            p
            for p in self.parts
            if (self.content_type(p) or "").endswith(SLIDE_TYPE)
            or (posixpath.dirname(p) == "ppt/slides" and p.endswith(".xml"))
        ]

    def rels(self, source: str) -> list[Relationship]:
        """Return the relationships whose source is ``source`` ('' for the package)."""
        rels_part = rels_part_of(source)  # '' gives _rels/.rels
        root = self.xml(rels_part)
        if root is None:
            return []
        return [
            Relationship(
                rels_part=rels_part,
                source=source,
                rid=e.get("Id", ""),
                type=e.get("Type", ""),
                target=e.get("Target", ""),
                external=e.get("TargetMode") == "External",
            )
            for e in root.iterfind(f"{{{PR_NS}}}Relationship")
        ]

    def rel_ids(self, source: str) -> set[str]:
        """Return the declared relationship ids of a part."""
        return {rel.rid for rel in self.rels(source)}

    def related(self, source: str, type_suffix: str) -> list[str]:
        """Return the internal target parts of ``source``'s relationships of a type."""
        return [
            rel.target_part
            for rel in self.rels(source)
            if not rel.external and rel.type.endswith(type_suffix)
        ]
