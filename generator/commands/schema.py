"""`kitgen schema`: write the JSON Schema of the spec format for editors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.spec import spec_schema
from generator.writer import write_atomic

DEFAULT_OUT = Path("decks/kitgen.schema.json")
DEFAULT_REFERENCE = Path("decks/REFERENCE.md")
DEFAULT_KPIS = Path("decks/KPIS.md")


@click.command("schema")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"Where to write it; '-' prints it. [default: {DEFAULT_OUT}, or {DEFAULT_REFERENCE} with --reference]")
@click.option("--reference", is_flag=True, help="Write the key reference page (Markdown) instead of the JSON Schema.")
@click.option("--kpis", is_flag=True, help=f"Write the KPI glossary page (Markdown, default {DEFAULT_KPIS}).")
def schema_command(out: Path | None, reference: bool, kpis: bool) -> None:
    """Write the JSON Schema of season.yaml and deck specs (generated from the validator's models).

    With --reference, write the key reference page readers use: every key with its
    type, default, description and an example.
    """
    if kpis:
        from generator.data import glossary_page  # the KPI definitions, from the code that computes them

        text, out = glossary_page(), out or DEFAULT_KPIS
    elif reference:
        from generator.spec import spec_reference  # reads the sample specs for examples

        text, out = spec_reference(), out or DEFAULT_REFERENCE
    else:
        text, out = json.dumps(spec_schema(), indent=2, ensure_ascii=False) + "\n", out or DEFAULT_OUT
    if str(out) == "-":
        click.echo(text, nl=False)
        return
    write_atomic(out, text.encode("utf-8"))
    click.echo(f"wrote {out}")
