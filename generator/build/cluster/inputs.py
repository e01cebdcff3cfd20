"""What a Dask worker needs to build a season's decks, sent by Dask itself (no shared file system).

The client gathers the season folder (its data files as the typed frames it already
holds, so a worker never parses them), the master and its profile, the brand folder
and the font files text is measured with, under a name made of their content hash.
A :class:`SeasonPlugin` of that name carries them to every worker, present and to
come (a worker restarted after a crash gets them again): Dask sends it once per
worker, and registering the same inputs twice sends nothing. The first task on a
worker lays the files out under the worker's own folder and loads one
:class:`DeckBuilder` there, as a local worker process does.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from distributed import WorkerPlugin

from generator.build.builder import BuiltDeck, DeckBuilder
from generator.build.parallel import build_checked
from generator.cache_key import NOT_INSTALLED, cache_key, code_hash
from generator.cache_key import library_versions as installed_libraries
from generator.charts import ChartCache
from generator.data import DataStore
from generator.errors import ClusterError
from generator.spec import load_season

log = logging.getLogger(__name__)
SKIPPED_FOLDERS = {".git", "__pycache__"}
_NOT_FROM_PIP = ("python", "kitgen", "kitgen code", "zlib")  # matched, but not named in the pip command line
FALLBACK_FONT = "Calibri"  # what text without a font of its own is measured with (generator.fit.fonts)


def library_versions() -> dict[str, str]:
    """Return the versions of Python, kitgen (and its code) and every library of the cache-key recipe, here.

    Client and workers must agree on all of what every cache key counts (decks, chart
    pictures, the frames' pickles), or a deck built on a worker would differ.
    """
    import generator  # read at call time: a test can make a worker look older

    libraries = installed_libraries()
    return {"python": libraries.pop("python"), "kitgen": generator.__version__, "kitgen code": code_hash()[:16],
            **libraries}


def version_mismatch(worker: str, theirs: dict[str, str], ours: dict[str, str]) -> str | None:
    """Return why ``worker`` (with versions ``theirs``) cannot build for this client, or None when it can."""
    differ = [f"{name} {theirs.get(name, 'missing')} (here {ours[name]})" for name in ours
              if theirs.get(name) != ours[name]]
    if not differ:
        return None
    wanted = " ".join(f"{name}=={version}" for name, version in ours.items()
                      if name not in _NOT_FROM_PIP and version != NOT_INSTALLED)
    return (f"Dask worker {worker} has other versions than this machine: {', '.join(differ)}; decks built there "
            f"would differ, so nothing was built. Install the same on the workers (kitgen {ours['kitgen']}, "
            f"Python {ours['python']}, pip install {wanted})")


@dataclass(frozen=True)
class SeasonInputs:
    """A season's inputs as bytes and frames, laid out relative to one folder."""

    files: dict[str, bytes]  # relative path -> content
    season_dir: str  # relative path of the season folder
    template: str
    profile: str
    frames: dict[str, pd.DataFrame]  # every source, typed
    as_of: dt.date  # the day monthly figures look from (--as-of, or the one the client's data gives)
    fonts: dict[tuple[str, bool], tuple[str, bytes]]  # (font, bold) -> (file name, content)
    versions: dict[str, str]  # the client's library versions
    digest: str  # content hash of all of the above

    @property
    def size(self) -> int:
        """Return the bytes of the files and fonts (the frames not counted)."""
        return sum(map(len, self.files.values())) + sum(len(data) for _, data in self.fonts.values())


def gather_inputs(builder: DeckBuilder, out_dir: Path) -> SeasonInputs:
    """Return the inputs of ``builder``'s season as a worker on another host needs them."""
    season = builder.season
    data_files = {season.path(source.path) for source in season.spec.sources.values()}
    paths = {p for p in _files_under(season.root, out_dir) if p not in data_files}
    paths |= {p for p in (builder.template_path, builder.profile_path, season.path(season.spec.brand)) if p.is_file()}
    paths |= set(_files_under(builder.brand_dir, out_dir))
    anchor = Path(os.path.commonpath([season.root, builder.template_path, builder.profile_path, *paths]))
    files = {str(p.relative_to(anchor)): p.read_bytes() for p in sorted(paths)}
    fonts = _font_files(builder)
    versions, as_of = library_versions(), builder.store.as_of.day
    digest = _digest(files, fonts, sorted(p for p in data_files if p.is_file()), {**versions, "as_of": str(as_of)})
    return SeasonInputs(files, str(season.root.relative_to(anchor)), str(builder.template_path.relative_to(anchor)),
                        str(builder.profile_path.relative_to(anchor)), builder.store.frames(), as_of, fonts, versions,
                        digest)


def _files_under(folder: Path, out_dir: Path) -> list[Path]:
    """Return the files under ``folder``, leaving out hidden and output folders (caches, staging, a build inside)."""
    out = out_dir.resolve()
    found = []
    for root, folders, names in os.walk(folder):
        here = Path(root)
        folders[:] = [f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS and here / f != out]
        found += [(here / name).resolve() for name in names if not name.startswith(".")]
    return found


def _font_files(builder: DeckBuilder) -> dict[tuple[str, bool], tuple[str, bytes]]:
    """Return the files of the fonts deck text is measured with, as fontconfig finds them here."""
    from generator.fit import font_file

    fonts = {}
    for name in sorted({builder.look.heading_font, builder.look.body_font, FALLBACK_FONT}):
        for bold in (False, True):
            path = font_file(name, bold)
            if path:
                fonts[(name, bold)] = (Path(path).name, Path(path).read_bytes())
    return fonts


def _digest(files: dict[str, bytes], fonts: dict, data_files: list[Path], settings: dict[str, str]) -> str:
    parts: list[object] = [sorted(settings.items())]
    for name, data in files.items():
        parts += [name, data]
    for (font, bold), (name, data) in sorted(fonts.items()):
        parts += [f"{font}\0{bold}\0{name}", data]
    for path in data_files:  # the frames are made from these
        parts += [str(path), path.read_bytes()]
    return cache_key("season-inputs", *parts)


class SeasonPlugin(WorkerPlugin):
    """Carries a season's inputs to every worker and keeps the worker's DeckBuilder of them.

    A worker keeps one loaded DeckBuilder, that of the season it built last: a plugin of
    earlier inputs (a review round ago) keeps its few megabytes of files and frames, and
    loads its builder again if a build asks for it.
    """

    idempotent = True  # the name is the content hash: the same inputs registered again are not sent again

    def __init__(self, inputs: SeasonInputs):
        self.inputs = inputs
        self.name = f"kitgen-season-{inputs.digest[:20]}"

    def setup(self, worker) -> None:
        """Note the worker; the files are laid out by the first task (off the worker's event loop)."""
        self.worker = worker
        self.builder: DeckBuilder | None = None
        self.lock = threading.Lock()  # a DeckBuilder is not thread-safe: a worker with more threads builds one deck at a time

    def build(self, jobs) -> list[BuiltDeck]:
        """Return the checked decks of ``jobs``, built on this worker."""
        with self.lock:
            self.builder = self.builder or self._start()
            return [build_checked(self.builder, job) for job in jobs]

    def release(self) -> None:
        """Drop the loaded DeckBuilder, unless a build is using it."""
        if self.lock.acquire(blocking=False):
            self.builder = None
            self.lock.release()

    def _start(self) -> DeckBuilder:
        problem = version_mismatch(self.worker.address, library_versions(), self.inputs.versions)
        if problem:  # a worker that joined after the client's check
            raise ClusterError(problem)
        for other in list(self.worker.plugins.values()):
            if isinstance(other, SeasonPlugin) and other is not self:
                other.release()
        gc.unfreeze()  # what an earlier season's builder left is collected again
        builder = self._builder(Path(self.worker.local_directory) / self.name)
        # as a forked local worker inherits them: the libraries, season and master stay out of
        # the collections that follow (each full collection would walk them all)
        gc.freeze()
        return builder

    def _builder(self, folder: Path) -> DeckBuilder:
        """Return a DeckBuilder of the inputs laid out under ``folder``, its master loaded."""
        from generator.fit import use_font_files

        inputs = self.inputs
        _write_files(folder, inputs.files)
        fonts = {key: f".fonts/{index}-{name}" for index, (key, (name, _)) in enumerate(sorted(inputs.fonts.items()))}
        _write_files(folder, {fonts[key]: data for key, (_, data) in inputs.fonts.items()})
        use_font_files({key: str(folder / relative) for key, relative in fonts.items()})
        season = load_season(folder / inputs.season_dir)
        store = DataStore(season.spec, season.root)
        store.preload(inputs.frames)
        store.set_as_of(inputs.as_of)
        builder = DeckBuilder(season, folder / inputs.template, folder / inputs.profile,
                              ChartCache(folder / ".charts"), store)
        builder.warm_up()
        log.info("kitgen season %s laid out in %s (%d files)", inputs.digest[:12], folder, len(inputs.files))
        return builder


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    for relative, data in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
