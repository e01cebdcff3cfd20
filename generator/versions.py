"""Installed library versions, for cache keys: output made by another version is made again."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version


@lru_cache(maxsize=16)
def installed_version(distribution: str) -> str:
    """Return the installed version of ``distribution``, read from package metadata once per process.

    Reading the metadata never imports the library itself: a build whose outputs all
    come from caches does not pay for importing matplotlib or openpyxl.
    """
    return version(distribution)
