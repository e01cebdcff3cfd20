"""Monthly calls: two as-of months built, their figures checked against pandas (EN, FR, ES formats)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from pptx import Presentation

from generator.cli import cli
from generator.i18n.localize import LocaleContext, format_value

SEASON = Path(__file__).resolve().parents[2] / "decks" / "fw26"


def _pandas_sellout(region: str, month: str) -> tuple[float, float]:
    """Return the region's sell-out of ``month`` and of the same month last year, straight from the CSV."""
    sales = pd.read_csv(SEASON / "data" / "sales.csv", dtype={"retailer_id": str}, parse_dates=["month"])
    retailers = pd.read_csv(SEASON / "data" / "retailers.csv", dtype={"retailer_id": str})
    ids = set(retailers.loc[retailers["region_id"] == region, "retailer_id"])
    mine = sales[sales["retailer_id"].isin(ids)]
    this = pd.Timestamp(month + "-01")
    return (float(mine.loc[mine["month"] == this, "sellout_value"].sum()),
            float(mine.loc[mine["month"] == this - pd.DateOffset(years=1), "sellout_value"].sum()))


def _notes(deck: Path) -> str:
    slide = Presentation(str(deck)).slides[1]  # the month's highlights
    return slide.notes_slide.notes_text_frame.text


@pytest.fixture(scope="module")
def two_months(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("monthly")
    for day in ("2026-09-30", "2026-11-30"):
        result = CliRunner().invoke(cli, ["build", str(SEASON), "--out", str(out), "--only", "monthly-call",
                                           "--region", "CA", "--region", "MX", "--as-of", day, "--jobs", "1",
                                           "--no-kits", "--no-report", "--no-trackers"])
        assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("month", ["2026-09", "2026-11"])
@pytest.mark.parametrize("language,region,locale,currency", [
    ("en", "CA", "en_CA", "CAD"), ("fr", "CA", "fr_CA", "CAD"), ("es", "MX", "es_MX", "MXN")])
def test_month_figures_match_pandas(two_months: Path, month, language, region, locale, currency):
    sellout, last_year = _pandas_sellout(region, month)
    loc = LocaleContext(language, locale, currency)
    notes = _notes(two_months / language / f"{region}-monthly-call-{month}.pptx")
    assert format_value(sellout, "currency", loc) in notes
    assert format_value(last_year, "currency", loc) in notes


def test_months_sit_side_by_side(two_months: Path):
    names = sorted(p.name for p in (two_months / "fr").glob("*.pptx"))
    assert names == ["CA-monthly-call-2026-09.pptx", "CA-monthly-call-2026-11.pptx"]


def test_as_of_beyond_the_data_is_a_located_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["build", str(SEASON), "--out", str(tmp_path), "--only", "monthly-call",
                                       "--as-of", "2027-01-31", "--no-kits", "--no-report", "--no-trackers"])
    assert result.exit_code == 1
    assert result.output == ("Error: --as-of 2027-01-31 is after the last month of the sales data (2025-01 to 2026-12): "
                             "that month would read as zero sales (pass a month's end from 2026-07-31 to 2026-12-31)\n")
    assert not list(tmp_path.rglob("*.pptx"))
