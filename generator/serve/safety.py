"""What the review server may expose: the loopback interface unless told otherwise, and only
the season's own files, its template and profile, and its brand folder.

A requested path is checked before it touches the disk: no absolute path, no ``..``, and
once resolved (symlinks followed) it must still lie inside the root it was asked from.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ServeError

LOOPBACK = "127.0.0.1"
_SLIDE_KEY = re.compile(r"[0-9a-f]{64}")


def bind_address(host: str | None, *, explicit: bool) -> str:
    """Return the address to bind: loopback by default; another only when ``explicit`` (``--host`` given).

    Raise ServeError for a non-loopback ``host`` that was not asked for explicitly.
    """
    address = host or LOOPBACK
    if is_loopback(address) or explicit:
        return address
    raise ServeError(f"refusing to serve on {address}: the review page would be open to the network; "
                     f"pass --host {address} explicitly if that is what you want")


def is_loopback(host: str) -> bool:
    """Return True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def checked_relative(relative: str) -> PurePosixPath:
    """Return ``relative`` as a relative POSIX path; raise ServeError for absolute paths and ``..``."""
    if not relative or "\x00" in relative or "\\" in relative:
        raise ServeError(f"refused path {relative!r}: not a plain relative path")
    path = PurePosixPath(relative)
    if path.is_absolute() or re.match(r"^[A-Za-z]:", relative):
        raise ServeError(f"refused path {relative!r}: absolute paths are not served")
    if any(part in ("..", "") for part in relative.split("/")):
        raise ServeError(f"refused path {relative!r}: '..' and empty parts are not served")
    return path


def slide_key(key: str) -> str:
    """Return ``key`` when it is a slide picture key (64 hex digits); raise ServeError otherwise."""
    if not _SLIDE_KEY.fullmatch(key):
        raise ServeError(f"refused slide picture {key!r}: not a slide key")
    return key


@dataclass(frozen=True)
class ServedRoot:
    """A folder whose files may be served, or only some named files of it (``only``)."""

    folder: Path
    only: frozenset[str] | None = None

    def file(self, relative: str) -> Path:
        """Return the served file at ``relative`` inside this root; raise ServeError when it is not allowed.

        FileNotFoundError when the path is allowed but there is no such file.
        """
        path = checked_relative(relative)
        if self.only is not None and path.as_posix() not in self.only:
            raise ServeError(f"refused path {relative!r}: only {', '.join(sorted(self.only))} are served here")
        root = self.folder.resolve()
        target = (root / path).resolve(strict=True)  # symlinks followed: where the file really is
        if not target.is_relative_to(root):
            raise ServeError(f"refused path {relative!r}: it leads outside {root.name}/ (a symlink out)")
        if not target.is_file():
            raise FileNotFoundError(relative)
        return target


def served_roots(season_dir: Path, template: Path, profile: Path, brand_dir: Path) -> dict[str, ServedRoot]:
    """Return the roots the server may serve files from, by the name used in their URLs."""
    return {"season": ServedRoot(season_dir), "brand": ServedRoot(brand_dir),
            "template": ServedRoot(template.parent, frozenset({template.name})),
            "profile": ServedRoot(profile.parent, frozenset({profile.name}))}
