"""`kitgen check FILE...`: report what would make PowerPoint repair a deck, or Excel a workbook."""

from __future__ import annotations

from pathlib import Path

import click

from generator.check import check_deck, check_workbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Return the files named on the command line; a folder stands for its decks and workbooks."""
    found: list[Path] = []
    for path in paths:
        found += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".pptx", *WORKBOOK_SUFFIXES)) \
            if path.is_dir() else [path]
    return found


def _counted(decks: int, workbooks: int) -> str:
    parts = [f"{decks} deck(s)" if decks or not workbooks else "", f"{workbooks} workbook(s)" if workbooks else ""]
    return " and ".join(p for p in parts if p)


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--render", is_flag=True, help="Also convert each file to PDF with LibreOffice (decks: count pages).")
@click.option("--no-schema", "no_schema", is_flag=True, help="Skip ECMA-376 schema validation of decks.")
@click.pass_context
def check_command(ctx: click.Context, files: tuple[Path, ...], render: bool, no_schema: bool) -> None:
    """Check FILES (decks .pptx, workbooks .xlsx, or folders of them) for what would make Office repair them."""
    found = _expand(files)
    workbooks = [f for f in found if f.suffix.lower() in WORKBOOK_SUFFIXES]
    problems = [p for file in found for p in (check_workbook(file, render=render, recalculate=True)
                                              if file in workbooks else
                                              check_deck(file, schema=not no_schema, render=render))]
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"{_counted(len(found) - len(workbooks), len(workbooks))} checked, {len(problems)} problem(s)")
    ctx.exit(1 if problems else 0)
