"""Typed data files kept on disk between builds, so a rebuild does not parse them again.

Reading a season's CSV and Excel exports as text and typing every column is most
of a rebuild's fixed cost (over a second for a 450-retailer season, where
openpyxl alone walks thousands of rows). A build therefore keeps each typed table
under ``OUT/.kitgen-cache/data``, named by :func:`generator.cache_key.cache_key` of the
file's bytes and its source definition (so kitgen's code and the pandas version count):
any change gives a new name, so an entry never goes stale. Entries are pickles written
by kitgen itself into the build's own output folder (like Python's ``__pycache__``); one
that cannot be read is ignored and parsed again. Outside :func:`disk_cache` nothing touches the disk; at
the end of a block, entries it did not use (earlier versions of the files) are removed,
so the cache holds one typed copy of each current file.

A block's state lives in a context variable, not in module globals: ``kitgen serve``
checks a season on one thread while it builds it on another, each in a block of its own.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from generator.cache_key import cache_key
from generator.errors import OutputError
from generator.writer import remove_files, write_atomic

log = logging.getLogger(__name__)
CACHE_FORMAT = "2"  # bump when the typed frames' layout changes without a version change


@dataclass
class _Block:
    """What one :func:`disk_cache` block has done: where it caches, what it parsed and what it used."""

    folder: Path
    pending: dict[str, pd.DataFrame] = field(default_factory=dict)  # parsed in this block, not yet on disk
    used: set[str] = field(default_factory=set)  # read or parsed: the other entries are stale once it ends well


_block: ContextVar[_Block | None] = ContextVar("kitgen_data_cache", default=None)  # a new thread starts with none


@contextmanager
def disk_cache(folder: Path | None) -> Iterator[None]:
    """Use typed data files cached under ``folder`` while the block runs (None: memory only).

    New entries are written when the block ends without an error: a build that
    fails (a spec error, say) leaves its output folder untouched.
    """
    block = _Block(folder) if folder is not None else None
    token = _block.set(block)
    try:
        yield
        if block is not None:
            _flush(block)
    finally:
        _block.reset(token)


def _entry_name(parts: tuple[str, ...]) -> str:
    """Return the cache file name of a table read from ``parts`` (path, content hash, definition)."""
    return cache_key("data", CACHE_FORMAT, *parts) + ".pickle"


def mark_used(parts: tuple[str, ...]) -> None:
    """Note that this block read the table of ``parts`` (from memory): its entry is not stale."""
    block = _block.get()
    if block is not None:
        block.used.add(_entry_name(parts))


def load(parts: tuple[str, ...]) -> pd.DataFrame | None:
    """Return the typed table cached for ``parts``, or None (no cache, not cached, unreadable)."""
    block = _block.get()
    if block is None:
        return None
    mark_used(parts)
    path = block.folder / _entry_name(parts)
    try:
        with path.open("rb") as stream:
            frame = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 -- a damaged entry only costs a parse
        log.debug("data cache entry %s unreadable (%s); parsing the file again", path.name, exc)
        return None
    return frame if isinstance(frame, pd.DataFrame) else None


def store(parts: tuple[str, ...], frame: pd.DataFrame) -> None:
    """Keep ``frame`` for ``parts`` (written to disk when the :func:`disk_cache` block ends well)."""
    block = _block.get()
    if block is not None:
        block.pending[_entry_name(parts)] = frame


def _flush(block: _Block) -> None:
    """Write the pending entries and drop the ones this block did not use (older versions of the files).

    A cache that cannot be written only costs speed.
    """
    if not block.used:
        return
    try:
        for name, frame in block.pending.items():
            write_atomic(block.folder / name, pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL))
    except OutputError as exc:
        log.warning("data cache not written (%s); the data files will be read in full again next time "
                    "(check the free space and permissions of that folder)", exc)
        return
    try:
        remove_files(block.folder, "*.pickle", keep=block.used)
    except OutputError as exc:
        log.warning("old data cache files not removed (%s); they only take disk space "
                    "(the .kitgen-cache folder may be deleted at any time)", exc)
