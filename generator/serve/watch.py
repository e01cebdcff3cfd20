"""Watching what a season is made of: its folder (specs, data, catalogs), its template and profile,
and its brand folder. watchfiles waits on the operating system's file events (inotify on
Linux), so an idle server spends no CPU polling.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from watchfiles import Change, DefaultFilter, watch

from generator.errors import KitgenError
from generator.spec import load_season

log = logging.getLogger(__name__)
STEP_MS = 50  # a save is noticed this long after the last write of it


@dataclass(frozen=True)
class SeasonInputs:
    """The files a season's decks depend on, outside the season folder too."""

    season_dir: Path
    template: Path
    profile: Path
    brand_dir: Path

    @property
    def folders(self) -> list[Path]:
        """Return the folders to watch (a saved file is often replaced, so its folder is watched, not it)."""
        folders = sorted({self.season_dir, self.template.parent, self.profile.parent, self.brand_dir})
        return [f for f in folders if f.is_dir() and not any(f != o and f.is_relative_to(o) for o in folders)]

    def holds(self, path: Path) -> bool:
        """Return True when ``path`` is one of the season's inputs."""
        return path in (self.template, self.profile) or any(
            path.is_relative_to(folder) for folder in (self.season_dir, self.brand_dir))


def season_inputs(season_dir: Path, known: SeasonInputs | None = None) -> SeasonInputs:
    """Return the inputs of the season at ``season_dir``.

    While the season does not load, the ``known`` inputs (else only its folder).
    """
    root = season_dir.resolve()
    try:
        spec = load_season(season_dir).spec
    except KitgenError:
        return known or SeasonInputs(root, root / "season.yaml", root / "season.yaml", root)
    template = (root / spec.template.path).resolve()
    profile = (root / spec.template.profile).resolve() if spec.template.profile else \
        template.with_name(template.stem + ".profile.yaml")
    return SeasonInputs(root, template, profile, (root / spec.brand).resolve().parent)


class InputFilter(DefaultFilter):
    """watchfiles' default filter (editor swap files, .git, caches) narrowed to the season's inputs."""

    def __init__(self, inputs: SeasonInputs, ignored: Path):
        super().__init__()
        self.inputs, self.ignored = inputs, ignored.resolve()

    def __call__(self, change: Change, path: str) -> bool:
        where = Path(path)
        return super().__call__(change, path) and self.inputs.holds(where) and not where.is_relative_to(self.ignored)


class Watcher:
    """Calls ``on_change`` with the changed paths after every save, on a thread of its own."""

    def __init__(self, season_dir: Path, out_dir: Path, on_change: Callable[[set[Path]], None]):
        self.season_dir, self.out_dir, self.on_change = season_dir, out_dir, on_change
        self.inputs = season_inputs(season_dir)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start watching."""
        self._thread = threading.Thread(target=self._run, name="kitgen-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching (within a second)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            inputs = self.inputs
            log.info("watching %s", ", ".join(map(str, inputs.folders)))
            for changes in watch(*inputs.folders, watch_filter=InputFilter(inputs, self.out_dir), step=STEP_MS,
                                 stop_event=self._stop, rust_timeout=1000, yield_on_timeout=False):
                self.on_change({Path(path) for _, path in changes})
                self.inputs = season_inputs(self.season_dir, inputs)  # season.yaml may name another template or brand
                if self.inputs.folders != inputs.folders:
                    break  # watch the new folders
