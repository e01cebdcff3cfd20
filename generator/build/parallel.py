"""Build decks over a pool of worker processes.

Each worker builds one :class:`DeckBuilder` when it starts (season, data, master,
brand, catalogs and chart cache are loaded once per process) and returns finished
decks as bytes; only the parent hands them to the writer. Jobs go out in chunks of
whole audiences (a retailer's languages stay together, so its data and charts are
warm), and results come back in job order, so the output is the same for any
number of workers.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from generator.build.builder import BuiltDeck, DeckBuilder, DeckJob
from generator.charts import ChartCache
from generator.errors import CheckError, RenderError
from generator.spec import load_season

CHUNKS_PER_WORKER = 8  # small chunks keep both workers busy to the end
TAIL_SHARE = 2  # near the end, a chunk holds at most 1 / (TAIL_SHARE x workers) of the jobs left
_WORKER: DeckBuilder | None = None
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_POLL_SECONDS = 1.0


@dataclass(frozen=True)
class BuilderSetup:
    """What a process needs to build its own DeckBuilder."""

    season_dir: Path
    template: Path | None = None
    profile: Path | None = None
    cache_dir: Path | None = None

    def builder(self) -> DeckBuilder:
        """Return a new DeckBuilder for this setup."""
        cache = ChartCache(self.cache_dir) if self.cache_dir else None
        return DeckBuilder(load_season(self.season_dir), self.template, self.profile, cache)


def build_checked(builder: DeckBuilder, job: DeckJob) -> BuiltDeck:
    """Return the deck of ``job`` after checking its structure would open without repair (raise CheckError if not)."""
    from generator.check import check_deck  # with python-pptx: only a deck being built is checked

    try:
        built = builder.build(job)
    except RenderError as exc:  # a chart names itself; the deck it belongs to is known here
        raise RenderError(f"{job.output}: {exc.message}") from exc
    started = time.perf_counter()
    problems = check_deck(built.data, schema=False, reopen=False)  # `kitgen check` does both
    built.phases["check"] = time.perf_counter() - started
    if problems:
        raise CheckError(f"{job.output}: the generated deck would need repair:\n" + "\n".join(map(str, problems)))
    return built


def peak_memory_mb() -> float:
    """Return this process's peak resident memory in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def chunks(jobs: list[DeckJob], workers: int) -> list[list[DeckJob]]:
    """Return ``jobs`` cut into ordered chunks that never split one audience's decks.

    A few jobs (an incremental rebuild) go one per chunk instead: keeping an audience
    together saves little next to leaving a worker idle. Chunks shrink towards the end
    (a share of the jobs left, down to one audience), so the workers finish together
    instead of one waiting on the other's last chunk: about 0.1 s of the sample's cold
    build, and up to a 64-deck chunk on the large season.
    """
    if len(jobs) < workers * CHUNKS_PER_WORKER:
        return [[job] for job in jobs]
    target = max(1, len(jobs) // (workers * CHUNKS_PER_WORKER))
    out: list[list[DeckJob]] = []
    for index, job in enumerate(jobs):
        size = max(1, min(target, (len(jobs) - index) // (TAIL_SHARE * workers)))
        same_audience = out and (out[-1][-1].deck, out[-1][-1].audience_id) == (job.deck, job.audience_id)
        if out and (same_audience or len(out[-1]) < size):
            out[-1].append(job)
        else:
            out.append([job])
    return out


def _start_worker(setup: BuilderSetup, parent: int) -> None:
    global _WORKER
    # A worker forked from `kitgen serve` inherits the server's SIGTERM handler, which only sets a flag
    # for the server's event loop: the worker would outlive a terminated server. It ends on SIGTERM instead.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    end_with_parent(parent)
    # A forked worker already holds the parent's builder (season and data loaded): keep it.
    _WORKER = _WORKER or setup.builder()


def end_with_parent(parent: int) -> None:
    """Return once this process is set to end when ``parent`` does (a killed build leaves no worker running)."""
    if not _death_signal():  # not Linux: a thread watches for the parent's end instead
        threading.Thread(target=_watch_parent, args=(parent,), name="kitgen-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was set: it will never come
        os._exit(1)


def _death_signal() -> bool:
    """Return whether the kernel will kill this process when its parent ends (Linux's PR_SET_PDEATHSIG)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:  # an orphan is adopted by init (or a subreaper): its parent id changes
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _build_chunk(jobs: list[DeckJob]) -> tuple[list[BuiltDeck], int, float]:
    assert _WORKER is not None, "worker started without its builder"
    return [build_checked(_WORKER, job) for job in jobs], os.getpid(), peak_memory_mb()


@dataclass
class PoolRun:
    """Runs jobs in-process (one worker) or over a process pool; records each worker's peak memory."""

    setup: BuilderSetup
    workers: int
    local: DeckBuilder | None = None  # the parent's builder, used when ``workers`` is 1

    def __post_init__(self) -> None:
        self.peak_mb: dict[int, float] = {}

    def run(self, jobs: list[DeckJob], progress: Callable[[BuiltDeck], None] | None = None) -> Iterator[BuiltDeck]:
        """Yield the built deck of every job, in job order."""
        global _WORKER
        if self.workers <= 1 or len(jobs) <= 1:
            yield from self._run_here(jobs, progress)
            return
        fork = sys.platform.startswith("linux")
        context = multiprocessing.get_context("fork" if fork else "spawn")
        _WORKER = self.local if fork else None  # inherited by forked workers, never used by the parent
        if _WORKER is not None:
            _WORKER.warm_up(drawing=_WORKER.will_draw())  # once, before the fork, not once per worker
        try:
            with ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                     initargs=(self.setup, os.getpid())) as pool:
                try:
                    # submitted here rather than through pool.map, whose iterator cancels what is left when a
                    # stop interrupts it: racing the pool's own failing of those chunks (see _stop)
                    futures = [pool.submit(_build_chunk, chunk) for chunk in chunks(jobs, self.workers)]
                    for decks, pid, peak in (future.result() for future in futures):
                        self.peak_mb[pid] = max(peak, self.peak_mb.get(pid, 0.0))
                        for deck in decks:
                            if progress:
                                progress(deck)
                            yield deck
                except BaseException:
                    _stop(pool)
                    raise
        finally:
            _WORKER = None

    def _run_here(self, jobs: list[DeckJob], progress) -> Iterator[BuiltDeck]:
        builder = self.local or self.setup.builder()
        for job in jobs:
            deck = build_checked(builder, job)
            if progress:
                progress(deck)
            yield deck
        self.peak_mb[os.getpid()] = peak_memory_mb()


def _stop(pool: ProcessPoolExecutor) -> None:
    """Drop the chunks not started and end the workers: a stopped build (an error, Ctrl-C, SIGTERM) needs none of them.

    Leaving the pool as it is would wait for every chunk queued, the rest of the build.
    """
    workers = list((getattr(pool, "_processes", None) or {}).values())  # no public way to them; shutdown drops it
    for process in workers:
        if process.is_alive():
            process.terminate()
    # the pool's manager thread fails every chunk left as "broken"; nothing may cancel them meanwhile:
    # CPython 3.11's manager thread sets an exception on a cancelled future (a traceback on SIGTERM)
    pool.shutdown(wait=True)
