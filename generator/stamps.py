"""Run stamps: what a whole command read and wrote, so that an unchanged run is answered from its record.

A fresh ``kitgen build`` or ``kitgen validate`` process spends over a second importing
pandas, python-pptx and the spec models before it can notice that nothing changed.
A stamp, written after a run succeeded, holds:

* the run's key: the command and its options, through :func:`generator.cache_key.cache_key`
  (kitgen's own files and the library versions), so other code or another library runs again;
* the sha256 of every input: each file the run opened for reading (an audit hook sees
  every ``open`` of the process) and every file of the season folder (a new file counts);
* the size and modification time of every output file (a deck deleted or edited runs again);
* what the run reported, to say it again.

The next run with the same key checks all of that with the standard library only, in
a few milliseconds. Reads made only inside worker processes are not seen; the season
folder, master, profile and brand are all read by the main process as well.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import site
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generator
from generator.cache_key import cache_key

STAMP_VERSION = 2
CACHE_PARTS = (".kitgen-cache", "__pycache__", ".git")  # derived files: never an input, never an output
#: the audit event the path checks raise for each file a season names: an input even when refused unread
JUDGED = "kitgen.path"
_PACKAGE = Path(generator.__file__).resolve().parent
_READ_MODES = ("r", "rb", "rt", "br", "tr")


class InputLog:
    """Record the files this process opens for reading while the log is active (a context manager)."""

    _active: list["InputLog"] = []
    _hooked = False

    def __init__(self, ignore: tuple[Path, ...] = ()):
        self.paths: set[str] = set()
        self.ignore = tuple(str(p.resolve()) + os.sep for p in ignore)

    def __enter__(self) -> "InputLog":
        if not InputLog._hooked:  # an audit hook cannot be removed: one per process, idle when no log is active
            sys.addaudithook(_on_audit)
            InputLog._hooked = True
        InputLog._active.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        InputLog._active.remove(self)

    def inputs(self) -> list[Path]:
        """Return the files read that count as inputs (not libraries, caches, outputs or kitgen itself)."""
        skipped = (*_library_prefixes(), str(_PACKAGE) + os.sep, *self.ignore, "/proc/", "/sys/", "/dev/")
        found = {Path(p) for p in self.paths if not p.startswith(skipped) and not _derived(Path(p))}
        return sorted(p for p in found if p.is_file())


def _on_audit(event: str, args: tuple) -> None:
    if event == JUDGED and InputLog._active:  # a named file the path checks refused: never opened, still an input
        path, mode, flags = args[0], "r", 0
    elif event != "open" or not InputLog._active:
        return
    else:
        path, mode, flags = args
    if isinstance(path, int) or not _reading(mode, flags):
        return
    name = os.path.abspath(os.fsdecode(path))
    for log in InputLog._active:
        log.paths.add(name)


def _reading(mode: str | None, flags: int) -> bool:
    if mode is None:
        return flags & os.O_ACCMODE == os.O_RDONLY
    return mode in _READ_MODES


def _library_prefixes() -> tuple[str, ...]:
    folders = {sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages(), site.getusersitepackages()}
    return tuple(str(Path(f).resolve()) + os.sep for f in folders)


def _derived(path: Path) -> bool:
    return any(part in CACHE_PARTS or part.startswith(".kitgen-staging-") for part in path.parts)


def run_key(command: str, options: dict[str, Any]) -> dict[str, Any]:
    """Return the key of a run: the command and its options (readable), and their cache key.

    The cache key counts what kitgen and its libraries are as every other cache of kitgen does.
    """
    return {"stamp": STAMP_VERSION, "command": command, "options": options,
            "key": cache_key("run", STAMP_VERSION, command, options)}


def option_values(options: Any, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Return every field of the dataclass ``options`` but ``exclude``, as JSON values (paths made absolute).

    Taken from the fields themselves, a field added to the options later counts in a run's
    key unless it is excluded on purpose: a forgotten one would replay a stale run.
    """
    return {f.name: _json_value(getattr(options, f.name)) for f in dataclasses.fields(options) if f.name not in exclude}


def _json_value(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value.resolve())
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # a date, an enum...: its text


