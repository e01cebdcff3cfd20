"""The ``kitgen`` command line: a thin click group; each command lives in generator/commands/.

Commands are imported only when they run, so ``kitgen validate`` does not pay for
matplotlib and LibreOffice plumbing it never uses.
"""

from __future__ import annotations

import gc
import importlib
import logging

import click

from generator import __version__

#: command name -> "module:attribute" of its click command
COMMANDS = {
    "build": "generator.commands.build:build_command",
    "kit": "generator.commands.build:kit_command",
    "validate": "generator.commands.validate:validate_command",
    "schema": "generator.commands.schema:schema_command",
    "check": "generator.commands.check:check_command",
    "template": "generator.commands.template:template_group",
    "i18n": "generator.commands.i18n:i18n_group",
    "preview": "generator.commands.preview:preview_command",
    "diff": "generator.commands.diff:diff_command",
    "serve": "generator.commands.serve:serve_command",
}

#: command name -> the first paragraph of its help, which ``kitgen --help`` lists without importing the command
SUMMARIES = {
    "build": "Build the season's deck set into OUT/<language>/, then PDFs, retailer kits and the report.",
    "kit": "Build one retailer's kit (all of its decks, in each of its languages) and OUT/kits/<id>.zip.",
    "validate": "Check the season folder (or one spec file) at PATH: YAML, schema, references and data.",
    "schema": "Write the JSON Schema of season.yaml and deck specs (generated from the validator's models).",
    "check": "Check FILES (decks .pptx, workbooks .xlsx, or folders of them) for what would make Office repair them.",
    "template": "Inspect HQ master templates and their profiles.",
    "i18n": "Translator workflow: extract the season's strings, update the catalogs, show coverage.",
    "preview": "Render DECKS to pictures and write one HTML sheet per deck with its languages side by side.",
    "diff": "Show added or removed decks and slides, changed texts, numbers and chart data from OLD to NEW.",
    "serve": "Serve a live review page of the season: slides, EN/FR/ES side by side, findings; rebuilt on save.",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(importlib.import_module(module), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands as click does, from :data:`SUMMARIES`: importing them all costs 0.5 s."""
        listing = click.Group(commands=[click.Command(name, help=SUMMARIES[name]) for name in self.list_commands(ctx)])
        listing.format_commands(ctx, formatter)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kitgen")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def cli(verbose: bool) -> None:
    """kitgen: YAML deck specs + HQ master templates + regional data -> localized PowerPoint decks."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    """Run the CLI (console entry point)."""
    try:
        cli(prog_name="kitgen")
    finally:
        # The process ends here. Interpreter teardown would run cycle collections over every object
        # pandas, python-pptx and the spec models made (0.2 s of a 1.5 s validate) to free memory
        # the OS takes back anyway; frozen objects are left out of them. Exit handlers still run.
        gc.freeze()
