"""``--out`` may not be the season folder, nor a folder holding it (the project, ``/``): nothing is written."""

from __future__ import annotations

import pytest
from security_helpers import kitgen, project

HINT = "a build would write among its inputs (choose a folder outside it, such as build/fw26)"


def _refused(value: str, what: str) -> str:
    return f"Error: Invalid value for '--out': {value} {what}: {HINT}"


@pytest.mark.parametrize(("value", "what"), [
    ("decks/fw26", "is the season folder"),
    (".", "holds the season folder decks/fw26"),
    ("/", "holds the season folder decks/fw26"),
])
def test_build_refuses_an_out_folder_over_the_season(tmp_path, monkeypatch, value, what):
    project(tmp_path, monkeypatch)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = kitgen("build", "decks/fw26", "--out", value)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == _refused(value, what)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_kit_refuses_the_season_folder_as_out(tmp_path, monkeypatch):
    project(tmp_path, monkeypatch)
    result = kitgen("kit", "003102", "--season", "decks/fw26", "--out", "decks/fw26/")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == _refused("decks/fw26", "is the season folder")
