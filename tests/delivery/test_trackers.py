"""Tracker workbooks: native formulas, refused injection, LibreOffice recalculating to the decks' totals,
figures equal to the monthly KPIs, and workbooks kept when their inputs did not change."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from generator.check import check_workbook
from generator.data import DataStore, compute_month_kpis
from generator.delivery.trackers import make_trackers, tracker_files, tracker_jobs
from generator.delivery.trackers.keep import TrackerKeys
from generator.delivery.trackers.tables import network_data
from generator.errors import CheckError
from generator.spec import load_season

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from season_copy import copy_season  # noqa: E402

SEASON = Path(__file__).resolve().parents[2] / "decks" / "fw26"
CALC = Path("/usr/lib/libreoffice/program/libsclo.so")
RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item></oor:items>
"""


@pytest.fixture(scope="module")
def trackers(tmp_path_factory) -> tuple[Path, DataStore]:
    season = load_season(SEASON)
    store = DataStore(season.spec, season.root)
    out = tmp_path_factory.mktemp("trackers")
    for name, data in tracker_files(season, store).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return out, store


def test_one_tracker_per_region_and_language_and_the_network(trackers):
    out, _ = trackers
    assert sorted(str(p.relative_to(out / "trackers")) for p in out.rglob("*.xlsx")) == [
        "en/CA-kpi-tracker.xlsx", "en/US-E-kpi-tracker.xlsx", "en/US-W-kpi-tracker.xlsx",
        "en/network-kpi-tracker.xlsx", "es/MX-kpi-tracker.xlsx", "fr/CA-kpi-tracker.xlsx"]


def test_totals_are_native_formulas_with_frozen_panes(trackers):
    out, _ = trackers
    sheet = openpyxl.load_workbook(out / "trackers" / "fr" / "CA-kpi-tracker.xlsx")["Ventes"]
    assert sheet.freeze_panes == "D5"
    formulas = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert any(f.startswith("=SUMIF($A$5:$A$") for f in formulas)
    assert any(f.startswith("=SUM(D5:") for f in formulas)
    assert sheet.conditional_formatting


def test_initiative_names_are_in_the_workbooks_language(trackers):
    out, _ = trackers
    sheet = openpyxl.load_workbook(out / "trackers" / "fr" / "CA-kpi-tracker.xlsx")["Initiatives"]
    names = [c.value for c in sheet["A"] if c.value]
    assert "Lancement des nouveautés AH26" in names and "FW26 novelties launch" not in names  # the code in French too


def test_data_text_never_becomes_a_formula(tmp_path, trackers):
    out, _ = trackers
    book = openpyxl.load_workbook(out / "trackers" / "en" / "network-kpi-tracker.xlsx")
    names = [c.value for c in book.worksheets[0]["B"] if c.value]
    assert all(not str(n).startswith(("=", "+", "-", "@")) for n in names)


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None or not CALC.exists(), reason="LibreOffice Calc not installed")
def test_libreoffice_recalculates_to_the_decks_figures(tmp_path, trackers):
    out, store = trackers
    profile = tmp_path / "profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALC_ALWAYS)  # recalculate on load
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "xlsx",
                    "--outdir", str(tmp_path / "lo"), str(out / "trackers" / "fr" / "CA-kpi-tracker.xlsx")],
                   check=True, capture_output=True, timeout=180)
    sheet = openpyxl.load_workbook(tmp_path / "lo" / "CA-kpi-tracker.xlsx", data_only=True).worksheets[0]
    total = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "CA" and "Canada" in str(row[1]))
    december = compute_month_kpis(store, {"region_id": "CA"})  # what the CA monthly call shows
    assert total[8] == pytest.approx(december.sellout)  # Jul..Dec in D..I


def test_every_tracker_passes_the_workbook_check(trackers):
    out, _ = trackers
    books = sorted(out.rglob("*.xlsx"))
    assert len(books) == 6
    assert [problem for book in books for problem in check_workbook(book)] == []


@pytest.mark.parametrize("day", [dt.date(2026, 9, 30), dt.date(2026, 12, 31)])
def test_each_retailers_figures_are_its_monthly_kpis(day):
    season = load_season(SEASON)
    store = DataStore(season.spec, season.root)
    store.set_as_of(day)
    data = network_data(store)
    month = data.months[-1]
    assert month == day.replace(day=1) and len(data.retailers) == 40
    for rid in data.retailers["retailer_id"]:
        kpis = compute_month_kpis(store, {"retailer_id": rid})  # the definitions, computed retailer by retailer
        assert data.sellout.loc[rid, month] == pytest.approx(kpis.sellout)
        assert data.sellout_units.loc[rid, month] == pytest.approx(kpis.sellout_units)
        assert data.sellout_ly.loc[rid] == pytest.approx(kpis.std_sellout_ly)
        assert _value(data.target.loc[rid]) == pytest.approx(kpis.std_target)
        assert _value(data.stock_cover.loc[rid, month]) == pytest.approx(kpis.stock_cover_weeks)