@dataclass
class Stamp:
    """The record of one successful run: its key, inputs, outputs and report."""

    key: dict[str, Any]
    inputs: dict[str, str]  # absolute path -> sha256
    folders: dict[str, list[str]]  # a watched folder -> its files (relative), so that a new file counts
    outputs: dict[str, list[int]] = field(default_factory=dict)  # relative to the output folder -> [size, mtime_ns]
    report: dict[str, Any] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        """Return the stamp as compact JSON."""
        return json.dumps(self.__dict__, sort_keys=True, separators=(",", ":")).encode()


class Recorder:
    """Record a run (a context manager): the files it reads, and the season folders' content before and after.

    ``stamp(report)`` returns the run's stamp, or None when a folder's content changed
    while the run went on: the outputs may then be of the content before the edit.
    """

    def __init__(self, key: dict[str, Any], folders: list[Path], out_dir: Path | None, ignore: tuple[Path, ...] = ()):
        self.key, self.folders, self.out_dir = key, [f.resolve() for f in folders], out_dir
        self.log = InputLog((*ignore, *((out_dir,) if out_dir else ()), *_cache_folders()))
        self.before: dict[str, str] = {}

    def __enter__(self) -> "Recorder":
        self.before = self._folder_hashes()
        self.log.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.log.__exit__(*exc)

    def _folder_hashes(self) -> dict[str, str]:
        return {str(f / name): _sha_of(f / name) for f in self.folders for name in _files_of(f)}

    def stamp(self, report: dict[str, Any]) -> Stamp | None:
        """Return the stamp of the run, reporting ``report`` when replayed; None if an input changed meanwhile."""
        folders = self._folder_hashes()
        if folders != self.before:
            return None
        inputs = {**{str(p): _sha_of(p) for p in self.log.inputs()}, **folders}
        listed = {str(f): _files_of(f) for f in self.folders}
        return Stamp(self.key, dict(sorted(inputs.items())), listed,
                     _outputs_of(self.out_dir) if self.out_dir else {}, report)


def _cache_folders() -> tuple[Path, ...]:
    """Return the folders where libraries keep caches of their own (matplotlib's font list): not inputs."""
    return tuple({user_cache_dir(), Path.home() / ".cache", Path.home() / ".config"})


def current_report(stamp_file: Path, key: dict[str, Any], out_dir: Path | None) -> dict[str, Any] | None:
    """Return the report of the run recorded in ``stamp_file`` if nothing it depends on changed, else None."""
    try:
        recorded = json.loads(stamp_file.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or recorded.get("key") != json.loads(json.dumps(key)):
        return None
    unchanged = (all(_files_of(Path(f)) == names for f, names in recorded["folders"].items())
                 and all(_sha_of(Path(p)) == sha for p, sha in recorded["inputs"].items())
                 and (out_dir is None or _outputs_of(out_dir) == recorded["outputs"]))
    return recorded["report"] if unchanged else None


def _files_of(folder: Path) -> list[str]:
    """Return the files under ``folder`` (relative, sorted), leaving out caches and hidden staging."""
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d not in CACHE_PARTS and not d.startswith(".kitgen-staging-")]
        found += [os.path.relpath(os.path.join(parent, f), folder) for f in files]
    return sorted(found)


def _sha_of(path: Path) -> str:
    """Return the content hash of ``path``, with where it really is when it is a symbolic link.

    A file swapped for a link (to the same content elsewhere) changes the answer: the link may lead
    out of the project, which the path checks refuse (and name with a ``kitgen.path`` audit event).
    """
    try:
        if path.is_symlink():  # where it leads, and its size and time: a link out of the project is never read
            stat = path.stat()
            return f"link:{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def _outputs_of(out_dir: Path) -> dict[str, list[int]]:
    outputs = {}
    for relative in _files_of(out_dir):
        if relative != STAMP_FILE:
            stat = (out_dir / relative).stat()
            outputs[relative] = [stat.st_size, stat.st_mtime_ns]
    return outputs


STAMP_FILE = ".kitgen-stamp.json"


def user_cache_dir() -> Path:
    """Return kitgen's cache folder of this user ($KITGEN_CACHE_DIR, else $XDG_CACHE_HOME/kitgen or ~/.cache/kitgen)."""
    configured = os.environ.get("KITGEN_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kitgen"
