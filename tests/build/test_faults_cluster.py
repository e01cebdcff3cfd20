"""A Dask scheduler lost in the middle of a build is a message naming it, never a traceback.

The scheduler and its worker run as processes of their own, so the test can kill the scheduler
as a crash or a network cut would."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install 'kitgen[dask]')")

from click.testing import CliRunner  # noqa: E402

from generator.build import BuildOptions, build_season  # noqa: E402
from generator.cli import cli  # noqa: E402
from generator.errors import ClusterError  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "decks" / "fw26"
DASK = Path(sys.executable).with_name("dask")
FOUR_DECKS = {"only": ("retailer-kit",), "retailers": ("004101", "004102", "004103", "004104")}


@pytest.fixture()
def scheduler(tmp_path):
    """Yield (address, scheduler process) of a scheduler with one single-thread worker, both ended afterwards."""
    info = tmp_path / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": tmp_path}
    started = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                 "--scheduler-file", str(info)], **quiet)]
    try:
        deadline = time.monotonic() + 60
        while not info.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        started.append(subprocess.Popen([str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1",
                                         "--no-dashboard"], **quiet))
        yield address, started[0]
    finally:
        for process in started:
            process.kill()
            process.wait()


def _kill_on_first_deck(process: subprocess.Popen):
    def progress(deck):
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
    return progress


def test_a_scheduler_lost_mid_build_is_a_clear_error_and_nothing_is_written(scheduler, tmp_path):
    address, process = scheduler
    out = tmp_path / "out"
    options = BuildOptions(out, executor="dask", scheduler=address, **FOUR_DECKS)
    with pytest.raises(ClusterError) as error:
        build_season(SAMPLE, options, progress=_kill_on_first_deck(process))
    assert str(error.value).startswith(f"lost the Dask scheduler at {address} during the build (")
    assert str(error.value).endswith("); check that it is still running and reachable from here, then build "
                                     "again. Nothing was written")
    assert not list(out.rglob("*.pptx")) and not list(out.glob(".kitgen-staging-*"))


def test_kitgen_build_says_so_in_one_line(scheduler, tmp_path, monkeypatch):
    address, process = scheduler
    import generator.build.pipeline as pipeline

    real = pipeline._build_into

    def build_into(staging, pool, jobs, progress):  # the CLI shows no progress when piped: kill on the first deck
        return real(staging, pool, jobs, _kill_on_first_deck(process))

    monkeypatch.setattr(pipeline, "_build_into", build_into)
    result = CliRunner().invoke(cli, ["build", str(SAMPLE), "--out", str(tmp_path / "out"), "--executor", "dask",
                                      "--scheduler", address, "--only", "market-meeting",
                                      "--no-kits", "--no-report", "--no-trackers"])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"Error: lost the Dask scheduler at {address} during the build (")
    assert len(result.output.splitlines()) == 1
