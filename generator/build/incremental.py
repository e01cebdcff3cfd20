"""Incremental builds: a deck whose inputs did not change is not rebuilt.

Each deck gets an input fingerprint (:func:`generator.cache_key.cache_key`, so
kitgen's code and the library versions count) over: season.yaml, the deck's spec file, the master and its profile, every
file of the brand folder, the language's catalog, the job itself, and the data
rows the deck can see. Data scope is decided statically from the deck spec
(generator/build/scope.py):

* a source with a ``retailer_id`` column counts only the audience's rows (the
  retailer's rows for a retailer deck, the region's rows for a region deck) when
  every query and repeat on it filters on that audience; otherwise the whole source;
* when every query on a source has a dated period (``month``, ``season``...), only
  the rows in those periods count (and a year earlier with ``compare_last_year``);
* sources without ``retailer_id`` (references, campaigns, competitors) count whole;
* the KPI figures the deck's text can quote count by value: the audience's ``kpi``,
  the region's for a retailer deck, and ``month_kpi`` when the deck (or an HQ deck
  it carries slides of) mentions it; so a sales change in one retailer rebuilds its
  region's decks only if the region figures move;
* an HQ deck reads data through its tags only: those figures and the retailer's record.

Approximation, documented: text in a deck can only reach data through queries,
repeats and the KPI contexts, so this covers what a deck can show. The state file
``<out>/.kitgen-state.json`` records each output's fingerprint, sha256, size and
modification time; a deck is skipped only when its fingerprint matches and its file
is unchanged: same size and time (as make decides, without reading a thousand decks),
or else the same sha256.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from generator.build.builder import BuiltDeck, DeckBuilder, DeckJob
from generator.build.scope import Query, dated_periods, deck_queries, mentions, scope_column, scoped
from generator.cache_key import cache_key, file_sha256
from generator.spec import Season

if TYPE_CHECKING:
    from generator.fit import FitFinding

log = logging.getLogger(__name__)
STATE_FILE = ".kitgen-state.json"
STATE_VERSION = 2


def _sha(*parts: bytes) -> str:
    """Return the hex digest of data rows (a plain hash: the deck's key is made by :func:`cache_key`)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _digest(part: bytes) -> bytes:
    return hashlib.sha256(part).digest()


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"<missing>"


class Fingerprinter:
    """Input fingerprints of a season's decks (data read once, hashed per audience)."""

    def __init__(self, season: Season, builder: DeckBuilder):
        self.season, self.builder = season, builder
        self.common = self._common()
        self._groups: dict[tuple[str, str, Any], dict[str, str]] = {}
        self._queries: dict[str, list[Query] | None] = {}  # per deck: its bindings, found once (None: an HQ deck)
        self._month_readers: dict[str, bool] = {}
        self._files: dict[str, bytes] = {}  # spec and catalog files, read once for all jobs
        self._loaded = {Path(name).resolve(): doc.digest for name, doc in season.documents.items() if doc.digest}
        self._figures: dict[tuple[str, str, bool], bytes] = {}

    def _common(self) -> str:
        spec, season = self.season.spec, self.season
        # cache_key counts kitgen's code (the drawing code included) and the library versions
        brand_files = sorted(p for p in self.builder.brand_dir.rglob("*") if p.is_file())
        return cache_key("deck-common", _file_bytes(season.root / "season.yaml"),
                         _file_bytes(self.builder.template_path), _file_bytes(self.builder.profile_path),
                         *(str(p.relative_to(self.builder.brand_dir)).encode() + _file_bytes(p) for p in brand_files),
                         _file_bytes(season.path(spec.brand)),
                         *(_file_bytes(season.path(deck.path)) for deck in spec.hq))  # deck specs may include slides

    def fingerprint(self, job: DeckJob) -> str:
        """Return the input fingerprint of ``job``."""
        season = self.season
        parts: list[object] = [self.common, job.__dict__, self._file(season.deck_spec_file(job.deck)),
                               self._file(f"{season.spec.locale_dir}/{job.language}.po")]
        if self._deck_queries(job.deck) is not None:
            parts += [self._source_digest(name, job) for name in sorted(season.spec.sources)]
        elif job.audience == "retailer":  # an HQ deck sees the retailer's record through its tags, no other rows
            records = self._groups_of(season.spec.retailers, "retailer_id", None)
            parts.append(records.get(job.audience_id or "", "<none>"))
        return cache_key("deck", *parts, *self._figure_digests(job))

    def _file(self, relative: str) -> bytes:
        """Return the sha256 digest of a season file (read and hashed once for all jobs).

        A spec counts as the season loaded it: one saved again since then (``kitgen serve`` builds a
        season checked a moment before) must not pass for built, or the next build would keep the deck.
        """
        if relative not in self._files:
            path = self.season.path(relative)
            self._files[relative] = self._loaded.get(path) or _digest(_file_bytes(path))
        return self._files[relative]

    def _figure_digests(self, job: DeckJob) -> list[bytes]:
        """Return the digests of the KPI figures ``job``'s text can quote (``kpi``, ``region_kpi``, ``month_kpi``).

        They count by value: rows a deck's queries do not show still rebuild it when they move its figures.
        """
        month = self._reads_month_figures(job.deck)
        if job.audience == "retailer":
            rid = job.audience_id or ""
            return [self._figures_of("retailer_id", rid, month),
                    self._figures_of("region_id", self._retailer_regions.get(rid, ""), month)]
        return [self._figures_of("region_id", job.audience_id or "", month)] if job.audience == "region" else []

    def _figures_of(self, column: str, value: str, month: bool) -> bytes:
        key = (column, value, month)
        if key not in self._figures:
            figures = repr(self.builder.kpis(**{column: value}))
            if month:  # the monthly figures cost ~15 ms an audience: counted only for decks that can quote them
                figures += repr(self.builder.month_kpis(**{column: value}))
            self._figures[key] = _digest(figures.encode())
        return self._figures[key]

    def _reads_month_figures(self, deck: str) -> bool:
        """Return whether ``deck`` (or an HQ deck it may carry slides of) mentions ``month_kpi`` anywhere."""
        if deck not in self._month_readers:
            own = self.season.path(self.season.deck_spec_file(deck))
            carried = [self.season.path(d.path) for d in self.season.spec.hq] if mentions(own, "include") else []
            self._month_readers[deck] = any(mentions(path, "month_kpi") for path in [own, *carried])
        return self._month_readers[deck]

    @cached_property
    def _retailer_regions(self) -> dict[str, str]:
        """Return each retailer's region id (first row wins, as :meth:`DeckBuilder.retailer` reads it)."""
        frame = self.builder.store.frame(self.season.spec.retailers)
        pairs = zip(frame["retailer_id"].astype(str), frame["region_id"].astype(str))
        return {rid: region for rid, region in reversed(list(pairs))}

    def _deck_queries(self, deck: str) -> list[Query] | None:
        if deck not in self._queries:
            spec = self.season.decks.get(deck)  # an HQ deck has no spec: it reads data through its tags only
            self._queries[deck] = deck_queries(spec) if spec is not None else None
        return self._queries[deck]

    def _source_digest(self, name: str, job: DeckJob) -> str:
        """Return the digest of the rows of source ``name`` that ``job`` can see (its audience's, in its periods)."""
        queries = self._deck_queries(job.deck) or []
        column = scope_column(job.audience)
        if "retailer_id" not in self.builder.store.frame(name).columns or column is None \
                or not scoped(queries, name, column):
            column = None
        groups = self._groups_of(name, column, dated_periods(queries, name))
        return groups[""] if column is None else groups.get(job.audience_id or "", "<none>")

    def _groups_of(self, name: str, column: str | None, periods: tuple | None) -> dict[str, str]:
        """Return ``{key: digest of its rows}`` for ``column`` (or ``{"": digest}`` of the whole source).

        With ``periods``, only the rows dated within them count.
        """
        key = (name, column or "", periods)
        if key not in self._groups:
            store = self.builder.store
            header, rows = store.row_hashes(name)
            visible = None if periods is None else store.rows_in_periods(name, periods)
            if column is None:
                self._groups[key] = {"": _sha(header, (rows if visible is None else rows[visible]).tobytes())}
            else:
                frame = store.frame(name)
                self._groups[key] = {str(k): _sha(header, rows[_within(idx, visible)].tobytes())
                                     for k, idx in frame.groupby(frame[column].astype(str)).indices.items()}
        return self._groups[key]


def _within(positions: np.ndarray, visible: np.ndarray | None) -> np.ndarray:
    return positions if visible is None else np.intersect1d(positions, visible)


@dataclass(frozen=True)
class DeckRecord:
    """What the state file remembers about one output."""

    fingerprint: str
    sha256: str
    slides: int
    charts: int
    layouts: tuple[str, ...]
    missing: tuple[str, ...]
    fit: tuple[dict, ...] = ()  # the deck's text-fit findings, reported again when it is kept
    size: int = -1  # the file's size and modification time when written: when both still match,
    mtime_ns: int = -1  # the file is taken as unchanged without hashing it again (as make does)
    chart_keys: tuple[str, ...] | None = None  # its chart pictures' cache keys (None: recorded before kitgen kept them)
    origins: tuple[str, ...] = ()  # the spec slide ("file:line") behind each resolved slide


class BuildState:
    """The previous build's records, read from ``<out>/.kitgen-state.json``."""

    def __init__(self, out_dir: Path, records: dict[str, DeckRecord]):
        self.out_dir, self.records = out_dir, records
        self.verified: dict[Path, tuple[int, int]] = {}

    @classmethod
    def load(cls, out_dir: Path) -> "BuildState":
        """Return the state of ``out_dir`` (empty when there is none or it is unreadable)."""
        try:
            raw = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
            if raw.get("version") != STATE_VERSION:
                return cls(out_dir, {})
            return cls(out_dir, {k: DeckRecord(**{**v, "layouts": tuple(v["layouts"]), "missing": tuple(v["missing"]),
                                                  "fit": tuple(v["fit"]), "chart_keys": _keys(v.get("chart_keys")),
                                                  "origins": tuple(v.get("origins", ()))})
                                 for k, v in raw["decks"].items()})
        except (OSError, ValueError, KeyError, TypeError):
            return cls(out_dir, {})

    def reusable(self, job: DeckJob, fingerprint: str) -> BuiltDeck | None:
        """Return the kept deck when its inputs and its file are unchanged since the last build, else None."""
        record = self.records.get(job.output)
        if record is None or record.fingerprint != fingerprint:
            return None
        if not self._unchanged(self.out_dir / job.output, record):
            return None
        # ``data`` stays empty: BuildResult.read_kept_decks reads it when delivery needs it.
        return BuiltDeck(job, b"", record.slides, record.charts, record.layouts, 0.0, set(record.missing),
                         reused=True, fit_findings=_fit_findings(record.fit), chart_keys=record.chart_keys,
                         sha256=record.sha256, origins=record.origins)

    def _unchanged(self, path: Path, record: DeckRecord) -> bool:
        """Return whether the output file is still the one recorded (same size and time, else same sha256)."""
        try:
            stat = path.stat()
        except OSError:
            return False
        seen = (stat.st_size, stat.st_mtime_ns)
        if seen != (record.size, record.mtime_ns) and file_sha256(path) != record.sha256:
            return False
        self.verified[path] = seen  # a file found unchanged by its hash is recorded with its size and time
        return True

    def payload(self, decks: list[BuiltDeck], fingerprints: dict[str, str],
                written: dict[str, tuple[int, int, str]]) -> dict:
        """Return the state file content after a build of ``decks`` (a partial build keeps the other records).

        ``written`` holds the (size, mtime_ns, sha256) of each output written by this build; a
        kept deck keeps its record as it was.
        """
        # a frozen dataclass's __dict__ is its fields: serialized as they are, no deep copy needed
        records: dict[str, Any] = {name: vars(record) for name, record in self.records.items()}
        for deck in decks:
            if deck.reused:
                size, mtime_ns = self.verified.get(self.out_dir / deck.job.output, (-1, -1))
                records[deck.job.output] = {**records[deck.job.output], "size": size, "mtime_ns": mtime_ns}
                continue
            size, mtime_ns, sha256 = written.get(deck.job.output) or (-1, -1, deck.content_hash())
            records[deck.job.output] = {"fingerprint": fingerprints[deck.job.output], "sha256": sha256,
                                        "slides": deck.slides, "charts": deck.charts,
                                        "layouts": list(deck.layouts), "missing": sorted(deck.missing_translations),
                                        "fit": [asdict(f) for f in deck.fit_findings],
                                        "size": size, "mtime_ns": mtime_ns,
                                        "chart_keys": None if deck.chart_keys is None else list(deck.chart_keys),
                                        "origins": list(deck.origins)}
        return {"version": STATE_VERSION, "decks": records}


def charts_in_use(payload: dict) -> set[str] | None:
    """Return the chart cache keys every output of a state payload uses, or None if some are not known."""
    keys: set[str] = set()
    for record in payload["decks"].values():
        if record.get("chart_keys") is None:
            return None
        keys.update(record["chart_keys"])
    return keys


def _keys(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _fit_findings(recorded: list[dict[str, Any]]) -> list[FitFinding]:
    """Return a kept deck's recorded fit findings (generator.fit, and its fonts, imported only when there are some)."""
    if not recorded:
        return []
    from generator.fit import FitFinding

    return [FitFinding(**f) for f in recorded]
