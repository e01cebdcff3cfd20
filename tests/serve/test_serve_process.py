"""`kitgen serve` as its own process: stopped the way a terminal or a service manager stops it,
it leaves nothing running behind (LibreOffice runs in a session of its own, out of reach of the
signal the server got)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from serve_helpers import Project, project, review_project  # noqa: F401 -- fixtures

KITGEN = Path(sys.executable).with_name("kitgen")
pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice: apt-get install -y "
                                "libreoffice-impress")


def _processes_naming(text: str) -> list[int]:
    """Return the pids of processes whose command line holds ``text``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_sigterm_ends_libreoffice_with_the_server(project: Project, tmp_path: Path):
    scratch = tmp_path / "scratch"  # LibreOffice's profile goes in here: its command line names it
    scratch.mkdir()
    server = subprocess.Popen([str(KITGEN), "serve", str(project.season), "--out", str(project.out), "--port", "0"],
                              env={**os.environ, "TMPDIR": str(scratch)}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        assert _until(lambda: any("soffice" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
                                  for pid in _processes_naming(str(scratch))), 120), "LibreOffice never started"
        server.send_signal(signal.SIGTERM)
        server.wait(60)
        assert _until(lambda: not _processes_naming(str(scratch)), 15), "LibreOffice outlived the server"
    finally:
        server.kill()
        for pid in _processes_naming(str(scratch)):
            os.kill(pid, signal.SIGKILL)
