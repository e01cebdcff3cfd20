"""A build killed (SIGKILL) at ten random moments leaves no process behind and, after the next build, no
staging folder; every deck then in the output passes `kitgen check`."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "decks" / "fw26"
KITGEN = Path(sys.executable).with_name("kitgen")
BUILD = ["--jobs", "2", "--no-report", "--no-trackers"]
KILLS = 10
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _descendants(pid: int) -> set[int]:
    """Return the live processes whose chain of parents reaches ``pid`` (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                state, parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
            except (OSError, ValueError):
                continue
            if state != "Z":
                parents[int(entry.name)] = int(parent)
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _gone(pids: set[int], wait: float = 15.0) -> set[int]:
    """Return which of ``pids`` are still alive after up to ``wait`` seconds."""
    deadline = time.monotonic() + wait
    alive = {p for p in pids if _alive(p)}
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = {p for p in alive if _alive(p)}
    return alive


def test_builds_killed_at_random_moments_leave_nothing_behind(tmp_path):
    out = tmp_path / "out"
    moments = random.Random(20261208).sample([x / 10 for x in range(3, 90)], KILLS)
    for moment in moments:
        process = subprocess.Popen([str(KITGEN), "build", str(SAMPLE), "--out", str(out), "--force", *BUILD],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        seen: set[int] = set()
        deadline = time.monotonic() + moment
        while time.monotonic() < deadline and process.poll() is None:
            seen |= _descendants(process.pid)
            time.sleep(0.05)
        seen |= _descendants(process.pid)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        left = _gone(seen)
        for pid in left:  # never leave them to the next test, even when this one fails
            os.kill(pid, signal.SIGKILL)
        assert not left, f"killed at {moment} s: processes left {sorted(left)}"
    finished = subprocess.run([str(KITGEN), "build", str(SAMPLE), "--out", str(out), *BUILD], capture_output=True,
                              text=True, cwd=ROOT, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert not list(out.glob(".kitgen-staging-*"))
    decks = sorted(out.glob("*/*.pptx"))
    assert len(decks) > 40
    checked = subprocess.run([str(KITGEN), "check", "--no-schema", *map(str, decks)], capture_output=True, text=True,
                             cwd=ROOT, timeout=600)
    assert checked.returncode == 0, checked.stdout[-2000:] + checked.stderr[-2000:]
