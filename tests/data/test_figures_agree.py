"""Every month of the season, every region: the monthly call, the tracker (saved values, as a reader that
does not recalculate sees them) and an independent pandas computation give the same figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner
from pptx import Presentation

from generator.cli import cli
from generator.i18n.localize import LocaleContext, format_value

SEASON = Path(__file__).resolve().parents[2] / "decks" / "fw26"
MONTHS = ["2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30", "2026-12-31"]
REGIONS = {"US-E": ("en_US", "USD"), "US-W": ("en_US", "USD"), "CA": ("en_CA", "CAD"), "MX": ("es_MX", "MXN")}
SEASON_START, SEASON_END = pd.Timestamp("2026-07-01"), pd.Timestamp("2026-12-31")


@pytest.fixture(scope="module")
def months(tmp_path_factory) -> dict[str, Path]:
    """Return a build folder per as-of month: the monthly calls and the trackers."""
    built = {}
    for day in MONTHS:
        out = tmp_path_factory.mktemp(f"figures-{day}")
        result = CliRunner().invoke(cli, ["build", str(SEASON), "--out", str(out), "--only", "monthly-call",
                                           "--as-of", day, "--jobs", "1", "--no-kits", "--no-report"])
        assert result.exit_code == 0, result.output
        built[day] = out
    return built


def _pandas(region: str, day: str) -> dict[str, float]:
    """Return the region's figures for the as-of ``day``, straight from the CSV files, written here again."""
    sales = pd.read_csv(SEASON / "data" / "sales.csv", dtype={"retailer_id": str}, parse_dates=["month"])
    retailers = pd.read_csv(SEASON / "data" / "retailers.csv", dtype={"retailer_id": str})
    targets = pd.read_csv(SEASON / "data" / "targets.csv", dtype={"retailer_id": str})
    doors = retailers.loc[retailers["region_id"] == region, "retailer_id"]
    month = pd.Timestamp(day).replace(day=1)
    year = pd.DateOffset(years=1)
    mine = sales[sales["retailer_id"].isin(doors)]
    by_month = mine.groupby("month")["sellout_value"].sum()
    to_date = by_month[(by_month.index >= SEASON_START) & (by_month.index <= month)]
    last_year = by_month[(by_month.index >= SEASON_START - year) & (by_month.index <= month - year)]
    # each door's target spread by its own sell-out in last season's months, then summed
    phased_to_date = phased_month = 0.0
    for door in doors:
        door_ly = sales[(sales["retailer_id"] == door) & (sales["month"] >= SEASON_START - year)
                        & (sales["month"] <= SEASON_END - year)].groupby("month")["sellout_value"].sum()
        target = float(targets.loc[targets["retailer_id"] == door, "sellout_target"].sum())
        phased_to_date += target * door_ly[door_ly.index <= month - year].sum() / door_ly.sum()
        phased_month += target * door_ly.get(month - year, 0.0) / door_ly.sum()
    return {"month": float(by_month.get(month, 0.0)), "month_ly": float(by_month.get(month - year, 0.0)),
            "std": float(to_date.sum()), "std_ly": float(last_year.sum()), "std_target": phased_to_date,
            "month_target": phased_month}


def _tracker_total(out: Path, region: str) -> dict[str, float]:
    """Return the region's total row of its English tracker, saved values only (no recalculation)."""
    sheet = openpyxl.load_workbook(out / "trackers" / _language(region) / f"{region}-kpi-tracker.xlsx",
                                   data_only=True).worksheets[0]
    header = [c.value for c in sheet[4]]
    row = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[0] == region and str(r[1]).startswith(
        ("Total", "Total ")))
    first = header.index("Season to date") if "Season to date" in header else header.index("Temporada a la fecha")
    names = ["std", "std_ly", "std_growth", "std_target", "std_attainment", "month", "month_ly", "month_growth",
             "month_target", "month_attainment"]
    return dict(zip(names, row[first:first + len(names)]))


def _language(region: str) -> str:
    return "es" if region == "MX" else "en"


@pytest.mark.parametrize("day", MONTHS)
@pytest.mark.parametrize("region", list(REGIONS))
def test_deck_tracker_and_pandas_agree(months, region, day):
    expected = _pandas(region, day)
    saved = _tracker_total(months[day], region)
    for name in ("month", "month_ly", "std", "std_ly", "std_target", "month_target"):
        assert saved[name] == pytest.approx(expected[name], rel=1e-9), name
    assert saved["std_attainment"] == pytest.approx(expected["std"] / expected["std_target"], rel=1e-9)
    assert saved["std_growth"] == pytest.approx(expected["std"] / expected["std_ly"] - 1, rel=1e-9)
    locale, currency = REGIONS[region]
    loc = LocaleContext(_language(region), locale, currency)
    key = day[:7]
    deck = Presentation(str(months[day] / _language(region) / f"{region}-monthly-call-{key}.pptx"))
    notes = deck.slides[1].notes_slide.notes_text_frame.text
    assert format_value(expected["month"], "currency", loc) in notes
    assert format_value(expected["month_ly"], "currency", loc) in notes
    texts = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    # the deck shows attainment as the tracker holds it: season to date against the target phased to date
    assert format_value(saved["std_attainment"], "percent", loc) in texts
    assert format_value(saved["month_attainment"], "percent", loc) in texts


@pytest.mark.parametrize("day", MONTHS)
def test_no_season_figure_spans_more_than_it_says(months, day):
    """Season to date ends with the as-of month: the tracker's month columns stop there, totals sum them."""
    sheet = openpyxl.load_workbook(months[day] / "trackers" / "en" / "CA-kpi-tracker.xlsx", data_only=True).worksheets[0]
    header = [c.value for c in sheet[4]]
    month_columns = [v for v in header if isinstance(v, dt.datetime)]
    assert month_columns[-1].date() == dt.date.fromisoformat(day).replace(day=1)
    assert month_columns[0].date() == dt.date(2026, 7, 1)
    first = len(header) - header[::-1].index(month_columns[-1])
    for row in sheet.iter_rows(min_row=5, values_only=True):
        if row[0] and isinstance(row[3], (int, float)):
            assert row[first] == pytest.approx(sum(v or 0 for v in row[3:first]))


def test_trackers_read_by_pandas_show_the_totals(months):
    """pandas reads saved values: the totals are there, not zeros."""
    book = months["2026-12-31"] / "trackers" / "en" / "US-E-kpi-tracker.xlsx"
    frame = pd.read_excel(book, sheet_name=0, header=3, engine="openpyxl")
    total = frame[frame.iloc[:, 1].astype(str).str.startswith("Total")]
    assert float(total["Season to date"].iloc[0]) == pytest.approx(_pandas("US-E", "2026-12-31")["std"])
    data = pd.read_excel(book, sheet_name="Data", engine="openpyxl")
    assert list(data.columns) == ["region_id", "retailer_id", "door", "month", "measure", "value", "currency"]
    december = data[(data["measure"] == "sellout_value") & (data["month"] == "2026-12-01")]
    assert december["value"].sum() == pytest.approx(_pandas("US-E", "2026-12-31")["month"])
