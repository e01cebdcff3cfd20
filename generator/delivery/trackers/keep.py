"""Tracker workbooks made from unchanged inputs are kept as they are, not written again.

Each workbook carries, as its zip archive comment, a fingerprint (sha256) of what it is made
from: kitgen's code and the library versions (:func:`generator.cache_key.cache_key`: xlsxwriter,
Babel and pandas among them), the tracker format version, the parts of season.yaml a tracker
reads (season, maison, regions, sources, KPI sources and the tracker itself), the language's
catalog, the as-of day, the job (regions, language, locale, currency, file) and the rows of
every source it reads.
A workbook already in the build folder with the same comment is kept. Working this out needs
neither xlsxwriter nor the figures: a rebuild with nothing changed computes no tracker.

Approximation, documented: a region's tracker counts the whole of each source it reads, so
a change in one region's sales writes every tracker again.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from generator.cache_key import cache_key
from generator.data import DataStore
from generator.delivery.trackers.jobs import TrackerJob
from generator.spec import Season

TRACKER_FORMAT = "kitgen-tracker 2"  # bump when the workbooks change without their inputs changing
#: season.yaml keys a tracker reads besides its own entry
SPEC_KEYS = {"season", "maison", "regions", "sources", "retailers", "kpis", "locale_dir"}


class TrackerKeys:
    """The input fingerprints of a season's trackers (each source hashed once for every workbook)."""

    def __init__(self, season: Season, store: DataStore):
        self.season, self.store = season, store
        self._sources: dict[str, bytes] = {}
        self.common = f"{TRACKER_FORMAT} as-of {store.as_of.day.isoformat()}"
        self.spec = season.spec.model_dump_json(include=SPEC_KEYS)

    def key(self, job: TrackerJob) -> str:
        """Return the fingerprint of ``job``'s workbook."""
        fields = {name: value for name, value in vars(job).items() if name != "tracker"}
        catalog = _file_bytes(self.season.path(f"{self.season.spec.locale_dir}/{job.language}.po"))
        key = cache_key("tracker", self.common, self.spec, fields, job.tracker.model_dump_json(), catalog,
                        *(self._source(source) for source in self._read_by(job)))
        return f"{TRACKER_FORMAT} {key}"

    def _read_by(self, job: TrackerJob) -> list[str]:
        spec = self.season.spec
        names = [spec.retailers, spec.kpis.sales, spec.kpis.stock, spec.kpis.targets, spec.kpis.trade,
                 job.tracker.initiatives]
        return sorted({name for name in names if name})

    def _source(self, name: str) -> bytes:
        """Return the digest of source ``name``'s columns and rows, as the build read them."""
        if name not in self._sources:
            header, rows = self.store.row_hashes(name)  # the deck fingerprints hashed them already
            self._sources[name] = name.encode() + hashlib.sha256(header + rows.tobytes()).digest()
        return self._sources[name]


def is_kept(path: Path, key: str) -> bool:
    """Return whether the workbook at ``path`` was made from the inputs whose fingerprint is ``key``."""
    try:
        with zipfile.ZipFile(path) as existing:
            return existing.comment == key.encode()
    except (OSError, zipfile.BadZipFile):
        return False


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"<missing>"
