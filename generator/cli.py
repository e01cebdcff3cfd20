"""The ``kitgen`` command line: a thin click group; each command lives in generator/commands/."""

from __future__ import annotations

import logging

import click

from generator import __version__
from generator.commands.build import build_command, kit_command
from generator.commands.check import check_command
from generator.commands.diff import diff_command
from generator.commands.i18n import i18n_group
from generator.commands.preview import preview_command
from generator.commands.schema import schema_command
from generator.commands.template import template_group
from generator.commands.validate import validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kitgen")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def cli(verbose: bool) -> None:
    """kitgen: YAML deck specs + HQ master templates + regional data -> localized PowerPoint decks."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


for command in (build_command, kit_command, check_command, template_group, diff_command, i18n_group,
                validate_command, schema_command, preview_command):
    cli.add_command(command)


def main() -> None:
    """Run the CLI (console entry point)."""
    cli(prog_name="kitgen")
