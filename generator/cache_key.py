"""One recipe for every cache key: what kitgen is, what it runs on, and the inputs each caller names.

A key is ``cache_key(kind, *parts)``: the sha256 of the kind, the environment and each
part. The environment is the same for every key of a process:

* kitgen's version and a hash of its own files (every commit is version 0.1.0, so the
  version alone would let output made by older code pass for current);
* Python's minor version and the zlib that deflates the decks' and kits' zips;
* the version of every library in :data:`LIBRARIES`, read from the names of their
  metadata folders, never by importing them: a build whose outputs all come from
  caches does not pay for importing matplotlib or openpyxl.

A library upgrade or a code change therefore makes every kind of output again (charts,
decks, data pickles, kits, trackers, run stamps), each from the one list below.

This module is a root helper: it imports no stage package, so a command answered from
its run stamp loads nothing more than the standard library to compute its key.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import zlib
from functools import lru_cache
from pathlib import Path

import generator

#: the distributions whose version can change a byte kitgen writes (or a cache entry it reads back), and why
LIBRARIES = (
    "python-pptx",  # builds every deck's parts
    "lxml",  # serializes the deck XML python-pptx and kitgen edit
    "matplotlib",  # draws the chart pictures
    "numpy",  # chart geometry and the figures' arithmetic (and the row hashes of incremental builds)
    "pillow",  # reads picture sizes and packs the chart pixels
    "zlib-ng",  # deflates the chart PNGs: another version may encode other bytes
    "pandas",  # the typed data frames (pickled in the data cache) and every figure computed from them
    "openpyxl",  # reads Excel data exports (and the workbook checks)
    "python-calamine",  # reads Excel data exports when it can
    "babel",  # formats numbers, currencies and dates in decks, charts, checklists and trackers
    "jinja2",  # renders the localized texts and report.html
    "xlsxwriter",  # writes the kit checklists and the tracker workbooks
    "fonttools",  # measures text with the font files, which decides how text is fitted
    "pyyaml",  # parses the specs
    "pydantic",  # validates the specs and fills their defaults
    "cloudpickle",  # carries the typed frames to Dask workers (the dask extra: may be absent)
)
NOT_INSTALLED = "not installed"
_PACKAGE = Path(generator.__file__).resolve().parent
_SKIPPED = {"__pycache__"}


def cache_key(kind: str, *parts: object) -> str:
    """Return the sha256 hex key of ``parts`` for an output of ``kind``, in this environment.

    Each part counts by its bytes (bytes as they are, str in UTF-8, any other value as
    canonical JSON, a path by its text), hashed on its own: ("ab", "c") and ("a", "bc")
    are two keys. Pass a file's bytes, not its path, when its content is the input.
    """
    digest = hashlib.sha256(environment())
    for part in (kind, *parts):
        digest.update(_part_digest(part))
    return digest.hexdigest()


def _part_digest(part: object) -> bytes:
    if isinstance(part, bytes):
        digest = hashlib.sha256(b"b")
        digest.update(part)  # not prefixed by concatenation: a master of several megabytes is not copied
        return digest.digest()
    if isinstance(part, str):
        return hashlib.sha256(b"s" + part.encode()).digest()
    text = json.dumps(part, sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(b"j" + text.encode()).digest()


@lru_cache(maxsize=1)
def environment() -> bytes:
    """Return the digest every key starts from: kitgen's version and code, Python, zlib and the libraries."""
    text = json.dumps({"kitgen": generator.__version__, "code": code_hash(), **library_versions()}, sort_keys=True)
    return hashlib.sha256(text.encode()).digest()


def library_versions() -> dict[str, str]:
    """Return Python's minor version, zlib's and the version of every library of :data:`LIBRARIES`."""
    # zipfile deflates decks and kits with the zlib Python was built with: another one may give other bytes
    versions = {"python": f"{sys.version_info.major}.{sys.version_info.minor}", "zlib": zlib.ZLIB_RUNTIME_VERSION}
    return versions | {name: installed_version(name) for name in LIBRARIES}


@lru_cache(maxsize=None)
def installed_version(distribution: str) -> str:
    """Return the installed version of ``distribution`` (``"not installed"`` when it is not), read once per process.

    The version comes from the name of its ``NAME-VERSION.dist-info`` folder, as the wheel
    standard names it: one listing of each folder of ``sys.path`` instead of importing
    importlib.metadata and opening a file per library (together 40 ms of a 90 ms unchanged
    build). Only a distribution whose folder name carries no version (``NAME.egg-info`` of
    an editable install) is asked for its metadata.
    """
    found = _metadata_folders().get(_normalized(distribution))
    if found is None:
        return NOT_INSTALLED
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version  # imported here: the rare case

    try:
        return version(distribution)
    except PackageNotFoundError:
        return NOT_INSTALLED


@lru_cache(maxsize=1)
def _metadata_folders() -> dict[str, str]:
    """Return the version of every distribution with a metadata folder on ``sys.path`` ("" when its name has none).

    As an import would, the first folder of ``sys.path`` that holds a distribution wins.
    """
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            stem, dot, suffix = name.rpartition(".")
            if dot and suffix in ("dist-info", "egg-info"):
                distribution, _, rest = stem.partition("-")  # NAME-VERSION.dist-info, NAME-VERSION-pyX.Y.egg-info
                found.setdefault(_normalized(distribution), rest.partition("-")[0])
    return found


def _normalized(distribution: str) -> str:
    return re.sub(r"[-_.]+", "_", distribution).lower()


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Return the sha256 hex of kitgen's own files (relative name and bytes), computed once per process.

    Every file of the package counts, not only the modules: the font files text is
    measured with decide how it is fitted. The names are POSIX, so a Dask worker on
    another system with the same files computes the same hash.
    """
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
        relative = Path(folder).relative_to(_PACKAGE).as_posix()
        for name in sorted(files):
            if name.startswith(".") or name.endswith((".pyc", ".pyo")):
                continue
            digest.update(f"{relative}/{name}\0".encode())
            _hash_file(digest, os.path.join(folder, name))
    return digest.hexdigest()


def _hash_file(digest: "hashlib._Hash", path: str) -> None:
    """Add the bytes of the file at ``path`` to ``digest``, then its size (so that files cannot run together)."""
    # os.read without Python's buffered file object: 3.5 ms instead of 5 ms for kitgen's 200 files
    size, handle = 0, os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        while chunk := os.read(handle, 1 << 22):
            digest.update(chunk)
            size += len(chunk)
    finally:
        os.close(handle)
    digest.update(f"\0{size}\0".encode())


def file_sha256(path: Path) -> str:
    """Return the sha256 hex digest of the file at ``path``, read in blocks (empty when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()
