"""Tests for the synthetic FW26 sample season generator."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from generator.errors import KitgenError
from generator.tools import sample_data
from generator.tools.sample_activity import (
    ACTIVATION_COLUMNS,
    COMPETITOR_COLUMNS,
    INITIATIVE_COLUMNS,
    TARGET_COLUMNS,
    TRAINING_COLUMNS,
)
from generator.tools.sample_actions import ACTION_COLUMNS
from generator.tools.sample_retailers import RETAILER_COLUMNS, apportion, region_counts
from generator.tools.sample_sales import REFERENCE_COLUMNS, SALES_COLUMNS, STOCK_COLUMNS

EXPECTED_COLUMNS = {
    "retailers.csv": RETAILER_COLUMNS,
    "references.csv": REFERENCE_COLUMNS,
    "sales.csv": SALES_COLUMNS,
    "trade_marketing.csv": ACTIVATION_COLUMNS,
    "competitors.csv": COMPETITOR_COLUMNS,
    "trainings.csv": TRAINING_COLUMNS,
    "initiatives.csv": INITIATIVE_COLUMNS,
    "targets.csv": TARGET_COLUMNS,
    "actions.csv": ACTION_COLUMNS,
}
# The contract other code relies on, spelled out rather than imported from the generator.
CONTRACT_HEADERS = {
    "retailers.csv": "retailer_id,name,city,state_province,region_id,country,languages,currency,tier,"
                     "contact_name,contact_email,contact_phone,opened",
    "references.csv": "reference,collection,model_name,material,retail_price_usd,retail_price_cad,"
                      "retail_price_mxn,focus,launch",
    "sales.csv": "month,retailer_id,reference,collection,sellin_units,sellin_value,sellout_units,sellout_value",
    "trade_marketing.csv": "activation_id,region_id,retailer_id,kind,name,start,end,spend,"
                           "incremental_sellout,currency",
    "competitors.csv": "region_id,competitor,initiative,city,start,end,impact",
    "trainings.csv": "session_id,retailer_id,region_id,date,topic,format,trainer,attendees",
    "initiatives.csv": "initiative_id,region_id,name,category,start,end,owner",
    "targets.csv": "region_id,retailer_id,season,sellout_target",
}
ALL_FILES = sorted([*CONTRACT_HEADERS, "actions.csv", "stock.xlsx", "README.md"])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fw26")
    sample_data.generate(out)
    return out


def read(data_dir: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(data_dir / name, dtype={"retailer_id": str}, keep_default_na=False)


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_writes_every_file(data_dir: Path) -> None:
    assert sorted(p.name for p in data_dir.iterdir()) == ALL_FILES


@pytest.mark.parametrize("name", sorted(CONTRACT_HEADERS))
def test_csv_headers_match_contract(data_dir: Path, name: str) -> None:
    raw = (data_dir / name).read_bytes()
    assert raw.split(b"\n", 1)[0].decode() == CONTRACT_HEADERS[name]
    assert list(read(data_dir, name).columns) == EXPECTED_COLUMNS[name]
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw


def test_stock_workbook_layout(data_dir: Path) -> None:
    sheet = openpyxl.load_workbook(data_dir / "stock.xlsx")["Stock"]
    assert [c.value for c in sheet[1]] == STOCK_COLUMNS
    assert not sheet.merged_cells.ranges
    first = sheet[2]
    assert first[0].value.date() == date(2026, 12, 31)
    assert first[1].data_type == "s" and len(first[1].value) == 6


def test_retailer_ids_stay_strings(data_dir: Path) -> None:
    retailers = read(data_dir, "retailers.csv")
    assert retailers["retailer_id"].str.fullmatch(r"\d{6}").all()
    assert retailers["retailer_id"].str.startswith("00").all()
    stock = pd.read_excel(data_dir / "stock.xlsx", sheet_name="Stock", dtype={"retailer_id": str})
    assert set(stock["retailer_id"]) <= set(retailers["retailer_id"])


def test_region_counts_and_languages(data_dir: Path) -> None:
    retailers = read(data_dir, "retailers.csv")
    assert retailers["region_id"].value_counts().to_dict() == {"US-E": 12, "US-W": 10, "CA": 10, "MX": 8}
    quebec = retailers[retailers["state_province"] == "QC"]
    assert len(quebec) == 4 and (quebec["languages"] == "fr;en").all()
    assert set(retailers.loc[retailers["country"] == "MX", "languages"]) == {"es"}
    assert set(retailers["currency"]) == {"USD", "CAD", "MXN"}
    text = (data_dir / "retailers.csv").read_text(encoding="utf-8")
    assert "Montréal" in text and "ñ" in text  # accents round-trip as UTF-8


def test_every_region_has_flagship_and_two_focus(data_dir: Path) -> None:
    tiers = read(data_dir, "retailers.csv").groupby(["region_id", "tier"]).size().unstack(fill_value=0)
    assert (tiers["flagship"] >= 1).all() and (tiers["focus"] >= 2).all()
    assert 0.1 <= tiers["flagship"].sum() / tiers.values.sum() <= 0.2


def test_sales_are_plausible(data_dir: Path) -> None:
    sales = read(data_dir, "sales.csv")
    assert sales["month"].nunique() == 24 and sales["month"].min() == "2025-01-01"
    numbers = sales[["sellin_units", "sellin_value", "sellout_units", "sellout_value"]]
    assert (numbers >= 0).all().all()
    by_month = sales.groupby(sales["month"].str[5:7])["sellout_units"].sum()
    assert by_month["12"] == by_month.max()
    assert sales["sellin_units"].sum() >= sales["sellout_units"].sum()


def test_targets_and_roi_within_bands(data_dir: Path) -> None:
    sales = read(data_dir, "sales.csv")
    season = sales[sales["month"] >= "2026-07-01"].groupby("retailer_id")["sellout_value"].sum()
    targets = read(data_dir, "targets.csv").set_index("retailer_id")["sellout_target"]
    assert ((season / targets).between(0.85, 1.15)).all()
    trade = read(data_dir, "trade_marketing.csv")
    assert (trade["incremental_sellout"] / trade["spend"]).between(0.8, 6).all()
    assert (trade["start"] >= "2026-07-01").all() and (trade["end"] <= "2026-12-31").all()


def test_initiatives_and_competitors_per_region(data_dir: Path) -> None:
    initiatives = read(data_dir, "initiatives.csv")
    shared = (initiatives["region_id"] == "ALL").sum()
    own = initiatives[initiatives["region_id"] != "ALL"]["region_id"].value_counts()
    assert ((own + shared).between(8, 14)).all() and len(own) == 4
    competitors = read(data_dir, "competitors.csv")["region_id"].value_counts()
    assert competitors.between(3, 6).all() and len(competitors) == 4


def test_generation_is_byte_identical(data_dir: Path, tmp_path: Path) -> None:
    sample_data.generate(tmp_path)
    assert digests(tmp_path) == digests(data_dir)


def test_other_seed_changes_sales(data_dir: Path, tmp_path: Path) -> None:
    sample_data.generate(tmp_path, seed=7)
    assert digests(tmp_path)["sales.csv"] != digests(data_dir)["sales.csv"]


def test_large_network_via_cli(tmp_path: Path) -> None:
    result = CliRunner().invoke(sample_data.main, ["--out", str(tmp_path), "--retailers", "300"])
    assert result.exit_code == 0, result.output
    retailers = read(tmp_path, "retailers.csv")
    assert len(retailers) == 300 and retailers["name"].is_unique
    assert retailers["region_id"].value_counts().to_dict() == region_counts(300)


def test_too_few_retailers_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(KitgenError, match="--retailers 5"):
        sample_data.generate(tmp_path, retailers=5)


def test_apportion_keeps_total_and_minimum() -> None:
    assert apportion(40, [12, 10, 10, 8]) == [12, 10, 10, 8]
    assert sum(apportion(301, [12, 10, 10, 8])) == 301
    assert min(apportion(12, [12, 10, 10, 8], 3)) == 3
