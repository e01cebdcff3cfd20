"""``kitgen preview``: side-by-side EN | FR | ES review sheets of built decks."""

from __future__ import annotations

from pathlib import Path

import click

from generator.delivery import write_preview_sheets


@click.command("preview")
@click.argument("decks", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Output folder; sheets go to OUT/preview/ (default: the build folder above the language folders).")
def preview_command(decks: tuple[Path, ...], out_dir: Path | None) -> None:
    """Render DECKS to pictures and write one HTML sheet per deck with its languages side by side."""
    out = out_dir or decks[0].resolve().parent.parent
    for sheet in write_preview_sheets(list(decks), out):
        click.echo(f"wrote {sheet}")