def _value(figure: float) -> float | None:
    return None if figure != figure else figure


def _write(out: Path, made) -> None:
    for tracker in made:
        if not tracker.kept:
            (out / tracker.output).parent.mkdir(parents=True, exist_ok=True)
            (out / tracker.output).write_bytes(tracker.data)


def test_a_tracker_made_from_the_same_inputs_is_kept(tmp_path):
    season = load_season(SEASON)
    store = DataStore(season.spec, season.root)
    _write(tmp_path, make_trackers(season, store, tmp_path))
    again = make_trackers(season, store, tmp_path)
    assert [(t.kept, t.data) for t in again] == [(True, b"")] * 11  # 6 workbooks, 5 CSV tables
    (tmp_path / "trackers" / "fr" / "CA-kpi-tracker.xlsx").write_bytes(b"edited")
    store.set_as_of(dt.date(2026, 11, 30))  # another month: every tracker is written again
    assert [t.kept for t in make_trackers(season, store, tmp_path)] == [False] * 11
    store.set_as_of(None)
    assert [t.output for t in make_trackers(season, store, tmp_path) if not t.kept] == ["trackers/fr/CA-kpi-tracker.xlsx"]


def test_the_fingerprint_follows_the_data_and_the_catalog(tmp_path):
    copy = copy_season(SEASON, tmp_path / "decks" / "fw26")
    before = _keys(copy)
    sales = copy / "data" / "sales.csv"
    sales.write_text(sales.read_text(encoding="utf-8").replace(",16658\n", ",16659\n", 1), encoding="utf-8")
    after_sales = _keys(copy)
    assert all(before[job] != after_sales[job] for job in before)
    catalog = copy / "locale" / "fr.po"
    catalog.write_text(catalog.read_text(encoding="utf-8") + '\nmsgid "Unused"\nmsgstr "Inutilisé"\n', encoding="utf-8")
    changed = sorted(job for job, key in _keys(copy).items() if key != after_sales[job])
    assert changed == ["trackers/fr/CA-kpi-tracker.xlsx"]


def _keys(season_dir: Path) -> dict[str, str]:
    season = load_season(season_dir)
    keys = TrackerKeys(season, DataStore(season.spec, season.root))
    return {job.output: keys.key(job) for job in tracker_jobs(season)}


def test_a_tracker_that_fails_the_workbook_check_is_not_written(tmp_path, monkeypatch):
    from generator.delivery.trackers import workbook

    season = load_season(SEASON)
    store = DataStore(season.spec, season.root)
    broken = (Path(__file__).resolve().parents[1] / "fixtures" / "broken_workbooks" /
              "formula_refers_to_a_missing_sheet.xlsx").read_bytes()
    monkeypatch.setattr(workbook, "tracker_bytes", lambda *args, **kwargs: broken)
    with pytest.raises(CheckError) as raised:
        make_trackers(season, store, tmp_path)
    first = tracker_jobs(season)[0].output  # the first workbook fails: none is written
    assert raised.value.message.splitlines()[1] == (
        f"{first}: xl/worksheets/sheet1.xml: cell C2: formula =B2/Stock!B2 refers to sheet "
        "'Stock', which the workbook does not have (sheets: Sales, Units)")
    assert not (tmp_path / "trackers").exists()


def test_a_tracker_made_while_the_decks_build_fails_after_they_are_in_place(tmp_path, monkeypatch):
    """Made beside the workers, a failing tracker still fails the build the way it did after it: decks kept."""
    from click.testing import CliRunner

    from generator.cli import cli
    from generator.delivery.trackers import workbook

    broken = (Path(__file__).resolve().parents[1] / "fixtures" / "broken_workbooks" /
              "formula_refers_to_a_missing_sheet.xlsx").read_bytes()
    monkeypatch.setattr(workbook, "tracker_bytes", lambda *args, **kwargs: broken)
    out = tmp_path / "out"
    ran = CliRunner().invoke(cli, ["build", str(SEASON), "--out", str(out), "--only", "retailer-kit",
                                   "--region", "CA", "--jobs", "2"])
    assert ran.exit_code == 1, ran.output
    first = tracker_jobs(load_season(SEASON))[0].output
    assert f"{first}: xl/worksheets/sheet1.xml: cell C2: formula =B2/Stock!B2 refers to sheet" in ran.output
    assert len(list((out / "en").glob("*.pptx"))) == 10  # the CA retailers' kits in English
    assert not (out / "trackers").exists()


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None or not CALC.exists(), reason="LibreOffice Calc not installed")
def test_libreoffice_recalculates_every_formula_to_its_saved_value(trackers):
    out, _ = trackers
    book = out / "trackers" / "fr" / "CA-kpi-tracker.xlsx"
    assert check_workbook(book, recalculate=True) == []  # no error value, no figure that differs
