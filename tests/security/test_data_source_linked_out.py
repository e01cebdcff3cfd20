"""A data source that is a symbolic link out of the project is refused, never read (nor quoted)."""

from __future__ import annotations

import shutil

from security_helpers import PASSWD, kitgen, leaks_passwd, link_out, project

REFUSED = ("sources.trainings.path: the path leads out of the project folder through a symbolic link "
           "(copy the file into the season or project instead of linking to it)")


def _line(season) -> int:
    return (season / "season.yaml").read_text(encoding="utf-8").splitlines().index("    path: data/trainings.csv") + 1


def test_a_source_linked_to_etc_passwd_is_refused_unquoted(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    link_out(season / "data" / "trainings.csv", PASSWD)
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"decks/fw26/season.yaml:{_line(season)}:5: {REFUSED}"
    assert "1 error(s)" in result.output
    assert not leaks_passwd(result.output)


def test_a_source_linked_to_a_valid_csv_outside_is_refused_by_the_build(tmp_path, monkeypatch):
    season = project(tmp_path / "project", monkeypatch)
    outside = tmp_path / "elsewhere" / "trainings.csv"
    outside.parent.mkdir()
    shutil.copyfile(season / "data" / "trainings.csv", outside)
    link_out(season / "data" / "trainings.csv", outside)
    result = kitgen("build", "decks/fw26", "--out", "out")
    assert result.exit_code == 1
    assert result.output == f"Error: decks/fw26/season.yaml:{_line(season)}:5: {REFUSED}\n"
    assert not (tmp_path / "project" / "out").exists()
