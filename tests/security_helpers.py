"""Helpers of the hostile-input tests: a sample project copy, kitgen run from inside it, /etc/passwd lines."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from hq_helpers import sample_project

from generator.cli import cli

PASSWD = Path("/etc/passwd")


def project(tmp_path: Path, monkeypatch) -> Path:
    """Return the season folder of a sample project copy in ``tmp_path``, the working folder set to the project."""
    season = sample_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return season


def kitgen(*args: str) -> Result:
    """Return the result of running ``kitgen ARGS`` through click's CliRunner."""
    return CliRunner().invoke(cli, list(args))


def edit(file: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` once in ``file``; return the 1-based line of the edit."""
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def link_out(file: Path, target: Path) -> None:
    """Replace ``file`` by a symbolic link to ``target`` (outside the project)."""
    file.unlink()
    file.symlink_to(target)


def leaks_passwd(output: str) -> bool:
    """Return whether any line of /etc/passwd shows in ``output``."""
    lines = [line for line in PASSWD.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return any(line in output for line in lines)
