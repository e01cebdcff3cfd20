"""`kitgen check DECK...`: report what would make PowerPoint repair a deck."""

from __future__ import annotations

from pathlib import Path

import click

from generator.check import check_deck


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Return the decks named on the command line; a folder stands for its .pptx files."""
    decks: list[Path] = []
    for path in paths:
        decks += sorted(path.rglob("*.pptx")) if path.is_dir() else [path]
    return decks


@click.command("check")
@click.argument("decks", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--render", is_flag=True, help="Also convert each deck to PDF with LibreOffice and count pages.")
@click.option("--no-schema", "no_schema", is_flag=True, help="Skip ECMA-376 schema validation.")
@click.pass_context
def check_command(ctx: click.Context, decks: tuple[Path, ...], render: bool, no_schema: bool) -> None:
    """Check DECKS (files or folders of .pptx) for problems that make PowerPoint repair them."""
    found = _expand(decks)
    problems = [p for deck in found for p in check_deck(deck, schema=not no_schema, render=render)]
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"{len(found)} deck(s) checked, {len(problems)} problem(s)")
    ctx.exit(1 if problems else 0)
