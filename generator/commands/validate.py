"""`kitgen validate [PATH]`: every problem of a season or spec, located, without rendering."""

from __future__ import annotations

from pathlib import Path

import click

from generator.data.source_cache import disk_cache
from generator.validation import validate_path

# where `kitgen build SEASON` keeps its typed data files by default (BuildOptions.data_cache_dir of build/<season>)
BUILD_DATA_CACHE = Path("build") / "{season}" / ".kitgen-cache" / "data"


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
    with disk_cache(_build_data_cache(path)):
        report = validate_path(path, strict=strict)
    click.echo(report.json() if output == "json" else report.text(verbose))
    ctx.exit(0 if report.ok else 1)


def _build_data_cache(path: Path) -> Path | None:
    """Return the default build folder's data cache of the season at ``path`` when a build made one.

    Validation then reads typed data files instead of parsing every CSV and workbook again;
    it never creates a build folder of its own.
    """
    folder = Path(str(BUILD_DATA_CACHE).format(season=path.resolve().name))
    return folder if path.is_dir() and folder.is_dir() else None
