"""`kitgen validate [PATH]`: every problem of a season or spec, located, without rendering."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

import click

from generator import stamps
from generator.errors import OutputError
from generator.writer import write_atomic

# where `kitgen build SEASON` keeps its typed data files by default (BuildOptions.data_cache_dir of build/<season>)
BUILD_DATA_CACHE = Path("build") / "{season}" / ".kitgen-cache" / "data"
log = logging.getLogger(__name__)


@click.command("validate")
@click.argument("path", required=False, default="decks/fw26",
                type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True, help="Count warnings (e.g. missing translations) as errors.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for machines.")
@click.option("--verbose", is_flag=True, help="List every missing translation instead of a count per language.")
@click.pass_context
def validate_command(ctx: click.Context, path: Path, strict: bool, output: str, verbose: bool) -> None:
    """Check the season folder (or one spec file) at PATH: YAML, schema, references and data.

    Errors come first, then warnings; missing translations are counted per language.
    Exit status: 0 clean, 1 problems found, 2 usage error.
    """
    key = stamps.run_key("validate", {"path": str(path.resolve()), "strict": strict, "format": output,
                                      "verbose": verbose})
    stamp_file = stamps.user_cache_dir() / "validate" / f"{_digest(key)}.json"
    answer = stamps.current_report(stamp_file, key, None)  # inputs unchanged since the last run: its answer
    if answer is None:
        answer = _validated(key, stamp_file, path, strict, output, verbose)
    click.echo(answer["text"])
    ctx.exit(answer["exit"])


def _validated(key: dict, stamp_file: Path, path: Path, strict: bool, output: str, verbose: bool) -> dict:
    """Return the text and exit status of validating ``path``, and stamp them for an unchanged next run."""
    from generator.data import disk_cache  # imported here: an unchanged season never loads them
    from generator.validation import validate_path

    with stamps.Recorder(key, [_season_folder(path)], None) as recorder:
        with disk_cache(_data_cache(path)):
            report = validate_path(path, strict=strict)
    answer = {"text": report.json() if output == "json" else report.text(verbose), "exit": 0 if report.ok else 1}
    stamp = recorder.stamp(answer)
    try:
        if stamp is not None:
            write_atomic(stamp_file, stamp.to_bytes())
    except OutputError as exc:  # a cache folder we cannot write only costs the next run its shortcut
        log.debug("validate stamp not written: %s", exc)
    return answer


def _digest(key: dict) -> str:
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:32]


def _season_folder(path: Path) -> Path:
    """Return the season folder of ``path`` (itself, or the nearest folder above with a season.yaml)."""
    path = path.resolve()
    if path.is_dir():
        return path
    return next((p for p in path.parents if (p / "season.yaml").is_file()), path.parent)


def _data_cache(path: Path) -> Path | None:
    """Return where validation keeps the typed data files of the season at ``path``.

    The default build folder's data cache when a build made one (the same entries serve
    both), else one in kitgen's user cache folder, per season: validation never creates
    a build folder of its own, and a second run does not parse every CSV and workbook again.
    """
    folder = Path(str(BUILD_DATA_CACHE).format(season=path.resolve().name))
    if path.is_dir() and folder.is_dir():
        return folder
    season = str(_season_folder(path)).encode()
    folder = stamps.user_cache_dir() / "data" / hashlib.sha256(season).hexdigest()[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a home folder we cannot write to: parse the data in memory, warn about nothing
        return None
    return folder
