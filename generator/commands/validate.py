"""`kitgen validate [PATH]`: every problem of a season or spec, located, without rendering."""

from __future__ import annotations

from pathlib import Path

import click

from generator.validation import validate_path


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
    report = validate_path(path, strict=strict)
    click.echo(report.json() if output == "json" else report.text(verbose))
    ctx.exit(0 if report.ok else 1)
