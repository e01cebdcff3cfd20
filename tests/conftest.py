"""Shared fixtures: a tiny in-test season (data layer) and one reduced sample-season build."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.data.bindings import DataStore
from generator.spec.model import SeasonSpec

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SEASON = ROOT / "decks" / "fw26"
MASTER = ROOT / "templates" / "orvelle_master.pptx"
MASTER_PROFILE = ROOT / "templates" / "orvelle_master.profile.yaml"
QUEBEC_RETAILER = "003102"  # Maison Frontenac Bijoux, Montréal: languages fr;en

# Tiny season: FW26 runs 2026-07-01..2026-12-31; two CA doors and one MX door.
TINY_FILES = {
    "retailers.csv": """\
        retailer_id,name,city,region_id,tier
        000123,Maison Alpha,Montréal,CA,flagship
        000124,Beta Bijoux,Laval,CA,standard
        000200,Casa Gamma,Monterrey,MX,focus
        """,
    # sales: season months Jul/Oct/Dec 2026, the same months in 2025, and one month outside both
    "sales.csv": """\
        month,retailer_id,collection,sellin_units,sellout_units,sellout_value
        2026-07-01,000123,Solenne,10,8,8000
        2026-10-01,000123,Veyrac,4,4,6000
        2026-12-01,000123,Solenne,6,6,6000
        2026-12-01,000124,Veyrac,5,0,0
        2026-12-01,000200,Solenne,2,1,900
        2025-07-01,000123,Solenne,5,5,5000
        2025-12-01,000123,Solenne,5,5,5000
        2025-12-01,000124,Veyrac,2,2,2000
        2026-03-01,000123,Solenne,1,1,1000
        """,
    "stock.csv": """\
        retailer_id,units_on_hand,value_on_hand
        000123,13,13000
        000124,7,7000
        000200,3,2700
        """,
    "trade.csv": """\
        retailer_id,kind,start,spend,incremental_sellout
        000123,pos,2026-08-01,1000,4000
        000123,digital,2026-09-01,1000,2000
        000124,pos,2026-09-15,0,500
        """,
    "targets.csv": """\
        retailer_id,sellout_target
        000123,25000
        000124,5000
        """,
}

TINY_SPEC = {
    "season": {"code": "FW26", "name": "Fall-Winter 2026", "start": "2026-07-01", "end": "2026-12-31"},
    "maison": {"name": "Maison Orvelle"},
    "template": {"path": "master.pptx"},
    "brand": "brand.yaml",
    "sources": {
        "retailers": {"path": "retailers.csv", "dtypes": {"retailer_id": "str"}},
        "sales": {"path": "sales.csv", "dtypes": {"retailer_id": "str", "month": "date"}, "date_column": "month"},
        "stock": {"path": "stock.csv", "dtypes": {"retailer_id": "str"}},
        "trade": {"path": "trade.csv", "dtypes": {"retailer_id": "str", "start": "date"}, "date_column": "start"},
        "targets": {"path": "targets.csv", "dtypes": {"retailer_id": "str"}},
    },
    "retailers": "retailers",
    "kpis": {"sales": "sales", "stock": "stock", "trade": "trade", "targets": "targets"},
    "regions": [
        {"id": "CA", "name": "Canada", "languages": ["en", "fr"], "locales": {"en": "en_CA", "fr": "fr_CA"},
         "currency": "CAD"},
        {"id": "MX", "name": "Mexico", "languages": ["es"], "locales": {"es": "es_MX"}, "currency": "MXN"},
    ],
    "decks": [{"name": "market-meeting", "spec": "deck.yaml", "audience": "region"}],
    "labels": {"pos": "Point of sale", "digital": "Digital"},
}


def write_tiny_files(folder: Path) -> Path:
    """Return ``folder`` after writing the tiny season's CSV files into it."""
    for name, text in TINY_FILES.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture(scope="session", autouse=True)
def own_cache_dir(tmp_path_factory):
    """Keep the run stamps of `kitgen validate` in the session's folder, not in the user's ~/.cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("KITGEN_CACHE_DIR", str(tmp_path_factory.mktemp("kitgen-cache")))
    yield
    patch.undo()


@pytest.fixture
def tiny_spec() -> SeasonSpec:
    """Return the tiny season's validated spec."""
    return SeasonSpec.model_validate(TINY_SPEC)


@pytest.fixture
def tiny_store(tmp_path: Path, tiny_spec: SeasonSpec) -> DataStore:
    """Return a DataStore over the tiny season's CSVs in ``tmp_path``."""
    return DataStore(tiny_spec, write_tiny_files(tmp_path))


@pytest.fixture(scope="session")
def reduced_build(tmp_path_factory):
    """Return (BuildResult, out_dir) of one reduced sample-season build shared by the end-to-end tests.

    Decks: the CA market meeting and monthly call (en, fr), the MX ones (es) and the kit of a Quebec
    retailer (fr, en); its outline is the golden one (``tests/golden/reduced-outline.json``).
    """
    from generator.build.pipeline import BuildOptions, build_season

    out = tmp_path_factory.mktemp("reduced_build")
    options = BuildOptions(out_dir=out, regions=("CA", "MX"), only=("market-meeting", "retailer-kit", "monthly-call"),
                           retailers=(QUEBEC_RETAILER,))
    return build_season(SAMPLE_SEASON, options), out
