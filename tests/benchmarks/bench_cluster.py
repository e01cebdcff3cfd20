"""Dask executor benchmark: a large season (>= 1,000 decks) on a 2-worker LocalCluster against --jobs 2.

Both builds run as whole ``kitgen build`` processes, cold (fresh output folders and caches),
timed from outside; the same processes report their CPU (with their workers') and the deck
and task counts. A second part measures Dask's own cost per task on a warm LocalCluster:
empty tasks, and tasks returning a deck-sized result (what each deck costs to come back).
The closing lines extrapolate the measured per-deck cost to 10^4 decks on N workers.

    python tests/benchmarks/bench_cluster.py [--large-retailers 450] [--workers 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from bench_season import large_season  # noqa: E402

KITGEN = Path(sys.executable).with_name("kitgen")
TARGET = 0.15  # dask within 15 % of --jobs N
DECK_BYTES = 120_000  # about the size of a retailer deck: what a task sends back per deck


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(season: Path, out: Path, workers: int, executor: str) -> dict:
    """Return the figures of one cold ``kitgen build`` process, timed from outside."""
    command = [str(KITGEN), "build", str(season), "--out", str(out), "--jobs", str(workers), "--executor", executor,
               "--no-kits", "--no-report"]
    cpu, started = _cpu_children(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - started, _cpu_children() - cpu
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    state = json.loads((out / ".kitgen-state.json").read_text(encoding="utf-8"))
    return {"wall": wall, "cpu": cpu, "decks": len(state["decks"]), "summary": done.stdout.splitlines()[0]}


def task_overhead(workers: int, tasks: int = 2000) -> dict:
    """Return Dask's wall seconds per task on a warm LocalCluster: empty tasks, and deck-sized results."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with Client(cluster) as client:
            client.gather(client.map(_empty, range(workers * 4)))  # warm: connections up, function known
            started = time.perf_counter()
            client.gather(client.map(_empty, range(tasks)))
            empty = (time.perf_counter() - started) / tasks
            started = time.perf_counter()
            client.gather(client.map(_deck_sized, range(tasks // 4)))
            sized = (time.perf_counter() - started) / (tasks // 4)
    return {"empty_s": empty, "deck_sized_s": sized, "tasks": tasks}


def _empty(index: int) -> int:
    return index


def _deck_sized(index: int) -> bytes:
    return os.urandom(DECK_BYTES)


def _extrapolate(per_deck_cpu: float, overhead_per_deck: float, decks: int = 10_000) -> str:
    rows = []
    for workers in (8, 32, 128):
        seconds = decks * (per_deck_cpu / workers + overhead_per_deck)
        rows.append(f"{workers} workers ~{seconds / 60:.1f} min")
    return ", ".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large-retailers", type=int, default=450)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="Work folder to keep (default: a temp folder).")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kitgen-bench-cluster-"))
    season = large_season(work, args.large_retailers)
    load = os.getloadavg()[0]
    print(f"kitgen Dask benchmark, {os.cpu_count()} cores (load average {load:.1f} at start), "
          f"{args.workers} workers, work folder {work}")
    local = timed_build(season, work / "out-local", args.workers, "local")
    print(f"  --jobs {args.workers}:            {local['wall']:6.1f} s wall, {local['cpu']:6.1f} s CPU, "
          f"{local['decks']} decks  ({local['summary']})")
    dask = timed_build(season, work / "out-dask", args.workers, "dask")
    print(f"  --executor dask (LocalCluster): {dask['wall']:6.1f} s wall, {dask['cpu']:6.1f} s CPU, "
          f"{dask['decks']} decks  ({dask['summary']})")
    same = all((work / "out-local" / p.relative_to(work / "out-dask")).read_bytes() == p.read_bytes()
               for p in (work / "out-dask").rglob("*.pptx"))
    print(f"  same bytes: {same}; load average at end {os.getloadavg()[0]:.1f} (the machine is shared)")
    overhead = task_overhead(args.workers)
    extra = dask["wall"] - local["wall"]
    print(f"per task: Dask {1000 * overhead['empty_s']:.2f} ms (empty tasks), "
          f"{1000 * overhead['deck_sized_s']:.2f} ms returning {DECK_BYTES // 1000} KB; "
          f"whole build: {1000 * extra / dask['decks']:+.1f} ms per deck over --jobs {args.workers} "
          f"(cluster start-up, inputs sent, results sent back)")
    ratio = dask["wall"] / local["wall"] - 1
    verdict = "ok" if ratio <= TARGET else "MISSED"
    print(f"[{verdict}] dask vs --jobs {args.workers}, wall clock: {100 * ratio:+.1f} % (target <= +15 %)")
    per_deck = dask["cpu"] / dask["decks"]  # workers' start-up included: what a cluster spends per deck
    print(f"per deck: {1000 * per_deck:.0f} ms CPU with Dask ({1000 * local['cpu'] / local['decks']:.0f} ms with "
          f"--jobs {args.workers}); 10^4 decks on N single-thread workers ~ 10^4 x ({1000 * per_deck:.0f} ms / N + "
          f"{1000 * overhead['deck_sized_s']:.1f} ms on the client, an upper bound): {_extrapolate(per_deck, overhead['deck_sized_s'])}")


if __name__ == "__main__":
    main()
