"""YAML nested deeper than kitgen's limit is a located error, not a RecursionError."""

from __future__ import annotations

from security_helpers import kitgen, project

from generator.spec.loader import MAX_DEPTH

DEEP = "values nest too deeply (limit 100 levels) (flatten the structure)"


def test_600_levels_of_flow_lists_in_season_yaml_are_refused_by_validate_and_build(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    with (season / "season.yaml").open("a", encoding="utf-8") as yaml:
        yaml.write("extra:\n  " + "[" * 600 + "]" * 600 + "\n")
    line = len((season / "season.yaml").read_text(encoding="utf-8").splitlines())
    where = f"decks/fw26/season.yaml:{line}:{3 + MAX_DEPTH - 1}"  # the list at depth 101 (the root mapping is 1)
    validated = kitgen("validate", "decks/fw26")
    assert validated.exit_code == 1
    assert validated.output.splitlines()[0] == f"{where}: {DEEP}"
    built = kitgen("build", "decks/fw26", "--out", "out")
    assert built.exit_code == 1
    assert built.output == f"Error: {where}: {DEEP}\n"


def test_600_levels_of_block_mappings_in_a_deck_spec_are_refused(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    spec = season / "decks" / "deep.yaml"
    spec.write_text("name: deep\n" + "".join("  " * i + f"k{i}:\n" for i in range(600)) + "  " * 600 + "v: 1\n",
                    encoding="utf-8")
    result = kitgen("validate", "decks/fw26/decks/deep.yaml")
    assert result.exit_code == 1
    # line 1 is name:, key k<i> sits on line i + 2 at column 2i + 1; k100's mapping is the one at depth 101
    assert result.output.splitlines()[0] == f"decks/fw26/decks/deep.yaml:{MAX_DEPTH + 2}:{2 * MAX_DEPTH + 1}: {DEEP}"
