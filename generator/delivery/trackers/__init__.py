"""KPI tracker workbooks: ``OUT/trackers/<language>/<region>-kpi-tracker.xlsx`` and the network's.

Beside each workbook, ``trackers/<name>.csv`` holds its figures in long form (the Data sheet's rows).
``make_trackers(season, store, out_dir)`` returns every tracker the season declares
(``trackers:``) for the as-of month the store answers, each checked (package structure,
formulas, no external links); a workbook in ``out_dir`` made from the same inputs is kept
(``Tracker.kept``, no bytes), and the writer stages the others. ``tracker_files`` returns
every workbook's bytes, none kept. Only a tracker being written loads xlsxwriter and
computes figures: a rebuild with nothing changed does neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.data import DataStore
from generator.delivery.trackers.jobs import TrackerJob, tracker_jobs
from generator.delivery.trackers.keep import TrackerKeys, is_kept
from generator.spec import Season

__all__ = ["Tracker", "TrackerJob", "csv_output", "make_trackers", "tracker_files", "tracker_jobs"]


@dataclass(frozen=True)
class Tracker:
    """One tracker workbook: where it goes in the build folder and its bytes (empty when ``kept``)."""

    output: str
    data: bytes
    kept: bool = False  # the workbook already in the build folder was made from the same inputs


def make_trackers(season: Season, store: DataStore, out_dir: Path | None = None) -> list[Tracker]:
    """Return every tracker workbook of the season, those in ``out_dir`` made from the same inputs kept."""
    keys = TrackerKeys(season, store)
    jobs = [(job, keys.key(job)) for job in tracker_jobs(season)]
    kept = {job.output for job, key in jobs if out_dir is not None and is_kept(out_dir / job.output, key)}
    tables = {csv_output(job): job for job, _ in reversed(jobs)}  # one CSV per workbook, whatever its languages
    kept |= {name for name, job in tables.items()
             if job.output in kept and out_dir is not None and (out_dir / name).is_file()}
    todo = [(job, key) for job, key in jobs if job.output not in kept]
    csv_todo = {name: job for name, job in tables.items() if name not in kept}
    written = _write(season, store, todo, csv_todo) if todo or csv_todo else {}
    outputs = [job.output for job, _ in jobs] + sorted(tables)
    return [Tracker(name, b"", kept=True) if name in kept else Tracker(name, written[name]) for name in outputs]


def csv_output(job: TrackerJob) -> str:
    """Return where the long-form CSV of ``job``'s figures goes: ``trackers/<workbook name>.csv``."""
    return f"trackers/{Path(job.output).stem}.csv"


def tracker_files(season: Season, store: DataStore) -> dict[str, bytes]:
    """Return every tracker workbook of the season for the store's as-of month, as ``{output: xlsx bytes}``."""
    return {tracker.output: tracker.data for tracker in make_trackers(season, store)}


def _write(season: Season, store: DataStore, jobs: list[tuple[TrackerJob, str]],
           tables: dict[str, TrackerJob]) -> dict[str, bytes]:
    """Return the checked bytes of each workbook of ``jobs`` and of each CSV of ``tables``.

    Raise CheckError when a workbook would not open cleanly.
    """
    # imported here: xlsxwriter, the figures and the checks cost a build that keeps every tracker for nothing
    from generator.check import ensure_clean_workbook
    from generator.delivery.trackers.about import data_csv
    from generator.delivery.trackers.tables import network_data
    from generator.delivery.trackers.workbook import tracker_bytes
    from generator.i18n import Catalogs, translated_columns

    catalogs = Catalogs(season.path(season.spec.locale_dir), translated_columns(season.spec.sources))
    network = network_data(store)  # every retailer's figures at once; each tracker takes its regions' rows
    written = {}
    for job, key in jobs:
        data = tracker_bytes(season, store, network.of_regions(list(job.regions)), job, catalogs, key.encode())
        ensure_clean_workbook(data, label=job.output)
        written[job.output] = data
    for name, job in tables.items():
        written[name] = data_csv(network.of_regions(list(job.regions)))
    return written
