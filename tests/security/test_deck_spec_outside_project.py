"""A deck spec named outside the project (absolute, ``..``, a symbolic link out) is refused, never read."""

from __future__ import annotations

from security_helpers import PASSWD, edit, kitgen, leaks_passwd, link_out, project

SPEC = "    spec: decks/market_meeting.yaml"


def test_an_absolute_deck_spec_path_is_refused_unread(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    line = edit(season / "season.yaml", SPEC, "    spec: /etc/passwd")
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"decks/fw26/season.yaml:{line}:5: decks[0].spec: absolute paths are not allowed "
        "(give the path relative to the season folder)")
    assert not leaks_passwd(result.output)


def test_a_deck_spec_path_climbing_out_is_refused_unread(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    line = edit(season / "season.yaml", SPEC, "    spec: ../../../../../../../../etc/passwd")
    result = kitgen("build", "decks/fw26", "--out", "out")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: decks/fw26/season.yaml:{line}:5: decks[0].spec: the path leaves the project folder "
        "(keep files inside the season or project)\n")
    assert not leaks_passwd(result.output)
    assert not (tmp_path / "out").exists()


def test_a_deck_spec_linked_out_of_the_project_is_refused_unread(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    line = (season / "season.yaml").read_text(encoding="utf-8").splitlines().index(SPEC) + 1
    link_out(season / "decks" / "market_meeting.yaml", PASSWD)
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"decks/fw26/season.yaml:{line}:5: decks[0].spec: the path leads out of the project folder through a "
        "symbolic link (copy the file into the season or project instead of linking to it)")
    assert not leaks_passwd(result.output)
