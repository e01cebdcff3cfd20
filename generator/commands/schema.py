"""`kitgen schema`: write the JSON Schema of the spec format for editors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.spec.schema import spec_schema
from generator.writer import write_atomic

DEFAULT_OUT = Path("decks/kitgen.schema.json")


@click.command("schema")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_OUT,
              show_default=True, help="Where to write the schema; '-' prints it.")
def schema_command(out: Path) -> None:
    """Write the JSON Schema of season.yaml and deck specs (generated from the validator's models)."""
    text = json.dumps(spec_schema(), indent=2, ensure_ascii=False) + "\n"
    if str(out) == "-":
        click.echo(text, nl=False)
        return
    write_atomic(out, text.encode("utf-8"))
    click.echo(f"wrote {out}")
