"""Slide pictures for the review page, from one LibreOffice kept running between renders.

LibreOffice takes seconds to start, so the server starts it once, through ``unoserver``
(a small XML-RPC server that drives LibreOffice over UNO), and sends it each deck to
convert to PDF; pdftoppm turns the pages into JPEG pictures. unoserver's server side needs
Python's ``uno`` module, which comes with LibreOffice (Debian: python3-uno) and is
usually not importable from kitgen's own virtual environment: the server is run with
the first Python that can import it. Without LibreOffice the page shows outlines and
says how to install it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import xmlrpc.client
from pathlib import Path
from typing import Callable

from generator.errors import RenderError

log = logging.getLogger(__name__)
logging.getLogger("unoserver").setLevel(logging.WARNING)  # its client logs every call at INFO
INSTALL_HINT = ("slide pictures need LibreOffice and poppler: "
                "apt-get install -y libreoffice-impress python3-uno poppler-utils, then restart kitgen serve")
START_SECONDS = 90  # unoserver waits 7 s itself; a loaded machine takes longer
CONVERT_SECONDS = 120
STOP_SECONDS = 2
RECYCLE_AFTER = 100  # conversions before LibreOffice is replaced by a fresh one (its memory grows with each)
PICTURE_WIDTH = 1280  # pixels: sharp as the large slide, small enough to send at once
JPEG_QUALITY = 85
_UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python", "/opt/libreoffice/program/python")


class SlideRenderer:
    """Turns decks into slide pictures through a LibreOffice process started once (``start``) and kept alive.

    LibreOffice's own memory grows a little with every document it converts (about 0.15 MB a
    render, measured over 100 edit cycles), so after :data:`RECYCLE_AFTER` conversions the
    session calls :meth:`recycle` while nothing waits: a fresh LibreOffice is started beside the
    worn one, which converts on until the new one answers and is then stopped.
    """

    def __init__(self) -> None:
        self.state = "off"  # off, starting, ready, missing (not installed), failed
        self.hint = ""
        self.conversions = 0  # by the LibreOffice running now
        self._office: _Office | None = None
        self._lock = threading.Lock()  # held while one LibreOffice converts one document
        self._stopping = False

    @property
    def ready(self) -> bool:
        """Return True once LibreOffice answers."""
        return self.state == "ready"

    @property
    def worn(self) -> bool:
        """Return True when the LibreOffice running now has converted enough to be replaced by a fresh one."""
        return self.ready and self.conversions >= RECYCLE_AFTER

    def start(self) -> None:
        """Start LibreOffice and wait until it answers (sets ``state`` and ``hint``; never raises)."""
        missing = _missing_programs()
        if missing:
            self.state, self.hint = "missing", f"{', '.join(missing)} not found: {INSTALL_HINT}"
            log.warning("no slide pictures: %s", self.hint)
            return
        self.state = "starting"
        try:
            self._office = self._started_office()
        except RenderError as exc:
            self.stop()
            self.state, self.hint = ("missing" if "uno" in exc.message else "failed"), exc.message
            log.warning("no slide pictures: %s", exc.message)
            return
        self.state, self.hint = "ready", ""

    def recycle(self) -> None:
        """Replace the running LibreOffice by a fresh one; renders go on meanwhile (never raises)."""
        started = time.perf_counter()
        try:
            fresh = self._started_office()
        except RenderError as exc:  # the worn one keeps converting; the next idle moment tries again
            if not self._stopping:  # a server stopping ends the fresh one on purpose: nothing to report
                log.warning("LibreOffice could not be replaced by a fresh one (%s); the running one goes on",
                            exc.message)
            return
        with self._lock:
            worn, self._office, done, self.conversions = self._office, fresh, self.conversions, 0
            if self._stopping:  # stopped while the fresh one started: it goes too
                worn, self._office = fresh, None
        if worn is not None:
            worn.stop()
        log.info("LibreOffice replaced by a fresh one after %d conversions (%.1f s)", done,
                 time.perf_counter() - started)

    def _started_office(self) -> _Office:
        office = _Office(_uno_python())
        try:
            office.wait_until_ready(lambda: self._stopping)
        except RenderError:
            office.stop()
            raise
        return office

    def render(self, deck: bytes, pages: int) -> list[bytes]:
        """Return one picture (JPEG) per shown slide of ``deck`` (``pages`` of them expected); RenderError when it fails."""
        if not self.ready:
            raise RenderError(self.hint or "LibreOffice is not running")
        with self._lock:  # one LibreOffice converts one document at a time
            if self._office is None:
                raise RenderError("LibreOffice was stopped")
            pdf = self._office.convert(deck)
            self.conversions += 1
        pictures = pdf_pictures(pdf)
        if len(pictures) != pages:
            raise RenderError(f"LibreOffice made {len(pictures)} page(s) for {pages} slide(s)")
        return pictures

    def stop(self) -> None:
        """End LibreOffice and unoserver (a recycling under way stops the fresh one too)."""
        self._stopping = True
        office, self._office = self._office, None
        if office is not None:
            office.stop()
        if self.state in ("ready", "starting"):
            self.state = "off"


class _Office:
    """One unoserver with its LibreOffice, in a process group and profile of its own."""

    def __init__(self, python: str) -> None:
        import unoserver  # the client half, installed with kitgen[serve]: its folder goes on the server's path

        site = str(Path(unoserver.__file__).resolve().parent.parent)
        self.port, uno_port = _free_port(), _free_port()
        self.profile = tempfile.TemporaryDirectory(prefix="kitgen-serve-lo-")
        # kitgen's folder goes last on the path: the other Python keeps its own packages first
        code = f"import sys; sys.path.append({site!r}); from unoserver.server import main; sys.exit(main())"
        command = [python, "-c", code, "--interface", "127.0.0.1", "--uno-interface", "127.0.0.1",
                   "--port", str(self.port), "--uno-port", str(uno_port), "--quiet",
                   "--user-installation", str(Path(self.profile.name) / "profile"),
                   "--executable", _soffice() or "soffice"]
        # a session of its own: stopping the server ends LibreOffice's processes with it
        self.process: subprocess.Popen | None = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def wait_until_ready(self, stopping: Callable[[], bool]) -> None:
        """Return once LibreOffice answers; RenderError when it exits, is stopped or takes too long."""
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            process = self.process
            if process is None or stopping():  # the server is stopping: no need to wait for an answer
                raise RenderError("LibreOffice was stopped while it started")
            if process.poll() is not None:
                raise RenderError(f"LibreOffice (unoserver) exited at start (status {process.returncode})")
            try:
                xmlrpc.client.ServerProxy(f"http://127.0.0.1:{self.port}", allow_none=True).info()
                return
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.25)
        raise RenderError(f"LibreOffice did not answer within {START_SECONDS} s")

    def convert(self, deck: bytes) -> bytes:
        """Return ``deck`` converted to PDF; RenderError when LibreOffice fails or is gone."""
        try:
            return _client(self.port).convert(indata=deck, convert_to="pdf")
        except (OSError, xmlrpc.client.Error) as exc:
            raise RenderError(f"LibreOffice could not convert the deck: {exc}") from exc

    def stop(self) -> None:
        """End this LibreOffice and its unoserver (their process group), and drop its profile."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(STOP_SECONDS)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                # its profile is thrown away: nothing is lost when LibreOffice does not close in time
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.profile.cleanup()


