"""Small helpers on python-pptx's XML and packages, shared by the template, fill, fit, hq and check stages.

python-pptx answers placeholder questions with an XPath on each call and finds free part
names by walking the whole package; the build asks thousands of times, so these answers
come from ``find`` on precomputed tag names and from records kept on the package.

Packages also come from outside (HQ masters and decks, files given to ``kitgen check``), so
this is the one place their parts are unpacked and parsed: zip members are inflated in
chunks and counted (a zip header may lie about a member's size), XML with a DOCTYPE is
refused before any parser sees it, and the one XML parser set-up resolves no entity,
loads no DTD and never touches the network.
"""

from __future__ import annotations

import copy
import zipfile
from typing import Callable, TypeVar

from lxml import etree
from pptx.oxml.ns import qn

from generator.errors import PackageError

T = TypeVar("T")

_NV_PR_PH = f"{qn('p:nvPr')}/{qn('p:ph')}"

MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_XML_BYTES = MAX_MEMBER_BYTES  # what the parser accepts; lxml's own cap (huge_tree off) stays below it
_CHUNK = 1024 * 1024
_DOCTYPE_MARKS = (b"<!DOCTYPE", b"<!ENTITY")
_XML_NAMES = (".xml", ".rels", ".vml")
DOCTYPE_REFUSED = "XML with a DOCTYPE (entities) is not accepted: save the file again from PowerPoint"


def xml_parser() -> etree.XMLParser:
    """Return the one XML parser set-up for package parts: no DTD, no entities, no network, no huge trees.

    A new parser per call: an lxml parser must not serve two threads at once, and making one costs microseconds.
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False)


def parse_part(blob: bytes, label: str = "", part: str = "") -> etree._Element:
    """Return the root of the XML part ``blob``; PackageError naming ``label`` and ``part`` if it has a DOCTYPE or is too big.

    A damaged part still raises lxml's XMLSyntaxError, which callers report in their own words.
    """
    if len(blob) > MAX_XML_BYTES:
        raise PackageError(label, f"part {part}", f"{len(blob) // 2**20} MB of XML "
                           f"(limit {MAX_XML_BYTES // 2**20} MB); refusing it")
    if has_doctype(blob):
        raise PackageError(label, f"part {part}", DOCTYPE_REFUSED)
    return etree.fromstring(blob, xml_parser())


def has_doctype(blob: bytes) -> bool:
    """Return True if the XML ``blob`` declares a DOCTYPE or an entity (UTF-8 or UTF-16)."""
    if b"\x00" in blob[:4]:  # UTF-16: drop the zero bytes so the markers read as ASCII
        blob = blob.replace(b"\x00", b"")
    return any(mark in blob for mark in _DOCTYPE_MARKS)


def is_xml_member(name: str) -> bool:
    """Return True for a member parsed as XML, by its name.

    Not by its first bytes: an SVG picture is XML that often declares a DOCTYPE, and no one parses it.
    """
    return name.lower().endswith(_XML_NAMES)


def unpack(label: str, archive: zipfile.ZipFile, *, max_member: int = MAX_MEMBER_BYTES,
           max_total: int = MAX_TOTAL_BYTES) -> dict[str, bytes]:
    """Return every member of ``archive`` (folders left out) by name, counted as really inflated.

    A zip header may say 1 000 bytes of a member that inflates to gigabytes: each member is read
    in chunks until its stream really ends, and refused (PackageError naming ``label``) beyond
    ``max_member``, beyond ``max_total`` in all, or when the bytes differ from what its header says,
    since python-pptx trusts that header later. XML members with a DOCTYPE are refused too.
    """
    parts: dict[str, bytes] = {}
    total = 0
    for info in archive.infolist():
        if info.filename.endswith("/"):
            continue
        room = min(max_member, max_total - total)
        blob = _inflate(archive, info, room)
        if blob is None:
            if room == max_member:
                raise PackageError(label, f"member {info.filename}", f"unpacks to more than {_mb(max_member)} "
                                   f"(limit {_mb(max_member)}); refusing it")
            raise PackageError(label, "", f"the file unpacks to more than {_mb(max_total)} "
                               f"(limit {_mb(max_total)}); compress its pictures")
        total += len(blob)
        if len(blob) != info.file_size:
            raise PackageError(label, f"member {info.filename}", f"unpacks to {len(blob)} bytes, not the "
                               f"{info.file_size} its zip header says; the file is damaged or hostile")
        if is_xml_member(info.filename) and has_doctype(blob):
            raise PackageError(label, f"part {info.filename}", DOCTYPE_REFUSED)
        parts[info.filename] = blob
    return parts


def _mb(size: int) -> str:
    """Return ``size`` as messages show a limit: whole MB, or bytes below one."""
    return f"{size // 2**20} MB" if size >= 2**20 else f"{size} bytes"


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> bytes | None:
    """Return the member's bytes, read until its stream really ends, or None past ``room`` bytes."""
    probe = copy.copy(info)
    # zipfile stops at the header's size and checks the CRC there: let it read on past ``room`` (by more than
    # the chunk it may inflate ahead of what we took), and count what really comes out
    probe.file_size = room + 2 * _CHUNK
    chunks, size = [], 0
    with archive.open(probe) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > room:
                return None
            chunks.append(chunk)
    return b"".join(chunks)


def placeholder_of(element):
    """Return the ``p:ph`` element of a shape element, or None when the shape is no placeholder.

    Read where python-pptx reads it: in the shape's first child (its ``p:nv*Pr``).
    """
    return element[0].find(_NV_PR_PH) if len(element) else None


def package_record(package, name: str, make: Callable[[object], T]) -> T:
    """Return the record ``name`` kept on ``package``, made by ``make(package)`` on first use.

    The record lives on the package itself: its parts point back at the package, so a
    module-level table (even a weak one) would keep every deck a worker builds in memory.
    """
    assert name.startswith("_kitgen_"), name  # so forget_package_records finds it
    record = getattr(package, name, None)
    if record is None:
        record = make(package)
        setattr(package, name, record)
    return record


def forget_package_records(package) -> None:
    """Drop every record :func:`package_record` keeps on ``package`` (after parts were added behind its back)."""
    for name in [n for n in vars(package) if n.startswith("_kitgen_")]:
        delattr(package, name)
