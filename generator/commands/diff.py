"""`kitgen diff OLD NEW`: what changed between two builds (or two decks).

Exit status follows ``diff``: 0 when they are the same, 1 when they differ,
2 when they cannot be compared.
"""

from __future__ import annotations

from pathlib import Path

import click

from generator.delivery import diff_paths
from generator.errors import KitgenError


@click.command("diff")
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.pass_context
def diff_command(ctx: click.Context, old: Path, new: Path) -> None:
    """Show added or removed decks and slides, changed texts, numbers and chart data from OLD to NEW.

    OLD and NEW are two build folders or two .pptx decks. Exits 0 when they are the
    same, 1 when they differ, 2 when they cannot be compared.
    """
    try:
        changes = diff_paths(old, new)
    except KitgenError as exc:
        exc.exit_code = 2
        raise
    for change in changes:
        click.echo(str(change))
    click.echo(f"{len(changes)} difference(s)")
    ctx.exit(1 if changes else 0)
