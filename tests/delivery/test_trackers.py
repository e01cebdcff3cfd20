"""Tracker workbooks: native formulas, refused injection, and LibreOffice recalculating to the decks' totals."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from generator.data import DataStore, compute_month_kpis
from generator.delivery.trackers import tracker_files
from generator.spec import load_season

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
    assert sheet.freeze_panes == "C5"
    formulas = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert any(f.startswith("=SUMIF($A$5:$A$") for f in formulas)
    assert any(f.startswith("=SUM(C5:") for f in formulas)
    assert sheet.conditional_formatting


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
    assert total[7] == pytest.approx(december.sellout)  # Jul..Dec in C..H
