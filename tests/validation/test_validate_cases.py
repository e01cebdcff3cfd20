"""The bad-input suite: each fixture folder is one reviewer mistake with its exact located message."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from validate_cases import case_names, expected_line, make_case

from generator.cli import cli


@pytest.mark.parametrize("name", case_names())
def test_bad_input_gives_located_message(name: str, tmp_path, monkeypatch) -> None:
    season, args = make_case(name, tmp_path)
    monkeypatch.chdir(season)
    result = CliRunner().invoke(cli, ["validate", ".", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == expected_line(name)


def test_suite_has_thirty_cases() -> None:
    assert len(case_names()) >= 30


def test_minimal_season_is_clean(tmp_path, monkeypatch) -> None:
    season, _ = make_case(None, tmp_path)
    monkeypatch.chdir(season)
    result = CliRunner().invoke(cli, ["validate", "."])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "0 error(s), 0 warning(s)"
