"""Whole-process build time of the sample season, this tree against a baseline commit (issue: within +10 %).

Each run is a fresh ``kitgen build`` process timed from outside (start-up, validation, coverage checks,
decks, kits, trackers with their saved values, About and Data sheets, CSV tables), cold (a new output
folder each time), alternated between the two trees; the median of ``--runs`` is printed side by side.
The baseline runs from a git worktree of ``--baseline`` (default: the commit before the figures work)
with this venv's libraries.

    python tests/benchmarks/bench_figures.py [--baseline c3c8913] [--runs 3]
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


def _build(tree: Path, out: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree), "KITGEN_CACHE_DIR": str(out.parent / "user-cache")}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from generator.cli import main; main()", "build",
                    str(tree / "decks" / "fw26"), "--out", str(out), "--jobs", "2"],
                   cwd=tree, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="c3c8913")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kitgen-bench-figures-") as work:
        base = Path(work) / "baseline"
        subprocess.run(["git", "worktree", "add", "--detach", str(base), args.baseline], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            times: dict[str, list[float]] = {"baseline": [], "now": []}
            for run in range(args.runs):
                for name, tree in (("baseline", base), ("now", ROOT)):
                    times[name].append(_build(tree, Path(work) / f"{name}-{run}" / "out"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, capture_output=True)
    now, before = statistics.median(times["now"]), statistics.median(times["baseline"])
    print(f"cold kitgen build decks/fw26 --jobs 2, whole process, median of {args.runs}:")
    print(f"  baseline {args.baseline}: {before:6.2f} s   {['%.2f' % t for t in times['baseline']]}")
    print(f"  this tree:        {now:6.2f} s   {['%.2f' % t for t in times['now']]}")
    print(f"  change: {100 * (now / before - 1):+.1f} % (target: within +10 %)")


if __name__ == "__main__":
    main()
