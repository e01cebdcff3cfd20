"""Tracker benchmark (not part of ``make test``): figures, the tracker phase, and a rebuild keeping them.

Prints, each beside its baseline:

1. the figures of the sample season's six trackers: computed retailer by retailer and month by
   month for each tracker (``naive_trackers.py``, how kitgen did it before) against once for
   every retailer with group-bys (checked equal);
2. the tracker phase writing the six workbooks (figures, xlsxwriter, the workbook check), the
   baseline being the same writing over the per-retailer figures;
3. the tracker phase when every workbook is kept (inputs unchanged);
4. the whole ``kitgen build`` process rebuilding the sample season with nothing changed, timed
   from outside, with its trackers against ``--no-trackers`` (what keeping them adds), and the
   figure measured before trackers were kept (they were written again on every build).

    python tests/benchmarks/bench_trackers.py [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from naive_trackers import naive_tracker_data  # noqa: E402
from season_copy import copy_season  # noqa: E402

SAMPLE = ROOT / "decks" / "fw26"
KITGEN = Path(sys.executable).with_name("kitgen")
#: measured at af1d180 (trackers written on every build), 2 shared cores, load ~9: a kept rebuild of the
#: sample season took 13.5-14.3 s whole process, 8.0-8.3 s of it writing the trackers (7.1 s with --no-trackers)
BEFORE_KEPT_REBUILD_S, BEFORE_TRACKER_PHASE_S = 13.9, 8.2


def _best(work, repeat: int) -> float:
    """Return the best wall time of ``repeat`` runs of ``work()`` (the least disturbed by other processes)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def figures(repeat: int) -> None:
    """Print the figures' time, per retailer against group-bys, and check they are the same."""
    from generator.data import DataStore
    from generator.delivery.trackers import tracker_jobs
    from generator.delivery.trackers.tables import network_data
    from generator.spec import load_season

    season = load_season(SAMPLE)
    store = DataStore(season.spec, season.root)
    groups = [list(job.regions) for job in tracker_jobs(season)]
    naive = _best(lambda: [naive_tracker_data(store, g) for g in groups], repeat)
    grouped = _best(lambda: [network.of_regions(g) for network in [network_data(store)] for g in groups], repeat)
    network = network_data(store)
    for group in groups:  # the same figures either way
        assert_same_figures(naive_tracker_data(store, group), network.of_regions(group), group)
    print(f"figures of {len(groups)} trackers      per retailer {naive:6.2f} s   group-bys {grouped:6.2f} s   "
          f"({naive / grouped:.0f}x, same figures)")


def assert_same_figures(old, new, group: list[str]) -> None:
    """Assert two TrackerData hold the same figures: every field and every property (NaN equals NaN, floats approx)."""
    import dataclasses

    import pandas as pd

    from generator.delivery.trackers.tables import TrackerData

    names = [f.name for f in dataclasses.fields(TrackerData)]
    names += [name for name, value in vars(TrackerData).items() if isinstance(value, property)]
    for name in names:
        a, b = getattr(old, name), getattr(new, name)
        where = f"trackers of {group}: {name}"
        try:
            if isinstance(a, pd.DataFrame):
                pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, atol=1e-6, obj=where)
            elif isinstance(a, pd.Series):
                pd.testing.assert_series_equal(a, b, check_exact=False, rtol=1e-9, atol=1e-6, obj=where)
            else:
                assert a == b, f"{where}: {a!r} != {b!r}"
        except AssertionError as error:
            raise AssertionError(f"per-retailer and group-by figures differ, {where}\n{error}") from None


def phase(repeat: int, work: Path) -> None:
    """Print the tracker phase writing every workbook, and keeping every one."""
    from generator.data import DataStore
    from generator.delivery.trackers import make_trackers, tables
    from generator.spec import load_season

    season = load_season(SAMPLE)
    store = DataStore(season.spec, season.root)
    written = _best(lambda: make_trackers(season, store), repeat)
    per_retailer = tables.network_data
    tables.network_data = lambda s: _NaiveNetwork(s)  # the same writing over the figures computed the old way
    try:
        before = _best(lambda: make_trackers(season, store), repeat)
    finally:
        tables.network_data = per_retailer
    out = work / "phase"
    for tracker in make_trackers(season, store):
        (out / tracker.output).parent.mkdir(parents=True, exist_ok=True)
        (out / tracker.output).write_bytes(tracker.data)
    kept = _best(lambda: make_trackers(season, store, out), repeat)
    assert all(t.kept for t in make_trackers(season, store, out))
    print(f"tracker phase, 6 written          before {before:6.2f} s   now {written:6.2f} s")
    print(f"tracker phase, 6 kept             before {before:6.2f} s   now {kept:6.3f} s")


class _NaiveNetwork:
    """Stands for the network figures, computing each tracker's the old way when asked."""

    def __init__(self, store):
        self.store = store
        self.computed = {}  # each tracker's figures computed once, as before, though its workbook and CSV ask

    def of_regions(self, region_ids):
        key = tuple(region_ids)
        if key not in self.computed:
            self.computed[key] = naive_tracker_data(self.store, region_ids)
        return self.computed[key]


def whole_process(repeat: int, work: Path) -> None:
    """Print the whole kitgen process rebuilding the sample season with nothing changed."""
    season = copy_season(SAMPLE, work / "season" / "decks" / "fw26")
    out = work / "out"
    subprocess.run([str(KITGEN), "build", str(season), "--out", str(out)], check=True, capture_output=True)
    runs = {}
    for label, extra in (("with trackers", []), ("--no-trackers", ["--no-trackers"])):
        command = [str(KITGEN), "build", str(season), "--out", str(out), *extra]
        runs[label] = _best(lambda: subprocess.run(command, check=True, capture_output=True), repeat)
    print(f"kept rebuild, whole process       before {BEFORE_KEPT_REBUILD_S:6.2f} s   now {runs['with trackers']:6.2f} s"
          f"   (--no-trackers {runs['--no-trackers']:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="Work folder to keep (default: a temp folder).")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kitgen-bench-trackers-"))
    try:
        figures(args.repeat)
        phase(args.repeat, work)
        whole_process(args.repeat, work)
        print(f"(before: the tracker phase was {BEFORE_TRACKER_PHASE_S} s of a kept rebuild at af1d180; "
              "times are the best of --repeat runs, on whatever else the machine runs)")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
