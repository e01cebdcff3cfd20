"""``kitgen build`` and ``kitgen kit``: build a season's deck set, or one retailer's kit."""

from __future__ import annotations

from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from generator.pipeline import BuildOptions, BuildResult, build_season
from generator.spec.model import LANGUAGES

DEFAULT_SEASON = Path("decks/fw26")


def _season_arg(function):
    return click.argument("season_dir", type=click.Path(path_type=Path), default=DEFAULT_SEASON,
                          required=False)(function)


def _run(season_dir: Path, options: BuildOptions) -> BuildResult:
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True, disable=not _interactive()) as bar:
        task = bar.add_task("building decks", total=None)
        result = build_season(season_dir, options,
                              progress=lambda built: bar.update(task, advance=1, description=built.job.label),
                              on_plan=lambda n: bar.update(task, total=n))
    _summary(result)
    return result


def _interactive() -> bool:
    return click.get_text_stream("stderr").isatty()


def _summary(result: BuildResult) -> None:
    click.echo(f"Built {len(result.decks)} decks, {result.slides} slides, {result.charts} charts "
               f"in {result.seconds:.1f} s -> {result.out_dir}")
    for warning in result.warnings:
        click.echo(f"warning: {warning}")


@click.command("build")
@_season_arg
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Output folder (default build/<season folder name>).")
@click.option("--lang", "languages", multiple=True, type=click.Choice(LANGUAGES), help="Only these languages.")
@click.option("--only", multiple=True, help="Only these decks of the deck set (by name).")
@click.option("--region", "regions", multiple=True, help="Only these regions (by id).")
@click.option("--strict", is_flag=True, help="Fail on missing translations and text that does not fit.")
@click.option("--template", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Build on another HQ master (.pptx/.potx) instead of the season's.")
@click.option("--profile", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Profile of --template (default: <template stem>.profile.yaml beside it).")
def build_command(season_dir: Path, out_dir: Path | None, languages, only, regions, strict: bool,
                  template: Path | None, profile: Path | None) -> None:
    """Build the season's deck set into OUT/<language>/."""
    out = out_dir or Path("build") / season_dir.resolve().name
    _run(season_dir, BuildOptions(out, tuple(languages), tuple(only), (), tuple(regions), strict, template, profile))


@click.command("kit")
@click.argument("retailer_id")
@click.option("--season", "season_dir", type=click.Path(path_type=Path), default=DEFAULT_SEASON,
              help="Season folder (default decks/fw26).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None)
@click.option("--lang", "languages", multiple=True, type=click.Choice(LANGUAGES))
@click.option("--strict", is_flag=True)
def kit_command(retailer_id: str, season_dir: Path, out_dir: Path | None, languages, strict: bool) -> None:
    """Build one retailer's kit (all of its decks, in each of its languages)."""
    out = out_dir or Path("build") / season_dir.resolve().name
    result = _run(season_dir, BuildOptions(out, tuple(languages), ("retailer-kit",), (retailer_id,), (), strict))
    if not result.decks:
        raise click.ClickException(f"no retailer '{retailer_id}' in the season (see the retailers source)")
