"""Validation of slide, layout, master, presentation and chart parts against ECMA-376.

The transitional schemas are not shipped with kitgen. They are looked up in
``$KITGEN_OOXML_XSD`` or ``<repo>/../shared/ooxml-xsd``; when absent, schema
validation is skipped with one logged warning. Each schema compiles once per process.

Two adjustments, both documented in the schema folder's NOTICE.md, are applied to a
copy of each part before validating, and nothing broader:
- Markup Compatibility is resolved as a consumer would (see ``compat``).
- Negative chart axis ids are masked with ``val & 0xFFFFFFFF``. python-pptx writes
  them and PowerPoint accepts them; ``c:crossAx`` carries the same axis id as the
  ``c:axId`` it refers to, so it is masked alike.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from lxml import etree

from generator.check.compat import preprocess
from generator.check.package import DeckPackage
from generator.check.problem import Problem

log = logging.getLogger(__name__)

ENV_VAR = "KITGEN_OOXML_XSD"
DEFAULT_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "ooxml-xsd"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
AXIS_ID_TAGS = (f"{{{C_NS}}}axId", f"{{{C_NS}}}crossAx")
MAX_ERRORS_PER_PART = 5

# Content type suffix -> schema file that declares the part's root element.
SCHEMA_FOR_TYPE = {
    "presentationml.presentation.main+xml": "pml.xsd",
    "presentationml.template.main+xml": "pml.xsd",
    "presentationml.slideshow.main+xml": "pml.xsd",
    "presentationml.slide+xml": "pml.xsd",
    "presentationml.slideLayout+xml": "pml.xsd",
    "presentationml.slideMaster+xml": "pml.xsd",
    "presentationml.notesSlide+xml": "pml.xsd",
    "presentationml.notesMaster+xml": "pml.xsd",
    "drawingml.chart+xml": "dml-chart.xsd",
}

# Shorter messages: lxml spells names as {uri}local.
_PREFIXES = {
    "http://schemas.openxmlformats.org/presentationml/2006/main": "p",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    C_NS: "c",
}


def schema_dir() -> Path | None:
    """Return the folder holding pml.xsd (env var first, then the shared default), or None."""
    configured = os.environ.get(ENV_VAR)
    root = Path(configured) if configured else DEFAULT_DIR
    for candidate in (root / "xsd", root):
        if (candidate / "pml.xsd").is_file():
            return candidate
    return None


class _LocalResolver(etree.Resolver):
    """Resolve schema imports to files of the local schema folders, never the network."""

    def __init__(self, folders: tuple[Path, ...]):
        super().__init__()
        self.folders = folders

    def resolve(self, url, pubid, context):  # noqa: ANN001 - lxml's signature
        name = url.rstrip("/").rsplit("/", 1)[-1]
        for folder in self.folders:
            if (folder / name).is_file():
                return self.resolve_filename(str(folder / name), context)
        return None


@cache
def load_schema(folder: Path, name: str) -> etree.XMLSchema:
    """Return the compiled schema ``name`` from ``folder`` (compiled once per process)."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalResolver((folder, folder.parent / "opc-xsd")))
    return etree.XMLSchema(etree.parse(str(folder / name), parser))


@cache
def _warn_missing() -> None:
    log.warning(
        "OOXML schemas not found (set %s to the ooxml-xsd folder); skipping schema validation",
        ENV_VAR,
    )


def schema_problems(pkg: DeckPackage) -> Iterator[Problem]:
    """Yield a problem for every schema error in the deck's PresentationML and chart parts."""
    folder = schema_dir()
    if folder is None:
        _warn_missing()
        return
    for part in pkg.parts:
        name = _schema_name(pkg.content_type(part) or "")
        root = pkg.xml(part) if name else None
        if root is not None:
            errors = validation_errors(load_schema(folder, name), root)
            yield from (Problem(pkg.label, part, message) for message in errors)


def _schema_name(content_type: str) -> str | None:
    return next((xsd for kind, xsd in SCHEMA_FOR_TYPE.items() if content_type.endswith(kind)), None)


def validation_errors(schema: etree.XMLSchema, root: etree._Element) -> list[str]:
    """Return readable schema errors of a part root, after the documented adjustments."""
    if schema.validate(_adjusted(root)):
        return []
    errors = [f"schema: {e.path}: {_shorten(e.message)}" for e in schema.error_log]
    if len(errors) > MAX_ERRORS_PER_PART:
        hidden = len(errors) - MAX_ERRORS_PER_PART
        errors = errors[:MAX_ERRORS_PER_PART] + [f"schema: ... and {hidden} more error(s)"]
    return errors


def _adjusted(root: etree._Element) -> etree._Element:
    adjusted = preprocess(root)
    if adjusted is root and _negative_axis_ids(root):
        adjusted = copy.deepcopy(root)  # never change the package's cached tree
    for element in _negative_axis_ids(adjusted):
        element.set("val", str(int(element.get("val")) & 0xFFFFFFFF))
    return adjusted


def _negative_axis_ids(root: etree._Element) -> list[etree._Element]:
    return [
        element
        for tag in AXIS_ID_TAGS
        for element in root.iter(tag)
        if element.get("val", "").startswith("-") and element.get("val")[1:].isdigit()
    ]


def _shorten(message: str) -> str:
    for uri, prefix in _PREFIXES.items():
        message = message.replace(f"{{{uri}}}", f"{prefix}:")
    return message
