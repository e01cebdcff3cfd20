"""What the cross-checks share: the loaded season, its documents and its data, read once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pandas as pd

from generator.data import JOIN_COLUMNS, DataStore, read_notes, read_source
from generator.errors import CellError, DataError, Finding, Location
from generator.spec import DeckSpec, KeyPath, LoadedYaml, SeasonDraft, SeasonSpec, walk_scalars
from generator.template import Master

BRAND_ASSETS = "brand.assets"


@dataclass
class SeasonView:
    """A loaded season seen by the cross-checks; data frames are read lazily, once."""

    draft: SeasonDraft
    findings: list[Finding] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # sources whose path is unsafe or missing: never opened
    _frames: dict[str, pd.DataFrame | None] = field(default_factory=dict)
    _kinds: dict[str, dict[str, str] | None] = field(default_factory=dict)
    _store: DataStore | None = None
    master: Master | None = None  # the season's master once check_template loaded it

    @property
    def store(self) -> DataStore | None:
        """Return the data store the frames were read through (None before any was read)."""
        return self._store

    @property
    def spec(self) -> SeasonSpec:
        """Return the season spec (cross-checks only run when it loaded)."""
        assert self.draft.spec is not None
        return self.draft.spec

    @property
    def root(self) -> Path:
        """Return the season folder."""
        return self.draft.file.parent

    @property
    def season_doc(self) -> LoadedYaml:
        """Return the loaded season.yaml."""
        return self.draft.documents[str(self.draft.file)]

    def add(self, finding: Finding) -> None:
        """Record one finding."""
        self.findings.append(finding)

    def decks(self) -> Iterator[tuple[str, DeckSpec, LoadedYaml, str]]:
        """Yield (name, spec, document, audience) of every deck that loaded."""
        for deck in self.spec.decks:
            if deck.name in self.draft.decks:
                doc = self.draft.documents.get(str(self.draft.file.parent / deck.spec))
                if doc is not None:
                    yield deck.name, self.draft.decks[deck.name], doc, deck.audience

    def frame(self, name: str) -> pd.DataFrame | None:
        """Return source ``name`` as read for building (None when it cannot be read; reported once)."""
        if name not in self._frames:
            self._frames[name] = None if name in self.blocked else self._read(name)
        return self._frames[name]

    def columns(self, name: str) -> dict[str, str] | None:
        """Return {column: kind} of source ``name`` ('number', 'date', 'flag' or 'text'), None if unreadable."""
        if name not in self._kinds:
            frame = self.frame(name)
            self._kinds[name] = None if frame is None else {str(c): _kind(frame[c]) for c in frame.columns}
        return self._kinds[name]

    def _read(self, name: str) -> pd.DataFrame | None:
        if self._store is None:
            self._store = DataStore(self.spec, self.root)
        try:
            if name != self.spec.retailers and self.frame(self.spec.retailers) is None:
                frame = _unjoined(read_source(self.spec.sources[name], self.root))
            else:
                frame = self._store.frame(name)
            self._note_left_out(name)
            return frame
        except CellError as exc:
            if not _same_file(exc.location.file, self.root / self.spec.sources[name].path):
                return None  # a joined source's problem: reported for that source
            self.add(Finding(_shown(exc.location, self.season_doc), f"sources.{name}" + (
                f".{exc.column}" if exc.column else ""), exc.problem, exc.hint))
        except DataError as exc:
            self.add(self.season_doc.finding(("sources", name, "path"), exc.message))
        return None

    def _note_left_out(self, name: str) -> None:
        """Record, as warnings, the rows reading source ``name`` left out (totals lines, blank lines)."""
        for note in read_notes(self.spec.sources[name], self.root):
            key = f"sources.{name}" + (f".{note.column}" if note.column else "")
            self.add(Finding(_shown(note.location, self.season_doc), key, note.message, note.hint, "warning"))


def _shown(location: Location, doc: LoadedYaml) -> Location:
    """Return ``location`` with the file shown relative to the season file's folder display."""
    base = Path(doc.path).parent
    try:
        relative = Path(location.file).resolve().relative_to(Path(doc.path).resolve().parent)
        return Location(base / relative, location.line, location.column)
    except ValueError:
        return location


def _unjoined(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with empty retailer columns: the retailers problem is reported once, not per use."""
    if "retailer_id" not in frame.columns:
        return frame
    return frame.assign(**{c: None for c in JOIN_COLUMNS.values() if c not in frame.columns})


def _same_file(a: Path | str, b: Path) -> bool:
    return Path(a).absolute() == b.absolute()


def _kind(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "flag"
    if pd.api.types.is_numeric_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    return "text"


def walk_strings(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Yield (key path, text) of every string inside plain loaded YAML data."""
    return ((key, item) for key, item in walk_scalars(value, path) if isinstance(item, str))
