"""Whole-process build times, this tree against a baseline commit (issue "one rule, one place": within 5 %).

Two scenarios a user times, each a fresh ``kitgen build decks/fw26`` process timed from outside:

- cold: ``--jobs 2`` into a new output folder (start-up, validation, decks, kits, trackers, report);
- no-op: the same command again on that folder, nothing changed (answered from the run stamp), and
  once more with the stamp removed (the engine fingerprints every deck and keeps it).

Runs alternate between the two trees so a busy moment of the machine hits both; medians of ``--runs``
are printed side by side. The baseline runs from a git worktree of ``--baseline`` with this venv's
libraries, with its own folder as the working folder (``python -c`` puts the working folder first on
``sys.path``, so running both from here would run the same code twice).

    python tests/benchmarks/bench_engine.py [--baseline adf3943] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = (("cold", "cold, --jobs 2"), ("noop", "no-op, run stamp"), ("noop_engine", "no-op, no stamp"))


def _kitgen(tree: Path, out: Path) -> float:
    """Return the wall-clock seconds of one ``kitgen build`` of ``tree``'s sample season into ``out``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "KITGEN_CACHE_DIR": str(out.parent / "user-cache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from generator.cli import main; main()", "build",
                    str(tree / "decks" / "fw26"), "--out", str(out), "--jobs", "2"],
                   cwd=tree, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def _scenarios(tree: Path, out: Path) -> dict[str, float]:
    """Return the seconds of each scenario on ``tree``, starting from an empty ``out``."""
    times = {"cold": _kitgen(tree, out), "noop": _kitgen(tree, out)}
    (out / ".kitgen-stamp.json").unlink()
    times["noop_engine"] = _kitgen(tree, out)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="adf3943")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times: dict[str, dict[str, list[float]]] = {side: {name: [] for name, _ in SCENARIOS}
                                                 for side in ("baseline", "now")}
    with tempfile.TemporaryDirectory(prefix="kitgen-bench-engine-") as work:
        base = Path(work) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", str(base), args.baseline], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            for side, tree in (("baseline", base), ("now", ROOT)):
                _kitgen(tree, Path(work) / f"warm-{side}" / "out")  # bytecode compiled once, as on any machine
            for run in range(args.runs):
                for side, tree in (("baseline", base), ("now", ROOT)):
                    for name, seconds in _scenarios(tree, Path(work) / f"{side}-{run}" / "out").items():
                        times[side][name].append(seconds)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, capture_output=True)
    print(f"kitgen build decks/fw26 --jobs 2, whole process, median of {args.runs}:")
    print(f"  {'scenario':20} {'baseline ' + args.baseline:>18} {'this tree':>12} {'change':>9}")
    for name, label in SCENARIOS:
        before, now = statistics.median(times["baseline"][name]), statistics.median(times["now"][name])
        print(f"  {label:20} {before:16.2f} s {now:10.2f} s {100 * (now / before - 1):+8.1f} %")
    print("  target: each within +5 %")


if __name__ == "__main__":
    main()
