"""What the review server may expose: the loopback interface unless told otherwise, and only
the season's own files, its template and profile, and its brand folder.

A requested path is checked before it touches the disk: no absolute path, no ``..``, and
once resolved (symlinks followed) it must still lie inside the root it was asked from.
Every request must name the server in its Host header (no DNS rebinding); those that make it
work must come from the review page itself (no other site's page); what is logged of a
request has its control characters escaped.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import ServeError

LOOPBACK = "127.0.0.1"
_SLIDE_KEY = re.compile(r"[0-9a-f]{64}")
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
_SAME_SITE = {"same-origin", "none"}  # "none": typed in the address bar, a bookmark
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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
        raise ServeError(f"refused path {_quoted(relative)}: not a plain relative path")
    path = PurePosixPath(relative)
    if path.is_absolute() or re.match(r"^[A-Za-z]:", relative):
        raise ServeError(f"refused path {_quoted(relative)}: absolute paths are not served")
    if any(part in ("..", "") for part in relative.split("/")):
        raise ServeError(f"refused path {_quoted(relative)}: '..' and empty parts are not served")
    return path


def _quoted(text: str, limit: int = 200) -> str:
    """Return ``text`` quoted as Python writes it, cut at ``limit`` characters: a refusal echoes no 5000-character URL."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + "…"


def slide_key(key: str) -> str:
    """Return ``key`` when it is a slide picture key (64 hex digits); raise ServeError otherwise."""
    if not _SLIDE_KEY.fullmatch(key):
        raise ServeError(f"refused slide picture {_quoted(key)}: not a slide key")
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
            raise ServeError(f"refused path {_quoted(relative)}: only {', '.join(sorted(self.only))} are served here")
        root = self.folder.resolve()
        try:
            target = (root / path).resolve(strict=True)  # symlinks followed: where the file really is
        except FileNotFoundError:
            raise
        except RuntimeError as exc:  # Python 3.11 says a symlink loop this way, later ones with an OSError
            raise ServeError(f"refused path {_quoted(relative)}: a symlink loop") from exc
        except OSError as exc:  # a name too long, a loop (ELOOP), a folder where a file is named
            raise ServeError(f"refused path {_quoted(relative)}: {(exc.strerror or str(exc)).lower()}") from exc
        if not target.is_relative_to(root):
            raise ServeError(f"refused path {_quoted(relative)}: it leads outside {root.name}/ (a symlink out)")
        if not target.is_file():
            raise FileNotFoundError(relative)
        return target


def served_roots(season_dir: Path, template: Path, profile: Path, brand_dir: Path) -> dict[str, ServedRoot]:
    """Return the roots the server may serve files from, by the name used in their URLs."""
    return {"season": ServedRoot(season_dir), "brand": ServedRoot(brand_dir),
            "template": ServedRoot(template.parent, frozenset({template.name})),
            "profile": ServedRoot(profile.parent, frozenset({profile.name}))}


@dataclass(frozen=True)
class HostCheck:
    """The Host headers the server answers: the name it was given and the loopback names, with the port.

    Checked on every request, whatever the bind: a page elsewhere whose name an attacker
    rebinds to this machine's address sends its own name, and is refused.
    """

    host: str
    port: int

    @property
    def allowed(self) -> frozenset[str]:
        """Return every Host header answered (without the port too on port 80, as browsers send it)."""
        names = {(f"[{self.host}]" if ":" in self.host else self.host).lower(), *LOOPBACK_NAMES}
        return frozenset({f"{name}:{self.port}" for name in names} | (names if self.port == 80 else set()))

    def refusal(self, header: str) -> str | None:
        """Return why a request with Host ``header`` is refused, None when it is answered.

        On a wildcard bind (0.0.0.0, ::) an address with the port is answered too: the page is
        then reached by one of the machine's addresses, and an address is never rebound.
        """
        if header.lower() in self.allowed or (self._wildcard and self._is_address_with_port(header)):
            return None
        return f"refused host {header!r}: this server answers {', '.join(sorted(self.allowed))}"

    @property
    def _wildcard(self) -> bool:
        return self.host.strip("[]") in ("0.0.0.0", "::")

    def _is_address_with_port(self, header: str) -> bool:
        name, _, port = header.rpartition(":")
        try:
            address = ipaddress.ip_address(name.removeprefix("[").removesuffix("]"))
        except ValueError:
            return False
        return port == str(self.port) and name.startswith("[") == (address.version == 6)


def cross_site_refusal(fetch_site: str | None, origin: str | None, host: str) -> str | None:
    """Return why a request that makes the server work comes from another site, None when it comes from the page.

    Browsers say where a request comes from (``Sec-Fetch-Site``, ``Origin``); a request with
    neither (curl, a script) is not a page's and is served.
    """
    if fetch_site is not None and fetch_site.lower() not in _SAME_SITE:
        said = f"Sec-Fetch-Site: {fetch_site}"
    elif origin is not None and origin.lower() not in (f"http://{host}".lower(), f"https://{host}".lower()):
        said = f"Origin: {origin}"
    else:
        return None
    return f"refused: a request from another site ({escaped(said[:100])}); only the review page asks this"


def escaped(text: str) -> str:
    """Return ``text`` with control characters written as escapes (``\\x1b``): a log line stays one plain line."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class EscapingFilter(logging.Filter):
    """A log filter writing a message's control characters as escapes: a URL's raw escape sequences never
    reach the terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Return True (the record is kept), its message escaped."""
        message = record.getMessage()
        clean = escaped(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def escape_logs(*names: str) -> None:
    """Escape the messages of the loggers ``names`` (once each, however many apps are made)."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, EscapingFilter) for f in logger.filters):
            logger.addFilter(EscapingFilter())
