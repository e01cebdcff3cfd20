"""`kitgen i18n extract|update|status SEASON`: the translator workflow on gettext catalogs."""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.i18n import save_catalog
from generator.translation import Counts, coverage, extract_messages, update_catalogs
from generator.spec import load_season

SEASON = click.argument("season_dir", metavar="SEASON", type=click.Path(exists=True, file_okay=False, path_type=Path))


def _template_path(season_dir: Path) -> Path:
    """Return the default POT path: SEASON/<locale_dir>/messages.pot."""
    season = load_season(season_dir)
    return season.path(season.spec.locale_dir) / "messages.pot"


@click.group("i18n")
def i18n_group() -> None:
    """Translator workflow: extract the season's strings, update the catalogs, show coverage."""


@i18n_group.command("extract")
@SEASON
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="POT file to write (default: SEASON/locale/messages.pot).")
def extract_command(season_dir: Path, output: Path | None) -> None:
    """Collect every translatable string of SEASON into a POT template."""
    template = extract_messages(season_dir)
    target = output or _template_path(season_dir)
    save_catalog(template, target)
    click.echo(f"{len(template)} message(s) written to {target}")


@i18n_group.command("update")
@SEASON
def update_command(season_dir: Path) -> None:
    """Merge SEASON's current strings into each language's PO catalog (changed sources become fuzzy)."""
    template = extract_messages(season_dir)
    save_catalog(template, _template_path(season_dir))
    for language, stats in update_catalogs(season_dir, template).items():
        click.echo(f"{language}: {stats.total} message(s), {stats.added} new, {stats.fuzzy} fuzzy, "
                   f"{stats.obsolete} obsolete")


def _row(name: str, counts: Counts) -> str:
    return (f"{name:<22} {counts.translated:>10} {counts.fuzzy:>6} {counts.missing:>8} {counts.total:>6} "
            f"{counts.percent:>6.1f}%")


@i18n_group.command("status")
@SEASON
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def status_command(ctx: click.Context, season_dir: Path, output_format: str) -> None:
    """Print translation coverage of SEASON per language and per deck; exit 1 when incomplete."""
    result = coverage(season_dir)
    if output_format == "json":
        click.echo(json.dumps(result.as_dict(), indent=2, sort_keys=True))
    else:
        click.echo(f"{'language / deck':<22} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'total':>6} {'done':>7}")
        for language, counts in result.languages.items():
            click.echo(_row(language, counts))
            for deck, deck_counts in result.decks[language].items():
                click.echo(_row(f"  {deck}", deck_counts))
    ctx.exit(0 if result.complete else 1)
