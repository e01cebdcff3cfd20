"""``kitgen --help`` lists the commands from cli.SUMMARIES, without importing them."""

from __future__ import annotations

import importlib
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT
from generator.cli import COMMANDS, SUMMARIES, cli


def _command(name: str) -> click.Command:
    module, attribute = COMMANDS[name].split(":")
    return getattr(importlib.import_module(module), attribute)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_summary_is_the_first_paragraph_of_the_commands_help(name):
    command = _command(name)
    assert command.help.partition("\n\n")[0].strip() == SUMMARIES[name]
    assert not command.hidden and not command.deprecated and not command.short_help  # all would change the list


@pytest.mark.parametrize("width", [50, 80, 200])
def test_the_command_list_is_the_one_click_writes_from_the_commands_themselves(width):
    eager = click.Group("kitgen", commands=[_command(name) for name in COMMANDS], params=cli.params, help=cli.help,
                        context_settings=cli.context_settings)
    ours = CliRunner().invoke(cli, ["--help"], prog_name="kitgen", terminal_width=width)
    theirs = CliRunner().invoke(eager, ["--help"], prog_name="kitgen", terminal_width=width)
    assert ours.exit_code == 0
    assert ours.output == theirs.output


def test_help_imports_no_command():
    script = ("import sys; from generator.cli import cli; from click.testing import CliRunner\n"
              "assert CliRunner().invoke(cli, ['--help']).exit_code == 0\n"
              "assert not [m for m in sys.modules if m.startswith('generator.commands.')], 'imported'")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
