"""A deck's ``filename:`` longer than a file system allows is a located spec error, before anything is built."""

from __future__ import annotations

from security_helpers import edit, kitgen, project


def test_a_300_character_file_name_is_located_on_its_key(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    line = edit(season / "season.yaml", '    filename: "{{ region.id }}-market-meeting"',
                '    filename: "{{ region.id }}-' + "x" * 300 + '"')
    message = (f"decks/fw26/season.yaml:{line}:5: decks[0].filename: the file name is 306 bytes long, more than "
               "the 255 the file system allows (shorten it: at most 250 bytes before .pptx)")
    checked = kitgen("validate", "decks/fw26")
    assert checked.exit_code == 1
    assert checked.output.splitlines()[0] == message
    built = kitgen("build", "decks/fw26", "--out", "out", "--only", "market-meeting")
    assert built.exit_code == 1
    assert built.output == f"Error: {message}\n"
    assert not (tmp_path / "out").exists()


def test_a_name_just_within_the_limit_passes(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    edit(season / "season.yaml", '    filename: "{{ region.id }}-market-meeting"',
         '    filename: "{{ region.id }}-' + "x" * 249 + '"')
    checked = kitgen("validate", "decks/fw26")
    assert "decks[0].filename" not in checked.output
