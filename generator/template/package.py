"""Pre-flight checks on a template's zip container, before python-pptx ever parses it.

An HQ master arrives by e-mail or shared drive; it may be a .potx, a password-
protected file, a damaged download or something hostile. Every refusal names
the file and says what to do.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from generator.errors import PackageError, TemplateError
from generator.ooxml import MAX_MEMBER_BYTES, MAX_TOTAL_BYTES, parse_part, unpack

OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # compound file: how Office stores encrypted documents
MAX_MEMBERS = 5_000
MAX_RATIO = 200
RATIO_CHECK_BYTES = 1024 * 1024  # tiny members compress oddly; only big ones can be bombs
CONTENT_TYPES = "[Content_Types].xml"
TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
SLIDESHOW_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"
MACRO_MAIN = b"application/vnd.ms-powerpoint."  # .pptm/.potm/.ppsm main parts
PRESENTATION_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
EMBEDDED_KINDS = frozenset({"image", "media", "video", "audio", "oleObject"})
DESIGN_PARTS = ("ppt/slideMasters/", "ppt/slideLayouts/", "ppt/theme/")


def read_template_bytes(path: Path) -> bytes:
    """Return the template at ``path`` as .pptx bytes python-pptx can open, after all checks."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the template: {exc.strerror or exc}") from exc
    if data.startswith(OLE_MAGIC):
        raise TemplateError(f"{path}: the template is password-protected; save an unprotected copy")
    try:
        with _open_zip(path, data) as archive:
            return _checked(path, archive, data)
    except PackageError as exc:
        raise TemplateError(exc.message) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise TemplateError(f"{path}: the file is damaged ({exc}); re-export it from PowerPoint") from exc


def _checked(path: Path, archive: zipfile.ZipFile, data: bytes) -> bytes:
    _check_members(path, archive.infolist())  # what the headers say: refuse early, before inflating
    parts = unpack(str(path), archive)  # what the members really hold: python-pptx then reads them safely
    if CONTENT_TYPES not in parts:
        raise TemplateError(f"{path}: not a PowerPoint file (no {CONTENT_TYPES}); save it as .pptx or .potx")
    _check_external_media(path, parts)
    content_types = parts[CONTENT_TYPES]
    if MACRO_MAIN in content_types and b"macroEnabled.main+xml" in content_types:
        raise TemplateError(f"{path}: the template is macro-enabled; save it as .pptx or .potx without macros")
    if TEMPLATE_MAIN in content_types or SLIDESHOW_MAIN in content_types:
        return _as_presentation(archive, parts)
    return data


def _open_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise TemplateError(f"{path}: not a PowerPoint file or the file is damaged (not a valid zip); "
                            "re-export it from PowerPoint") from exc


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise TemplateError(f"{path}: the template holds {len(members)} files (limit {MAX_MEMBERS}); refusing it")
    total = 0
    for info in members:
        _check_name(path, info.filename)
        _check_size(path, info)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise TemplateError(f"{path}: the template unpacks to {total // 2**20} MB (limit "
                            f"{MAX_TOTAL_BYTES // 2**20} MB); compress its pictures")


def _check_name(path: Path, name: str) -> None:
    parts = name.split("/")
    if name.startswith("/") or "\\" in name or "\x00" in name or ".." in parts or (len(name) > 1 and name[1] == ":"):
        raise TemplateError(f"{path}: unsafe member name {name!r} in the zip (absolute or escaping path); "
                            "the file is damaged or hostile")


def _check_size(path: Path, info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise TemplateError(f"{path}: member {info.filename} unpacks to {info.file_size // 2**20} MB "
                            f"(limit {MAX_MEMBER_BYTES // 2**20} MB); refusing it")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > RATIO_CHECK_BYTES and ratio > MAX_RATIO:
        raise TemplateError(f"{path}: member {info.filename} is compressed {ratio:.0f}:1 (limit {MAX_RATIO}:1), "
                            "which looks like a zip bomb; refusing it")


def _check_external_media(path: Path, parts: dict[str, bytes]) -> None:
    """Refuse layouts/masters/themes whose pictures or media live outside the file."""
    for name, blob in parts.items():
        if not (name.startswith(DESIGN_PARTS) and name.endswith(".rels")):
            continue
        for rel in _parse(path, blob, name).iter(f"{{{PKG_RELS_NS}}}Relationship"):
            kind = posixpath.basename(rel.get("Type", ""))
            if rel.get("TargetMode") == "External" and kind in EMBEDDED_KINDS:
                raise TemplateError(f"{path}: {_owner_part(name)} links its {kind} to {rel.get('Target')!r} "
                                    "outside the file; embed the picture/media in the template and save again")


def _parse(path: Path, blob: bytes, name: str) -> etree._Element:
    try:
        return parse_part(blob, str(path), name)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{path}: part {name} is damaged ({exc}); re-export the template") from exc


def _owner_part(rels_name: str) -> str:
    """Return ``ppt/slideLayouts/slideLayout3.xml`` for its ``_rels/slideLayout3.xml.rels``."""
    folder, rels_file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), rels_file.removesuffix(".rels"))


def _as_presentation(archive: zipfile.ZipFile, parts: dict[str, bytes]) -> bytes:
    """Return the package with its .potx/.ppsx main content type switched to a .pptx one."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            blob = parts.get(info.filename, b"")
            if info.filename == CONTENT_TYPES:
                blob = blob.replace(TEMPLATE_MAIN, PRESENTATION_MAIN).replace(SLIDESHOW_MAIN, PRESENTATION_MAIN)
            target.writestr(info, blob)
    return out.getvalue()
