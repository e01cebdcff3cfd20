"""Coverage and bad data: a missing month, an as-of outside the data or the season, a day inside a month,
an impossible day, non-finite numbers: each a located message, never a deck of blanks and zeros."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from season_copy import copy_season  # noqa: E402

SEASON = Path(__file__).resolve().parents[2] / "decks" / "fw26"


@pytest.fixture
def season(tmp_path) -> Path:
    return copy_season(SEASON, tmp_path / "decks" / "fw26")


def _without_month(season: Path, month: str) -> None:
    sales = season / "data" / "sales.csv"
    lines = sales.read_text("utf-8").splitlines(keepends=True)
    sales.write_text("".join(line for line in lines if not line.startswith(month)), "utf-8")


def _build(season: Path, out: Path, *args: str):
    return CliRunner().invoke(cli, ["build", str(season), "--out", str(out), "--only", "monthly-call",
                                    "--no-kits", "--no-report", *args])


def test_a_month_missing_from_sales_is_an_error_in_validate_and_build(season, tmp_path):
    _without_month(season, "2026-10-01")
    checked = CliRunner().invoke(cli, ["validate", str(season)])
    assert checked.exit_code == 1
    message = ("sources.sales.path: source 'sales' (data/sales.csv) has no row for 2026-10; the as-of month 2026-12 "
               "needs it for: season to date, stock cover (last 3 months) (add the month's rows (a month without "
               "sales is written as rows of zeros), or build an earlier month with --as-of)")
    assert f"season.yaml:35:5: {message}" in checked.output
    built = _build(season, tmp_path / "out")
    assert built.exit_code == 1 and message in built.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.pptx"))


def test_last_years_month_is_needed_too(season, tmp_path):
    _without_month(season, "2025-09-01")
    built = _build(season, tmp_path / "out")
    assert built.exit_code == 1
    assert ("has no row for 2025-09; the as-of month 2026-12 needs it for: the same months last year, "
            "last season (target phasing)") in built.output


@pytest.mark.parametrize("day,message", [
    ("2024-06-30", "Error: --as-of 2024-06-30 is before the season starts (2026-07-01): its figures would be blanks "
                   "and zeros; the sales data covers 2025-01 to 2026-12 (pass a month's end from 2026-07-31 to "
                   "2026-12-31)\n"),
    ("2026-03-31", "Error: --as-of 2026-03-31 is before the season starts (2026-07-01): its figures would be blanks "
                   "and zeros; the sales data covers 2025-01 to 2026-12 (pass a month's end from 2026-07-31 to "
                   "2026-12-31)\n"),
    ("2026-09-15", "Error: --as-of 2026-09-15: the sales data is monthly, so a day inside September 2026 would show "
                   "the whole month's figures as of the 15th (pass the month's end: --as-of 2026-09-30)\n"),
])
def test_an_as_of_the_data_cannot_answer_is_refused(tmp_path, day, message):
    built = _build(SEASON, tmp_path / "out", "--as-of", day)
    assert (built.exit_code, built.output) == (1, message)


def test_an_impossible_day_says_so(tmp_path):
    built = _build(SEASON, tmp_path / "out", "--as-of", "2026-02-30")
    assert built.exit_code == 2
    assert ("Error: Invalid value for '--as-of': 2026-02-30 is not a day: February 2026 has 28 days "
            "(the month's end is 2026-02-28)") in built.output


@pytest.mark.parametrize("cell", ["1e309", "inf", "NaN"])
def test_non_finite_numbers_are_located_errors(season, cell):
    sales = season / "data" / "sales.csv"
    lines = sales.read_text("utf-8").splitlines(keepends=True)
    fields = lines[5].rstrip("\n").split(",")
    fields[-1] = cell
    lines[5] = ",".join(fields) + "\n"
    sales.write_text("".join(lines), "utf-8")
    checked = CliRunner().invoke(cli, ["validate", str(season)])
    assert checked.exit_code == 1
    reason = "is not a finite number" if cell != "NaN" else "is not a number"
    assert f"data/sales.csv:6:8: sources.sales.sellout_value: '{cell}' {reason}" in checked.output


def test_a_figure_the_data_cannot_give_shows_as_n_a_and_is_reported(season, tmp_path):
    targets = season / "data" / "targets.csv"
    lines = targets.read_text("utf-8").splitlines(keepends=True)
    targets.write_text("".join(line for line in lines if not line.startswith("MX,")), "utf-8")
    built = _build(season, tmp_path / "out", "--region", "MX", "--as-of", "2026-09-30", "--no-trackers")
    assert built.exit_code == 0, built.output
    assert ("warning: es/MX-monthly-call-2026-09.pptx, slide 2 (") in built.output
    assert ("decks/monthly_call.yaml:11:5): 'Objetivo del mes {{ month_kpi.target | money }}': "
            "a figure the data cannot give shows as n/a") in built.output
    from pptx import Presentation
    slide = Presentation(str(tmp_path / "out" / "es" / "MX-monthly-call-2026-09.pptx")).slides[1]
    texts = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "n.d." in texts and "None" not in texts


def test_a_relative_season_path_pins_n_a_on_its_spec_line(season, tmp_path, monkeypatch):
    """The README's own command (`kitgen build decks/fw26`) locates what it reports, as an absolute path does."""
    targets = season / "data" / "targets.csv"
    lines = targets.read_text("utf-8").splitlines(keepends=True)
    targets.write_text("".join(line for line in lines if not line.startswith("MX,")), "utf-8")
    monkeypatch.chdir(season.parents[1])
    built = _build(Path("decks/fw26"), Path("out"), "--region", "MX", "--as-of", "2026-09-30", "--no-trackers")
    assert built.exit_code == 0, built.output
    assert ("warning: es/MX-monthly-call-2026-09.pptx, slide 2 (decks/fw26/decks/monthly_call.yaml:11:5): "
            "'Objetivo del mes {{ month_kpi.target | money }}'") in built.output
