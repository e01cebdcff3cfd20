"""Killed builds leave nothing behind: SIGKILL of `kitgen build --jobs 2` takes its workers with it,
SIGTERM stops a build as Ctrl-C does, and the staging folders of dead builds go at the next build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import BuildOptions, build_season
from generator.cli import cli
from generator.writer import Staging

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "decks" / "fw26"
KITGEN = Path(sys.executable).with_name("kitgen")
ONE_DECK = ["--only", "market-meeting", "--region", "MX", "--jobs", "1", "--no-kits", "--no-report", "--no-trackers"]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and forks")


def _children(pid: int) -> list[int]:
    """Return the ids of the live (not zombie) children of ``pid``, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state, parent = stat.rsplit(")", 1)[1].split()[:2]
            if int(parent) == pid and state != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _build_with_workers(out: Path) -> tuple[subprocess.Popen, list[int]]:
    """Return a `kitgen build --jobs 2` of the sample season under way, and its two workers."""
    process = subprocess.Popen([str(KITGEN), "build", str(SAMPLE), "--out", str(out), "--jobs", "2", "--force",
                                "--no-kits", "--no-report", "--no-trackers"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if len(workers) >= 2:
            return process, workers
        time.sleep(0.05)
    process.kill()
    output, errors = process.communicate()
    pytest.fail(f"the build started no two workers (exit {process.returncode}): {output}{errors}")


def _gone(pids: list[int], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(_alive(pid) for pid in pids)


def test_a_build_killed_with_sigkill_leaves_no_worker_running(tmp_path):
    process, workers = _build_with_workers(tmp_path)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)  # not communicate(): orphaned workers would hold its pipes open
    try:
        assert _gone(workers), f"workers {workers} outlived their killed build"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.stdout.close()
        process.stderr.close()


def test_sigterm_stops_a_build_as_ctrl_c_does_and_removes_its_staging(tmp_path):
    process, workers = _build_with_workers(tmp_path)
    assert list(tmp_path.glob(".kitgen-staging-*"))  # the build is under way
    process.send_signal(signal.SIGTERM)
    output, errors = process.communicate(timeout=120)
    assert (process.returncode, output, errors) == (1, "", "\nAborted!\n")
    assert not list(tmp_path.glob(".kitgen-staging-*"))
    assert _gone(workers)


def _staging_of(pid: int, out: Path) -> Path:
    """Return a staging folder in ``out`` that the process ``pid`` would have made, with a deck in it."""
    staging = Staging(out)  # named after this process: renamed as another's
    staging.write("en/deck.pptx", b"x" * 1000)
    owned = out / staging.folder.name.replace(f"-{os.getpid()}@", f"-{pid}@", 1)
    staging.folder.rename(owned)
    return owned


def test_the_next_build_removes_the_staging_folders_of_dead_builds_and_says_so(tmp_path):
    finished = subprocess.Popen(["true"])
    finished.wait()
    dead = _staging_of(finished.pid, tmp_path)
    unowned = tmp_path / ".kitgen-staging-k2x9_abc"  # an older kitgen's, 13 hours old
    (unowned / "fr").mkdir(parents=True)
    old = time.time() - 13 * 3600
    os.utime(unowned, (old, old))
    live = Staging(tmp_path)  # a build of this process, under way
    recent = tmp_path / ".kitgen-staging-p0q1_r2s"  # unowned but recent: may be a live build's
    recent.mkdir()
    result = CliRunner().invoke(cli, ["build", str(SAMPLE), "--out", str(tmp_path), *ONE_DECK])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "removed 2 staging folders left by an interrupted build"
    assert not dead.exists() and not unowned.exists()
    assert live.folder.is_dir() and recent.is_dir()
    live.discard()
    # a build with nothing to do (answered from its stamp) removes them too
    again = _staging_of(finished.pid, tmp_path)
    result = CliRunner().invoke(cli, ["build", str(SAMPLE), "--out", str(tmp_path), *ONE_DECK])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "removed 1 staging folder left by an interrupted build"
    assert "(nothing changed since the last build)" in result.output and not again.exists()


def test_a_library_build_tells_its_notice_callback(tmp_path):
    finished = subprocess.Popen(["true"])
    finished.wait()
    dead = _staging_of(finished.pid, tmp_path)
    notices = []
    build_season(SAMPLE, BuildOptions(tmp_path, only=("market-meeting",), regions=("MX",), jobs=1),
                 on_notice=notices.append)
    assert notices == ["removed 1 staging folder left by an interrupted build"] and not dead.exists()
