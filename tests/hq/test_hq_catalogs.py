"""HQ decks in the PO workflow: extract, update (a new HQ version), status, --strict."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from click.testing import CliRunner
from pptx import Presentation

from conftest import SAMPLE_SEASON
from generator.cli import cli
from generator.hq import carry_revised, revisions
from generator.i18n import read_catalog
from generator.translation import coverage, extract_messages
from generator.spec.season import load_season
from hq_helpers import sample_project

WHY = "hq/solenne-launch.pptx slide 2 'Title 1' (#2) paragraph 1"
RICH = "hq/solenne-launch.pptx slide 2 'Text Placeholder 2' (#3) paragraph 1"
CHART_TITLE = "hq/product-training.pptx slide 4 'Chart 4' (#5) title"


def test_extract_writes_each_paragraph_with_its_place():
    catalog = extract_messages(SAMPLE_SEASON)
    message = catalog.get("A <g1>moon-phase</g1> complication at an <g2>accessible</g2> price", RICH)
    assert message.locations == [("hq/solenne-launch.pptx", 2)]
    assert message.auto_comments == ["HQ deck solenne-launch (en), slide 2, text 'Text Placeholder 2' (#3), paragraph 1"]
    assert catalog.get("Unités par version, premier trimestre", CHART_TITLE) is not None


def test_a_deck_written_in_french_is_translated_into_english_and_spanish_only():
    locale = SAMPLE_SEASON / "locale"
    english, french = read_catalog(locale / "en.po", "en"), read_catalog(locale / "fr.po", "fr")
    assert english.get("Unités par version, premier trimestre", CHART_TITLE).string == "Units per version, first quarter"
    assert french.get("Unités par version, premier trimestre", CHART_TITLE) is None
    assert all(m.context for m in english if m.id)  # en.po holds no spec strings: they are English already


def test_status_counts_the_hq_decks_and_the_sample_is_complete():
    result = coverage(SAMPLE_SEASON)
    assert result.decks["en"] == {"product-training": result.languages["en"]}
    assert result.decks["fr"]["solenne-launch"].translated == 11
    assert result.decks["es"]["product-training"].translated == 35
    assert result.complete


def _revise(deck: Path, old: str, new: str) -> None:
    prs = Presentation(str(deck))
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text == old:
                shape.text_frame.paragraphs[0].runs[0].text = new
    prs.save(str(deck))


def test_a_new_hq_version_keeps_unchanged_translations_and_marks_changed_ones_fuzzy(tmp_path):
    season = sample_project(tmp_path)
    _revise(season / "hq" / "solenne-launch.pptx", "Why Solenne matters", "Why Solenne matters this winter")
    runner = CliRunner()
    assert runner.invoke(cli, ["i18n", "extract", str(season)]).exit_code == 0
    assert runner.invoke(cli, ["i18n", "update", str(season)]).exit_code == 0
    french = read_catalog(season / "locale" / "fr.po", "fr")
    revised = french.get("Why Solenne matters this winter", WHY)
    assert (revised.string, revised.fuzzy) == ("Pourquoi Solenne compte", True)
    kept = french.get("The Solenne window", "hq/solenne-launch.pptx slide 3 'Title 1' (#2) paragraph 1")
    assert (kept.string, kept.fuzzy) == ("La vitrine Solenne", False)
    status = runner.invoke(cli, ["i18n", "status", str(season)])
    assert "  solenne-launch               10      1        0     11   90.9%" in status.output
    strict = runner.invoke(cli, ["build", str(season), "--out", str(tmp_path / "out"), "--only", "solenne-launch",
                                 "--region", "CA", "--strict", "--no-kits", "--no-report"])
    assert strict.exit_code == 1
    assert "'fr' translation only fuzzy for slide 2 'Why Solenne matters this winter'" in strict.output


def test_a_revised_paragraph_is_carried_by_its_place_even_without_fuzzy_matching():
    season = load_season(SAMPLE_SEASON)
    catalog = Catalog(locale="fr")
    catalog.add("Why Solenne matters", "Pourquoi Solenne compte", context=WHY)
    template = Catalog()
    template.add("Solenne, in short", context=WHY)  # nothing alike: difflib would never pair them
    revised = revisions(catalog, season)
    catalog.update(template, no_fuzzy_matching=True)
    assert carry_revised(catalog, revised) == 1
    message = catalog.get("Solenne, in short", WHY)
    assert (message.string, message.fuzzy, message.previous_id) == ("Pourquoi Solenne compte", True, ["Why Solenne matters"])
    assert not catalog.obsolete