def pdf_pictures(pdf: bytes) -> list[bytes]:
    """Return a JPEG picture of every page of ``pdf``, PICTURE_WIDTH pixels wide, in page order."""
    with tempfile.TemporaryDirectory(prefix="kitgen-serve-pictures-") as scratch:
        source = Path(scratch) / "deck.pdf"
        source.write_bytes(pdf)  # a scratch copy: pdftoppm reads files
        # JPEG: a third of PNG's encoding time and half its size for slides, sharp enough at this width
        command = [shutil.which("pdftoppm") or "pdftoppm", "-jpeg", "-jpegopt", f"quality={JPEG_QUALITY}",
                   "-scale-to-x", str(PICTURE_WIDTH),
                   "-scale-to-y", "-1", str(source), str(Path(scratch) / "page")]
        done = subprocess.run(command, capture_output=True, check=False, timeout=CONVERT_SECONDS)
        if done.returncode:
            raise RenderError(f"pdftoppm failed: {done.stderr.decode(errors='replace').strip()[-300:]}")
        pages = sorted(Path(scratch).glob("page-*.jpg"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [page.read_bytes() for page in pages]


def _client(port: int):
    """Return an unoserver client that fails at once when LibreOffice is gone (the stock one retries for 50 s)."""
    from unoserver.client import UnoClient

    class Client(UnoClient):
        def _connect(self, proxy, retries=1, sleep=0):
            return super()._connect(proxy, retries=1, sleep=0)

    return Client("127.0.0.1", str(port))


def _missing_programs() -> list[str]:
    missing = [] if _soffice() else ["LibreOffice (soffice)"]
    return missing + ([] if shutil.which("pdftoppm") else ["pdftoppm"])


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _uno_python() -> str:
    """Return a Python that can import ``uno`` (this one, or LibreOffice's); RenderError naming the package if none."""
    for python in (sys.executable, *_UNO_PYTHONS):
        if Path(python).is_file() and subprocess.run([python, "-c", "import uno"], capture_output=True,
                                                     check=False, timeout=30).returncode == 0:
            return python
    raise RenderError("no Python with LibreOffice's uno module: apt-get install -y python3-uno")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

