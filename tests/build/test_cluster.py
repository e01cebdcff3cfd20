"""The Dask executor on a LocalCluster over loopback (two worker processes): same bytes as --jobs 1,
a worker killed mid-build, a version mismatch, bad data, Ctrl-C, and a rebuild that sends no task."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed (pip install 'kitgen[dask]')")

import cloudpickle  # noqa: E402
import dask  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402
from distributed.diagnostics.plugin import SchedulerPlugin  # noqa: E402

import generator  # noqa: E402
from generator.build import BuildOptions, build_season  # noqa: E402
from generator.cli import cli  # noqa: E402
from generator.errors import ClusterError, KitgenError, RenderError  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "decks" / "fw26"
SUBSET = {"only": ("retailer-kit",), "retailers": ("004101", "004102", "004103", "004104")}  # four decks
cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import this test module


class TaskCounter(SchedulerPlugin):
    """Counts the kitgen tasks the scheduler starts (a retried task counts again)."""

    def __init__(self):
        self.started = 0

    def transition(self, key, start, finish, *args, **kwargs):
        if finish == "processing" and str(key).startswith("kitgen-deck"):
            self.started += 1


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        local.scheduler.add_plugin(TaskCounter(), name="kitgen-counter")
        with Client(local) as client:
            yield local, client


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("jobs1")
    build_season(SAMPLE, BuildOptions(out, jobs=1, **SUBSET))
    return out


def _options(cluster, out: Path, **changes) -> BuildOptions:
    local, client = cluster
    client.wait_for_workers(2, timeout=60)  # a worker killed by an earlier test has been restarted
    return BuildOptions(out, executor="dask", scheduler=local.scheduler_address, **{**SUBSET, **changes})


def _decks(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.pptx")) if ".kitgen" not in str(p)}


def _started(cluster) -> int:
    return cluster[0].scheduler.plugins["kitgen-counter"].started


def test_the_inputs_sent_are_the_season_master_brand_and_fonts_with_the_data_as_frames(tmp_path):
    from generator.build.builder import DeckBuilder
    from generator.build.cluster.inputs import gather_inputs
    from generator.spec import load_season

    builder = DeckBuilder(load_season(SAMPLE))
    inputs = gather_inputs(builder, tmp_path)
    assert inputs.season_dir == "decks/fw26" and inputs.template == "templates/orvelle_master.pptx"
    assert {"decks/fw26/season.yaml", "decks/fw26/decks/retailer_kit.yaml", "decks/fw26/locale/fr.po",
            "templates/orvelle_master.profile.yaml", "brand_assets/brand.yaml", "brand_assets/orvelle.mplstyle"} <= set(inputs.files)
    assert not [name for name in inputs.files if name.endswith((".csv", ".xlsx"))]  # the data travels typed
    assert sorted(inputs.frames) == sorted(builder.season.spec.sources)
    assert {font for font, _ in inputs.fonts} >= {builder.look.body_font}
    assert gather_inputs(DeckBuilder(load_season(SAMPLE)), tmp_path).digest == inputs.digest
    builder.store.set_as_of(dt.date(2026, 9, 30))  # --as-of: the workers' monthly figures follow it
    moved = gather_inputs(builder, tmp_path)
    assert moved.as_of == dt.date(2026, 9, 30) and moved.digest != inputs.digest


def test_a_dask_build_writes_the_bytes_of_a_one_process_build_and_a_rebuild_sends_no_task(cluster, reference, tmp_path):
    before = _started(cluster)
    result = build_season(SAMPLE, _options(cluster, tmp_path))
    assert _decks(tmp_path) == _decks(reference) and len(_decks(tmp_path)) == 4
    assert (tmp_path / "manifest.json").read_bytes() == (reference / "manifest.json").read_bytes()
    state, expected = (json.loads((out / ".kitgen-state.json").read_text()) for out in (tmp_path, reference))
    assert {k: v["chart_keys"] for k, v in state["decks"].items()} == {k: v["chart_keys"] for k, v in expected["decks"].items()}
    assert _started(cluster) - before == 4 and len(result.worker_peak_mb) == 2
    again = build_season(SAMPLE, _options(cluster, tmp_path))
    assert again.rebuilt == 0 and _started(cluster) - before == 4


def test_a_worker_killed_mid_build_has_its_decks_built_elsewhere(cluster, reference, tmp_path):
    local, client = cluster
    pids = client.run(os.getpid)
    killed = []

    def kill_a_worker(deck):
        if not killed:
            killed.append(deck)
            os.kill(next(iter(pids.values())), signal.SIGKILL)

    before = _started(cluster)
    result = build_season(SAMPLE, _options(cluster, tmp_path), progress=kill_a_worker)
    assert killed and len(result.decks) == 4
    assert _decks(tmp_path) == _decks(reference)
    assert _started(cluster) - before > 4  # the killed worker's task ran again


def test_a_worker_with_other_versions_is_refused_before_any_task(cluster, tmp_path):
    local, client = cluster
    options = _options(cluster, tmp_path)
    worker = sorted(client.nthreads())[0]
    client.run(_pretend_version, "0.0.9", workers=[worker])
    before = _started(cluster)
    try:
        with pytest.raises(ClusterError) as error:
            build_season(SAMPLE, options)
    finally:
        client.run(_pretend_version, generator.__version__, workers=[worker])
    assert str(error.value).startswith(f"Dask worker {worker} has other versions than this machine: kitgen 0.0.9 "
                                       "(here 0.1.0); decks built there would differ, so nothing was built. "
                                       "Install the same on the workers (kitgen 0.1.0, Python 3.")
    assert _started(cluster) == before and not _decks(tmp_path)


def test_a_deck_failing_on_a_worker_is_reported_as_a_local_build_reports_it(cluster, tmp_path):
    local, client = cluster
    options = _options(cluster, tmp_path, retailers=("004106", "004107"))
    client.run(_break_line_charts, True)
    try:
        with pytest.raises(RenderError) as error:
            build_season(SAMPLE, options)
    finally:
        client.run(_break_line_charts, False)
    assert str(error.value).startswith("es/004106-partner-kit.pptx: chart ") or \
        str(error.value).startswith("es/004107-partner-kit.pptx: chart ")
    assert "(line) could not be drawn: cannot convert float NaN to integer; check its data" in str(error.value)
    assert not _decks(tmp_path)


def test_ctrl_c_cancels_the_tasks_left_and_keeps_the_earlier_decks(cluster, tmp_path):
    local, client = cluster
    build_season(SAMPLE, _options(cluster, tmp_path))
    earlier = {name: (tmp_path / name).stat().st_mtime_ns for name in _decks(tmp_path)}

    def interrupt(deck):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_season(SAMPLE, _options(cluster, tmp_path, force=True), progress=interrupt)
    assert {name: (tmp_path / name).stat().st_mtime_ns for name in _decks(tmp_path)} == earlier
    deadline = time.monotonic() + 10
    while any(str(key).startswith("kitgen-deck") for key in local.scheduler.tasks) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [key for key in local.scheduler.tasks if str(key).startswith("kitgen-deck")]


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    options = BuildOptions(tmp_path, executor="dask", scheduler="tcp://127.0.0.1:9", **SUBSET)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(ClusterError) as error:
        build_season(SAMPLE, options)
    assert str(error.value).startswith("cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert str(error.value).endswith("start one with `dask scheduler`, or leave --scheduler out to build on a "
                                     "LocalCluster here")


def test_kitgen_build_on_a_scheduler_builds_and_says_so(cluster, tmp_path):
    local, _ = cluster
    result = CliRunner().invoke(cli, ["build", str(SAMPLE), "--out", str(tmp_path), "--executor", "dask",
                                      "--scheduler", local.scheduler_address, "--only", "market-meeting",
                                      "--region", "MX", "--no-kits", "--no-report"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Built 1 decks (0 unchanged, kept), ")
    assert list(_decks(tmp_path)) == ["es/MX-market-meeting.pptx"]


def test_a_scheduler_without_the_dask_executor_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(SAMPLE), "--out", str(tmp_path), "--scheduler", "tcp://h:1"])
    assert result.exit_code == 1
    assert result.output == ("Error: a scheduler is for the dask executor "
                             "(--executor dask --scheduler tcp://HOST:PORT)\n")
    with pytest.raises(KitgenError, match=r"^no executor 'dusk' \(did you mean 'dask'\?\)$"):
        build_season(SAMPLE, BuildOptions(tmp_path, executor="dusk"))


# ------------------------------------------------------------ run on the workers
def _pretend_version(version: str) -> None:
    import generator as worker_kitgen

    worker_kitgen.__version__ = version


def _break_line_charts(broken: bool) -> None:
    import generator.charts.render as render

    def fails(canvas, request, theme):
        raise ValueError("cannot convert float NaN to integer")

    if broken:
        render.FLAT_DRAWERS["_real_line"] = render.FLAT_DRAWERS["line"]
        render.FLAT_DRAWERS["line"] = fails
    else:
        render.FLAT_DRAWERS["line"] = render.FLAT_DRAWERS.pop("_real_line")
