"""Data text: values of the columns a source declares ``translate`` are messages (msgctxt
``source.column``), counted by status and --strict, and shown translated in tables, charts,
repeated slides and checklists; ``keep`` columns stay as written."""

from __future__ import annotations

import io
import shutil
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner
from pptx import Presentation

from conftest import QUEBEC_RETAILER, ROOT, SAMPLE_SEASON, TINY_SPEC, write_tiny_files
from generator.cli import cli
from generator.data.bindings import DataStore
from generator.data.kpis import compute_kpis
from generator.delivery.kits import KitMaker
from generator.i18n import read_catalog, save_catalog
from generator.translation import collect_texts, coverage, extract_messages
from generator.i18n.data_text import data_values, translated_columns
from generator.i18n.localize import Catalogs, LocaleContext, TextRenderer
from generator.resolve.slides import DeckContext, repeat_records, resolve_deck
from generator.spec.loader import load_yaml
from generator.spec.model import DeckSpec, SeasonSpec
from generator.spec.season import load_season
from generator.spec.validate import validate_document

FR_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "trade.kind"
msgid "pos"
msgstr "PLV"

msgid "pos"
msgstr "point de vente (sans contexte)"
"""
CA_FR = LocaleContext("fr", "fr_CA", "CAD")


def _tiny(folder: Path, **sources) -> tuple[SeasonSpec, Catalogs]:
    """Return the tiny season with ``sources`` overrides, and its catalogs (one French entry in context)."""
    write_tiny_files(folder)
    (folder / "locale").mkdir(exist_ok=True)
    (folder / "locale" / "fr.po").write_text(FR_PO, encoding="utf-8")
    spec = SeasonSpec.model_validate({**TINY_SPEC, "sources": {**TINY_SPEC["sources"], **sources}})
    return spec, Catalogs(folder / "locale", translated_columns(spec.sources))


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[SeasonSpec, Catalogs]:
    trade = {**TINY_SPEC["sources"]["trade"], "translate": ["kind"]}
    return _tiny(tmp_path, trade=trade)


# ------------------------------------------------------------------ renderer
def test_only_declared_columns_are_translated_in_their_context(tiny):
    _, catalogs = tiny
    renderer = TextRenderer(CA_FR, catalogs)
    frame = pd.DataFrame({"kind": ["pos", "digital", "pos"], "other": ["pos"] * 3, "spend": [1, 2, 3]})
    shown = renderer.data_frame("trade", frame)
    assert list(shown["kind"]) == ["PLV", "digital", "PLV"]  # the msgctxt entry, not the bare 'pos'
    assert list(shown["other"]) == ["pos"] * 3 and list(frame["kind"]) == ["pos", "digital", "pos"]
    assert renderer.data_frame("sales", frame) is frame  # a source that translates nothing
    assert catalogs.missing == {"fr": {"digital [trade.kind]"}}


def test_english_is_the_source_language(tiny):
    _, catalogs = tiny
    renderer = TextRenderer(LocaleContext("en", "en_CA", "CAD"), catalogs)
    record = {"kind": "pos", "spend": 3}
    assert renderer.data_record("trade", record) is record and not catalogs.missing


def test_records_keep_numbers_and_blanks(tiny):
    _, catalogs = tiny
    renderer = TextRenderer(CA_FR, catalogs)
    assert renderer.data_record("trade", {"kind": "pos", "spend": 3}) == {"kind": "PLV", "spend": 3}
    blank = renderer.datum("trade", "kind", float("nan"))
    assert blank != blank  # NaN stays NaN


def test_data_values_are_distinct_in_first_row_order():
    frame = pd.DataFrame({"topic": ["B", None, "A", "B", "{{ x }}", "42"]})
    found = [(v.text, v.row, v.context) for v in data_values("trainings", ("topic", "absent"), frame)]
    assert found == [("B", 0, "trainings.topic"), ("A", 2, "trainings.topic")]


# ------------------------------------------------------------------ resolve
def test_a_deck_filters_on_the_data_as_written_and_shows_it_translated(tiny, tmp_path):
    spec, catalogs = tiny
    store = DataStore(spec, tmp_path)
    deck_file = tmp_path / "deck.yaml"
    deck_file.write_text(textwrap.dedent("""\
        title: Kit
        slides:
          - role: table
            title: Activations
            table:
              data: {source: trade, filter: {kind: pos}}
              columns: [{column: kind, label: Type}]
          - role: section
            repeat: {source: trade, filter: {kind: pos}, as: a}
            when: "a.kind == 'pos'"
            title: "{{ a.kind }}"
          - role: chart
            title: Spend
            chart:
              type: bar
              data: {source: trade, group_by: [kind], aggregate: {spend: sum}}
              x: kind
              series: [{column: spend}]
        """), encoding="utf-8")
    deck, findings = validate_document(load_yaml(deck_file), DeckSpec)
    assert not findings
    ctx = DeckContext(store, TextRenderer(CA_FR, catalogs), {}, {}, None, tmp_path,
                      repeat_records(store, []), lambda rid: compute_kpis(store, {"retailer_id": rid}))
    table, first, second, chart = resolve_deck(deck, ctx)
    assert table.table.rows == (("PLV",), ("PLV",))
    assert first.title == second.title == "PLV"  # `when` compared the value as written
    assert chart.chart.categories == ("digital", "PLV")


# ------------------------------------------------------------------ catalogs
def test_the_sample_season_extracts_its_data_text_with_context_and_location():
    catalog = extract_messages(SAMPLE_SEASON)
    topic = catalog.get("After-sales and warranty", "trainings.topic")
    assert topic.locations == [("data/trainings.csv", 2)]
    assert topic.auto_comments == ["data source trainings, column topic"]
    assert catalog.get("Trunk show with master watchmaker", "competitors.initiative") is not None
    texts = collect_texts(load_season(SAMPLE_SEASON))
    data = [t for t in texts if t.unit == "data"]  # other messages have a msgctxt of their own (place forms)
    assert data and not [t for t in data if t.msgctxt.split(".")[1] in ("trainer", "competitor", "city")]


def test_the_sample_season_translates_every_data_text():
    result = coverage(SAMPLE_SEASON)
    for language in ("fr", "es"):
        data = result.decks[language]["data"]
        assert data.total == 65 and data.translated == data.total


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """Return a writable copy of the sample season, its template and brand beside it as in the repository."""
    (tmp_path / "pyproject.toml").write_text("")
    for shared in ("templates", "brand_assets"):
        shutil.copytree(ROOT / shared, tmp_path / shared)  # copies: a link out of the project is refused
    return Path(shutil.copytree(SAMPLE_SEASON, tmp_path / "decks" / "fw26"))


def test_a_data_value_without_translation_fails_strict(sample_copy):
    po = sample_copy / "locale" / "fr.po"
    catalog = read_catalog(po, "fr")
    catalog.delete("After-sales and warranty", context="trainings.topic")
    save_catalog(catalog, po)
    result = CliRunner().invoke(cli, ["validate", str(sample_copy), "--strict", "--verbose"])
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        f"{sample_copy}/locale/fr.po: 1 text(s) with no 'fr' translation "
        "(run 'kitgen i18n update' on the season folder and translate the new entries)",
        f"  {sample_copy}/data/trainings.csv:2: 'fr' translation missing for 'After-sales and warranty' "
        "(msgctxt trainings.topic)"]
    status = CliRunner().invoke(cli, ["i18n", "status", str(sample_copy)])
    assert status.exit_code == 1 and "  data                         64      0        1     65" in status.output


def test_update_adds_a_new_data_value_to_every_catalog(sample_copy):
    trainings = sample_copy / "data" / "trainings.csv"
    trainings.write_text(trainings.read_text(encoding="utf-8") +
                         "TR26-9999,003102,CA,2026-12-01,Caring for a perpetual calendar,in-store,Evan Holloway,4\n",
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["i18n", "update", str(sample_copy)])
    assert result.exit_code == 0, result.output
    for language in ("fr", "es"):
        message = read_catalog(sample_copy / "locale" / f"{language}.po", language).get(
            "Caring for a perpetual calendar", "trainings.topic")
        assert message is not None and message.locations == [("data/trainings.csv", 83)]


# ------------------------------------------------------------------ decks and kits
def _texts(deck: Path) -> str:
    prs = Presentation(deck)
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def test_french_and_spanish_decks_show_data_text_translated(reduced_build):
    _, out = reduced_build
    french, spanish = _texts(out / "fr" / "CA-market-meeting.pptx"), _texts(out / "es" / "MX-market-meeting.pptx")
    english = _texts(out / "en" / "CA-market-meeting.pptx")
    assert "After-sales and warranty" in english and "Service après-vente et garantie" in french
    assert "Servicio posventa y garantía" in spanish
    for words in ("After-sales and warranty", "Trunk show with master watchmaker", "Extended warranty offer"):
        assert words not in french and words not in spanish
    assert "Horlogerie Brante" in french  # a competitor's own name is kept as written


def test_the_french_checklist_shows_training_topics_translated(reduced_build):
    result, _ = reduced_build
    kit = KitMaker(load_season(SAMPLE_SEASON)).kits(result.decks, {})[0]
    sheet = openpyxl.load_workbook(io.BytesIO(zipfile.ZipFile(io.BytesIO(kit.data)).read("fr/checklist.xlsx"))).active
    sessions = "Séance de formation\u00a0: "
    topics = [row[1].removeprefix(sessions) for row in sheet.iter_rows(min_row=3, values_only=True)
              if row[0] == "Formation" and row[1].startswith(sessions)]
    assert "La complication phases de lune Solenne" in topics
    assert not set(topics) & set(pd.read_csv(SAMPLE_SEASON / "data" / "trainings.csv")["topic"])
