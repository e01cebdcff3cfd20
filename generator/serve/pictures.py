"""Slide pictures on disk, by slide key: ``OUT/.kitgen-cache/slides/<key>.jpg``."""

from __future__ import annotations

import logging
from pathlib import Path

from generator.writer import write_atomic

log = logging.getLogger(__name__)


class PictureCache:
    """A picture per slide key; a key says everything the picture shows, so a picture never goes out of date."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._written: set[str] = set()  # pruned by this session only: other sessions' pictures stay theirs

    def path(self, key: str) -> Path:
        """Return where the picture of ``key`` is (or would be)."""
        return self.folder / f"{key}.jpg"

    def has(self, key: str) -> bool:
        """Return True when the picture of ``key`` is on disk."""
        return self.path(key).is_file()

    def put(self, key: str, picture: bytes) -> None:
        """Store the picture of ``key`` (atomically: the page never reads half a picture)."""
        write_atomic(self.path(key), picture)
        self._written.add(key)

    def prune(self, in_use: set[str]) -> None:
        """Delete the pictures this session wrote that no deck shows any more (disk stays flat over edits)."""
        for key in sorted(self._written - in_use):
            self.path(key).unlink(missing_ok=True)
            self._written.discard(key)
        log.debug("%d slide picture(s) written by this session in use", len(self._written))
