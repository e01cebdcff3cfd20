"""Build decks as tasks on a Dask cluster: a scheduler somewhere (``--scheduler``), or a LocalCluster here.

The engine is the local one: the pipeline plans the jobs, fingerprints them and keeps
what did not change; this executor only runs the jobs left, in the same chunks as the
process pool, as Dask tasks. Each task returns its decks' bytes and findings; the
client hands them to the writer, so the files are the same as with ``--jobs 1``.

Before any task is sent, every worker's library versions are compared with the
client's (a deck built with another matplotlib would not be the same deck). A worker
that dies is Dask's business: the scheduler sends its tasks to another worker (up to
``distributed.scheduler.allowed-failures`` deaths per task). A task that fails on bad
data raises the error a local build raises, which cancels the tasks left; so does Ctrl-C.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import os
import uuid
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from distributed import Client, Future, LocalCluster, as_completed, get_worker
from distributed.comm import CommClosedError
from distributed.scheduler import KilledWorker

from generator.build.builder import BuiltDeck, DeckBuilder, DeckJob
from generator.build.cluster.inputs import SeasonPlugin, gather_inputs, library_versions, version_mismatch
from generator.build.parallel import chunks, peak_memory_mb
from generator.errors import ClusterError

log = logging.getLogger(__name__)
WORKERS_SECONDS = 60  # waiting for a scheduler's first worker to join
TASK_PREFIX = "kitgen-deck"  # the tasks' name on the dashboard


def build_on_worker(plugin_name: str, jobs: list[DeckJob]) -> tuple[list[BuiltDeck], int, float]:
    """Return the decks of ``jobs`` built by this worker's season plugin, the worker's process id and peak memory."""
    decks = get_worker().plugins[plugin_name].build(jobs)
    return decks, os.getpid(), peak_memory_mb()


@dataclass
class ClusterRun:
    """Runs jobs as Dask tasks; records each worker process's peak memory, as the local pool does."""

    local: DeckBuilder  # the client's builder: its season, frames and fonts are what the workers get
    out_dir: Path
    scheduler: str | None = None  # tcp://HOST:PORT, or None for a LocalCluster of ``workers`` processes
    workers: int = 2
    notice: Callable[[str], None] | None = None  # told the dashboard link

    def __post_init__(self) -> None:
        self.peak_mb: dict[int, float] = {}
        self.tasks = 0  # tasks sent by the last run

    def run(self, jobs: list[DeckJob], progress: Callable[[BuiltDeck], None] | None = None) -> Iterator[BuiltDeck]:
        """Yield the built deck of every job, as the tasks finish."""
        self.tasks = 0
        if not jobs:  # an incremental rebuild that keeps every deck starts no cluster and sends no task
            return
        with connected(self.scheduler, self.workers) as client, lost_scheduler(client):
            check_versions(client)
            plugin = SeasonPlugin(gather_inputs(self.local, self.out_dir))
            log.info("season inputs: %.1f MB of files, %d frames", plugin.inputs.size / 1e6, len(plugin.inputs.frames))
            client.register_plugin(plugin)
            self._announce(client)
            yield from self._results(client, plugin.name, jobs, progress)

    def _results(self, client: Client, plugin: str, jobs: list[DeckJob], progress) -> Iterator[BuiltDeck]:
        parts = chunks(jobs, max(1, sum(client.nthreads().values())))
        token = uuid.uuid4().hex[:12]
        futures = client.map(build_on_worker, [plugin] * len(parts), parts,
                             key=[f"{TASK_PREFIX}-{token}-{index}" for index in range(len(parts))])
        self.tasks = len(futures)
        chunk_of = {future.key: part for future, part in zip(futures, parts)}
        try:
            for future in as_completed(futures):
                decks, pid, peak = _result(future, chunk_of[future.key])
                future.release()  # the worker may forget the bytes once the client has them
                self.peak_mb[pid] = max(peak, self.peak_mb.get(pid, 0.0))
                for deck in decks:
                    if progress:
                        progress(deck)
                    yield deck
        finally:  # an error, Ctrl-C or a writer that stopped reading: the tasks left are not needed
            if client.status == "running":  # a lost scheduler has nothing left to cancel, and cannot answer
                client.cancel(futures)

    def _announce(self, client: Client) -> None:
        if self.notice and client.run_on_scheduler(_has_dashboard):
            self.notice(f"Dask dashboard: {client.dashboard_link}")


def _has_dashboard(dask_scheduler) -> bool:
    """Return whether the scheduler serves its dashboard (without bokeh it serves only a page asking for it)."""
    return "dashboard" in dask_scheduler.services and importlib.util.find_spec("bokeh") is not None


def _result(future: Future, jobs: list[DeckJob]) -> tuple[list[BuiltDeck], int, float]:
    """Return a task's result; its KitgenError is raised as a local build raises it."""
    try:
        return future.result()
    except KilledWorker as exc:
        decks = ", ".join(job.label for job in jobs)
        raise ClusterError(f"the workers building {decks} died {exc.allowed_failures + 1} times (out of memory? see "
                           "the workers' logs); Dask gave up on them and nothing was written") from exc


def check_versions(client: Client) -> None:
    """Raise ClusterError unless every worker runs the client's versions of kitgen and the libraries decks depend on."""
    if not client.nthreads():
        try:
            client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        except TimeoutError as exc:
            raise ClusterError(f"the Dask scheduler has no workers after {WORKERS_SECONDS} s; start some with "
                               f"`dask worker {client.scheduler.address} --nthreads 1`") from exc
    ours = library_versions()
    for worker, theirs in sorted(client.run(library_versions, on_error="return").items()):
        if isinstance(theirs, BaseException):
            raise ClusterError(f"Dask worker {worker} cannot run kitgen ({type(theirs).__name__}: {theirs}); "
                               f"install kitgen {ours['kitgen']} with its [dask] extra on every worker")
        problem = version_mismatch(worker, theirs, ours)
        if problem:
            raise ClusterError(problem)


@contextmanager
def lost_scheduler(client: Client) -> Iterator[None]:
    """Return a context turning the loss of the scheduler (a closed connection, cancelled tasks) into ClusterError."""
    try:
        yield
    except (CancelledError, asyncio.CancelledError, CommClosedError, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, CommClosedError) and client.status == "running":
            raise  # the client is fine: a local file, not the cluster
        address = getattr(client.scheduler, "address", None) or "(unknown address)"
        raise ClusterError(f"lost the Dask scheduler at {address} during the build ({type(exc).__name__}); "
                           "check that it is still running and reachable from here, then build again. "
                           "Nothing was written") from exc


@contextmanager
def connected(scheduler: str | None, workers: int) -> Iterator[Client]:
    """Yield a client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers`` processes started here."""
    if scheduler is None:
        # any free port for the dashboard: another build (or another user's) may hold 8787
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
            with Client(cluster) as client:
                yield client
        return
    try:  # waits as long as Dask's distributed.comm.timeouts.connect (30 s unless configured)
        client = Client(scheduler)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
                           "`dask scheduler`, or leave --scheduler out to build on a LocalCluster here") from exc
    with client:
        yield client
