"""`kitgen template ...`: look inside an HQ master template."""

from __future__ import annotations

from pathlib import Path

import click

from generator.spec import TemplateProfile, load_profile
from generator.template import format_inspection, inspect_template, propose_profile


@click.group("template")
def template_group() -> None:
    """Inspect HQ master templates and their profiles."""


@template_group.command("inspect")
@click.argument("template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--profile", "starter", is_flag=True,
              help="Print a starter profile (YAML) for this template instead of the layout table.")
def inspect_command(template: Path, starter: bool) -> None:
    """List the layouts and placeholders of TEMPLATE (.pptx or .potx).

    If TEMPLATE has a profile next to it (<stem>.profile.yaml), show which roles map to each layout.
    """
    info = inspect_template(template)
    if starter:
        click.echo(propose_profile(info, template.name), nl=False)
        return
    click.echo(format_inspection(info, _sibling_profile(template)), nl=False)


def _sibling_profile(template: Path) -> TemplateProfile | None:
    """Return the profile sitting next to ``template``, or None if there is none."""
    candidate = template.with_name(f"{template.stem}.profile.yaml")
    return load_profile(candidate) if candidate.is_file() else None
