"""Retailer kits: decks per language, assets by tier, localized checklist workbook, index; reproducible."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import QUEBEC_RETAILER, SAMPLE_SEASON

from generator.delivery.checklist import ChecklistRow, RetailerPlan, checklist_rows
from generator.delivery.kits import KitMaker
from generator.i18n.localize import Catalogs, LocaleContext, TextRenderer
from generator.spec import load_season
from generator.spec.model import ChecklistSpec

FR_CATALOG = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Section"
msgstr "Rubrique"

msgid "Window display"
msgstr "Vitrine"

msgid "Presentations"
msgstr "Présentations"
'''


@pytest.fixture(scope="module")
def kit(reduced_build):
    result, _ = reduced_build
    maker = KitMaker(load_season(SAMPLE_SEASON))
    kits = maker.kits(result.decks, {})
    assert [k.retailer_id for k in kits] == [QUEBEC_RETAILER]  # market meetings make no kit
    return maker, kits[0], zipfile.ZipFile(io.BytesIO(kits[0].data))


def test_kit_holds_decks_per_language_assets_checklist_and_index(kit):
    _, made, archive = kit
    names = set(archive.namelist())
    assert made.output == f"kits/{QUEBEC_RETAILER}.zip"
    for lang in ("en", "fr"):
        assert {f"{lang}/{QUEBEC_RETAILER}-partner-kit.pptx", f"{lang}/checklist.xlsx", f"{lang}/README.txt"} <= names
    assert not any(n.endswith(".pdf") for n in names)  # no PDFs without --pdf


def test_assets_follow_the_tier(kit):
    maker, _, archive = kit
    tier = maker.retailer(QUEBEC_RETAILER)["tier"]
    expected = {f"assets/{maker.visual(a, language).name}" for a in maker.brand.assets if tier in a.tiers
                for language in ("en", "fr")}  # the retailer's languages: a visual with words in each
    assert expected and {n for n in archive.namelist() if n.startswith("assets/")} == expected
    assert len({maker.visual(a, "en") for a in maker.brand.assets if tier in a.tiers}) < len(maker.brand.assets) \
        or tier == "flagship"


def test_checklist_lists_windows_pos_and_trainings_with_dates(kit):
    _, _, archive = kit
    sheet = openpyxl.load_workbook(io.BytesIO(archive.read("en/checklist.xlsx"))).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert sheet.cell(2, 1).value == "Section"
    assert {r[0] for r in rows} == {"Window display", "Point-of-sale materials", "Training"}
    assert any(r[0] == "Training" and r[2] for r in rows)  # sessions carry their date


def test_checklist_and_index_are_translated(tmp_path: Path, reduced_build):
    result, _ = reduced_build
    (tmp_path / "fr.po").write_text(FR_CATALOG, encoding="utf-8")
    maker = KitMaker(load_season(SAMPLE_SEASON))
    maker.catalogs = Catalogs(tmp_path)
    french = [d for d in result.decks if d.job.audience == "retailer" and d.job.language == "fr"]
    archive = zipfile.ZipFile(io.BytesIO(maker.kit(QUEBEC_RETAILER, french, {}).data))
    sheet = openpyxl.load_workbook(io.BytesIO(archive.read("fr/checklist.xlsx"))).active
    assert sheet.cell(2, 1).value == "Rubrique"
    assert any(row[0] == "Vitrine" for row in sheet.iter_rows(min_row=3, values_only=True))
    assert "Présentations:" in archive.read("fr/README.txt").decode("utf-8")
    assert not any(name.startswith("en/") for name in archive.namelist())


def test_kits_are_reproducible(reduced_build, kit):
    result, _ = reduced_build
    _, made, _ = kit
    again = KitMaker(load_season(SAMPLE_SEASON)).kits(result.decks, {})[0]
    assert again.data == made.data


def test_a_kit_made_from_the_same_inputs_is_kept(reduced_build, kit, tmp_path):
    """The kit's zip comment hashes its inputs: an unchanged kit is neither made nor written again."""
    import dataclasses

    result, _ = reduced_build
    _, made, _ = kit
    (tmp_path / "kits").mkdir()
    (tmp_path / made.output).write_bytes(made.data)
    again = KitMaker(load_season(SAMPLE_SEASON), tmp_path).kits(result.decks, {})[0]
    assert again.kept and again.data == b"" and again.members == made.members

    changed = [dataclasses.replace(d, data=d.data + b" ") if d.job.audience == "retailer" else d for d in result.decks]
    remade = KitMaker(load_season(SAMPLE_SEASON), tmp_path).kits(changed, {})[0]
    assert not remade.kept and remade.data != made.data


def test_another_xlsxwriter_or_babel_makes_the_kit_again(reduced_build, kit, tmp_path, monkeypatch):
    """The checklist's bytes come from xlsxwriter and its dates from Babel: their versions are inputs too."""
    import generator.cache_key as recipe

    result, _ = reduced_build
    _, made, _ = kit
    (tmp_path / "kits").mkdir()
    (tmp_path / made.output).write_bytes(made.data)
    real = recipe.installed_version
    monkeypatch.setattr(recipe, "environment", recipe.environment.__wrapped__)  # the versions read at each key
    for library in ("xlsxwriter", "babel"):
        monkeypatch.setattr(recipe, "installed_version", lambda d, lib=library: "0.0" if d == lib else real(d))
        assert not KitMaker(load_season(SAMPLE_SEASON), tmp_path).kits(result.decks, {})[0].kept
    monkeypatch.setattr(recipe, "installed_version", real)
    assert KitMaker(load_season(SAMPLE_SEASON), tmp_path).kits(result.decks, {})[0].kept


def test_checklist_rows_sort_by_section_then_date():
    spec = ChecklistSpec(tasks={"window": ["Photograph the window"]})
    renderer = TextRenderer(LocaleContext("en", "en_US", "USD"), Catalogs(Path("/nonexistent")))
    plan = RetailerPlan((("pos", "Counter card"), ("window", "Lightbox")),
                        ({"kind": "window", "name": "Autumn window", "start": None},),
                        ({"topic": "Moonphase", "date": None},))
    rows = checklist_rows(spec, plan, renderer, {})
    assert [r.section for r in rows] == ["window", "window", "window", "pos", "training"]
    assert ChecklistRow("pos", "Install: Counter card") in rows
