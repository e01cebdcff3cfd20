"""The one stage that touches output files.

Decks are serialized deterministically (fixed zip timestamps and member order,
core properties from the season, not the clock) and written atomically: each
build stages its files in a hidden folder beside the output and moves them into
place only when every deck succeeded, so a failed build never overwrites or
truncates a good deck.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import socket
import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Protocol

from generator.errors import OutputError

if TYPE_CHECKING:  # a command writing only small files (a run stamp) does not load python-pptx
    from pptx.presentation import Presentation

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_APP_LEAKS = re.compile(rb"<(Company|Manager)>[^<]*</\1>|<(Company|Manager)/>")
# Members compressed already are stored: deflating them again costs time and saves next to nothing.
DECK_STORED = (".jpg", ".jpeg", ".gif")
KIT_STORED = (".pptx", ".xlsx", ".pdf", ".zip", ".png", ".jpg", ".jpeg", ".gif")
FAST_DEFLATE = (".png",)  # kitgen's chart PNGs favour encoding speed: a fast deflate still takes off ~15 %
log = logging.getLogger(__name__)
STAGING_PREFIX = ".kitgen-staging-"
STALE_HOURS = 12
# The owner of a staging folder is in its name: .kitgen-staging-<pid>@<host>-<random>
_HOST = re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname())[:64] or "host"
_STAGING_OWNER = re.compile(rf"^{re.escape(STAGING_PREFIX)}(?P<pid>\d+)@(?P<host>[A-Za-z0-9._]+)-[^-]+$")


class DeckProperties(Protocol):
    """The document properties a deck is written with (the resolve stage's ``DeckMeta`` is one)."""

    title: str
    author: str
    language: str
    subject: str
    keywords: str
    modified: dt.datetime


def deck_bytes(prs: Presentation, meta: DeckProperties) -> bytes:
    """Return the deck serialized with ``meta`` as its properties, byte-for-byte reproducible."""
    _set_properties(prs, meta)
    try:
        members = _package_members(prs)
    except AttributeError:  # a python-pptx whose package writer changed: save, then re-zip
        log.debug("python-pptx package writer not as expected; saving through prs.save")
        buffer = BytesIO()
        prs.save(buffer)
        return normalize_zip(buffer.getvalue())
    return _zip_members(members)


def _package_members(prs: Presentation) -> list[tuple[str, bytes]]:
    """Return the deck's zip members (name, content) in the order python-pptx itself writes them.

    The parts are serialized once, straight into kitgen's own zip, instead of letting
    ``prs.save`` deflate everything and deflating it all again to fix the timestamps.
    """
    from pptx.opc.serialized import PackageWriter

    package = prs.part.package
    sink = _MemberSink()
    writer = PackageWriter(sink, package._rels, tuple(package.iter_parts()))
    writer._write_content_types_stream(sink)  # python-pptx has no public member API
    writer._write_pkg_rels(sink)
    writer._write_parts(sink)
    return sink.members


class _MemberSink:
    """Collect what python-pptx's package writer would put in its zip."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, pack_uri, blob: bytes) -> None:
        self.members.append((pack_uri.membername, blob))


def _set_properties(prs: Presentation, meta: DeckProperties) -> None:
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = meta.title, meta.author, meta.author
    props.subject, props.keywords, props.language = meta.subject, meta.keywords, meta.language
    props.comments = props.category = props.content_status = props.identifier = props.version = ""
    props.created = props.modified = meta.modified
    props.last_printed = dt.datetime(2000, 1, 1)
    props.revision = 1


def normalize_zip(data: bytes, comment: bytes = b"") -> bytes:
    """Return ``data`` re-zipped with fixed timestamps and without template leaks in app.xml.

    ``comment`` becomes the archive comment (a tracker's input fingerprint).
    """
    source = zipfile.ZipFile(BytesIO(data))
    return _zip_members([(info.filename, source.read(info.filename)) for info in source.infolist()], comment)


def _zip_members(members: list[tuple[str, bytes]], comment: bytes = b"") -> bytes:
    """Return the deck zip: fixed timestamps, no app.xml leaks, JPEG/GIF stored, PNG fast-deflated, XML deflated."""
    cleaned = ((name, _APP_LEAKS.sub(b"", content) if name == "docProps/app.xml" else content)
               for name, content in members)
    return _zip(cleaned, 0o600, DECK_STORED, FAST_DEFLATE, comment)


def _zip(members: Iterable[tuple[str, bytes]], mode: int, stored: tuple[str, ...],
         fast: tuple[str, ...] = (), comment: bytes = b"") -> bytes:
    """Return a reproducible zip of ``members`` in the order given: fixed timestamps and permissions.

    Names ending in ``stored`` are stored, in ``fast`` deflated at level 1, the rest deflated.
    """
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.comment = comment
        for name, content in members:
            lowered = name.lower()
            member = zipfile.ZipInfo(name, ZIP_EPOCH)
            member.compress_type = zipfile.ZIP_STORED if lowered.endswith(stored) else zipfile.ZIP_DEFLATED
            member.external_attr = mode << 16
            target.writestr(member, content, compresslevel=1 if lowered.endswith(fast) else None)
    return out.getvalue()


class Staging:
    """Collect a build's files in a hidden folder; move them into ``out_dir`` on success."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}@{_HOST}-", dir=out_dir))
        except OSError as exc:
            raise OutputError(f"cannot write to {out_dir}: {exc.strerror}") from exc
        self.files: list[str] = []

    def write(self, relative: str, data: bytes) -> Path:
        """Stage ``data`` for ``out_dir/relative`` and return the final path it will have."""
        staged = self.folder / relative
        try:
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_bytes(data)
        except OSError as exc:
            raise OutputError(f"cannot write {relative}: {exc.strerror}") from exc
        self.files.append(relative)
        return self.out_dir / relative

    def written(self, relative: str) -> tuple[int, int]:
        """Return (size, mtime_ns) of a staged file: moving it into place keeps both."""
        stat = (self.folder / relative).stat()
        return stat.st_size, stat.st_mtime_ns

    def commit(self) -> None:
        """Move every staged file into place (each move is atomic) and remove the staging folder."""
        for relative in self.files:
            final = self.out_dir / relative
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.folder / relative, final)
        self.discard()

    def discard(self) -> None:
        """Drop everything staged; earlier outputs stay as they were."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def remove_stale_staging(out_dir: Path) -> str | None:
    """Return the line telling how many staging folders of dead builds were removed from ``out_dir`` (None if none).

    A killed build (SIGKILL, a power cut) cannot remove its own folder. A folder belongs
    to a live build while its owner process runs: only folders of this host whose process
    is gone are removed, and those without a readable owner (another host, an older
    kitgen) once they are STALE_HOURS old, as no build runs that long.
    """
    removed = 0
    try:
        folders = [path for path in out_dir.glob(STAGING_PREFIX + "*") if path.is_dir()]
    except OSError:
        return None
    for folder in folders:
        if _staging_is_stale(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed += not folder.exists()
    if not removed:
        return None
    return f"removed {removed} staging folder{'s' if removed > 1 else ''} left by an interrupted build"


def _staging_is_stale(folder: Path) -> bool:
    owner = _STAGING_OWNER.match(folder.name)
    if owner and owner["host"] == _HOST:
        return not _alive(int(owner["pid"]))
    try:
        return time.time() - folder.stat().st_mtime > STALE_HOURS * 3600
    except OSError:
        return False


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process (PermissionError): alive
        return True
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from exc


def remove_files(folder: Path, pattern: str, keep: set[str]) -> None:
    """Remove the files of ``folder`` matching ``pattern`` whose names are not in ``keep``."""
    try:
        for path in folder.glob(pattern):
            if path.name not in keep:
                path.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot remove {exc.filename or folder}: {exc.strerror or exc}") from exc


def json_bytes(value: Any, indent: int | None = 2) -> bytes:
    """Return ``value`` as stable UTF-8 JSON, indented unless ``indent`` is None (compact)."""
    separators = None if indent is not None else (",", ":")
    return (json.dumps(value, indent=indent, separators=separators, ensure_ascii=False, sort_keys=True,
                       default=str) + "\n").encode()


def zip_bytes(members: dict[str, bytes], comment: bytes = b"") -> bytes:
    """Return a zip of ``members`` (name -> content), byte-for-byte reproducible: sorted, fixed timestamps.

    Members that are compressed already (decks, workbooks, PDFs, pictures) are stored as
    they are: deflating them again took most of a kit's time and saved a few per cent.
    ``comment`` becomes the archive comment.
    """
    return _zip(((name, members[name]) for name in sorted(members)), 0o644, KIT_STORED, comment=comment)
