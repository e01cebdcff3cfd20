"""Translator workflow: extract (POT with locations and context), update (fuzzy), coverage, plurals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.i18n import catalog_bytes, read_catalog
from generator.translation import Counts, collect_texts, coverage, extract_messages, update_catalogs
from generator.i18n.localize import Catalogs, LocaleContext, TextRenderer
from generator.spec.season import load_season

FIXTURE = Path(__file__).parents[1] / "fixtures" / "i18n" / "season"
PLURAL_NOTE = "{% trans count=kpi.doors %}{{ count }} door{% pluralize %}{{ count }} doors{% endtrans %}"


@pytest.fixture()
def season_copy(tmp_path: Path) -> Path:
    """Return a writable copy of the fixture season."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "season"))


def _shared_units_missing() -> int:
    """Return how many messages come from kitgen itself (project words, kit defaults): all missing in the fixture."""
    texts = collect_texts(load_season(FIXTURE))
    return len({t.key for t in texts if t.unit in ("kit", "kitgen")})


# ------------------------------------------------------------------ extract
def test_extract_has_locations_and_context() -> None:
    catalog = extract_messages(FIXTURE)
    welcome = catalog.get("Welcome")
    assert welcome.locations == [("decks/meeting.yaml", 4)]
    assert welcome.auto_comments == ["deck meeting, slide 1 (title), key title"]
    assert catalog.get("Sales").auto_comments == ["deck meeting, slide 3 (kpi), key kpis[0].label"]
    assert catalog.get("Canada").locations == [("season.yaml", 20)]
    assert catalog.get("Window").auto_comments == ["label of data code 'window'"]
    assert catalog.get("Lobby poster").locations == [("brand.yaml", 6)]
    assert catalog.get("(continued)") is not None  # kitgen's own words


def test_extract_skips_placeholders_and_takes_plural_pairs() -> None:
    catalog = extract_messages(FIXTURE)
    ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}
    assert "{{ region.name }}" not in ids and "{{ kpi.sellout | money }}" not in ids
    assert PLURAL_NOTE not in ids
    assert ("%(count)s door", "%(count)s doors") in ids
    assert "msgid_plural" in catalog_bytes(catalog).decode()


def test_sample_season_extracts_every_deck() -> None:
    units = {t.unit for t in collect_texts(load_season(FIXTURE.parents[3] / "decks" / "fw26"))}
    assert {"market-meeting", "retailer-kit", "season", "brand", "kitgen"} <= units


# ------------------------------------------------------------------ update
def test_update_keeps_translations_and_marks_changed_source_fuzzy(season_copy: Path) -> None:
    deck = season_copy / "decks" / "meeting.yaml"
    deck.write_text(deck.read_text().replace("title: Welcome", "title: Welcome all"))
    stats = update_catalogs(season_copy, extract_messages(season_copy))
    french = read_catalog(season_copy / "locale" / "fr.po", "fr")
    assert french.get("Canada").string == "Canada" and not french.get("Canada").fuzzy
    changed = french.get("Welcome all")
    assert changed.fuzzy and changed.string == "Bienvenue"
    assert set(french.obsolete) == {"Old text", "Unused"}  # kept as #~
    fuzzy = {m.id for m in french if m.id and m.fuzzy}
    assert {"Welcome all", "Agenda", "Lobby poster"} <= fuzzy and stats["fr"].fuzzy == len(fuzzy)
    assert stats["es"].added == stats["es"].total  # es.po is created
    assert (season_copy / "locale" / "es.po").is_file()


def test_update_leaves_new_strings_empty(season_copy: Path) -> None:
    """A string added elsewhere gets no near-match guess ("Sales review" is no translation of "Sales reviews")."""
    deck = season_copy / "decks" / "meeting.yaml"
    deck.write_text(deck.read_text() + "  - role: bullets\n    title: Next seasons\n    bullets: [Sales reviews, Tier]\n")
    update_catalogs(season_copy, extract_messages(season_copy))
    french = read_catalog(season_copy / "locale" / "fr.po", "fr")
    for new in ("Next seasons", "Sales reviews", "Tier"):
        assert french.get(new).string == "" and not french.get(new).fuzzy, new
    assert french.get("Next season").string == "Saison prochaine"


def test_update_command_says_what_is_new(season_copy: Path) -> None:
    deck = season_copy / "decks" / "meeting.yaml"
    deck.write_text(deck.read_text().replace("title: Welcome", "title: Welcome all") + "  - role: section\n    title: Tier\n")
    outcome = CliRunner().invoke(cli, ["i18n", "update", str(season_copy)])
    assert outcome.exit_code == 0, outcome.output
    french_line = outcome.output.splitlines()[1]
    assert french_line.startswith("fr: ") and french_line.endswith(" new, 3 fuzzy, 2 obsolete")  # Welcome all, Agenda, Lobby poster
    assert '#, fuzzy\n#| msgid "Welcome"\nmsgid "Welcome all"\nmsgstr "Bienvenue"' in (season_copy / "locale" / "fr.po").read_text()


# ------------------------------------------------------------------ coverage
def test_coverage_counts_are_exact() -> None:
    result = coverage(FIXTURE)
    decks = result.decks["fr"]
    assert decks["meeting"] == Counts(translated=5, fuzzy=1, missing=2)
    forms = 1 + 2 * 4  # the season code as readers see it, and the four place forms of each region's name
    assert decks["season"] == Counts(translated=3, fuzzy=0, missing=1 + forms)
    assert decks["brand"] == Counts(translated=0, fuzzy=1, missing=0)
    assert result.languages["fr"] == Counts(translated=8, fuzzy=2, missing=3 + forms + _shared_units_missing())
    assert result.languages["es"].translated == 0 and not result.complete
    assert result.as_dict()["fr"]["decks"]["meeting"]["percent"] == 62.5


def test_sample_season_is_fully_translated() -> None:
    result = coverage(FIXTURE.parents[3] / "decks" / "fw26")
    assert result.complete, result.as_dict()
    assert set(result.languages) == {"en", "fr", "es"}  # en.po: the HQ deck written in French


def test_status_command_json(season_copy: Path) -> None:
    outcome = CliRunner().invoke(cli, ["i18n", "status", str(season_copy), "--format", "json"])
    assert outcome.exit_code == 1  # incomplete
    assert json.loads(outcome.output)["fr"]["decks"]["meeting"]["fuzzy"] == 1


def test_extract_command_writes_pot(season_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.pot"
    outcome = CliRunner().invoke(cli, ["i18n", "extract", str(season_copy), "--output", str(target)])
    assert outcome.exit_code == 0, outcome.output
    assert "#: decks/meeting.yaml:4" in target.read_text()


# ------------------------------------------------------------------ plurals
@pytest.mark.parametrize(("language", "locale", "count", "expected"), [
    ("en", "en_CA", 1, "1 door"), ("en", "en_CA", 3, "3 doors"),
    ("fr", "fr_CA", 1, "1 boutique"), ("fr", "fr_CA", 0, "0 boutique"), ("fr", "fr_CA", 3, "3 boutiques"),
])
def test_plural_through_catalogs(language: str, locale: str, count: int, expected: str) -> None:
    renderer = TextRenderer(LocaleContext(language, locale, "CAD"), Catalogs(FIXTURE / "locale"))
    assert renderer.text(PLURAL_NOTE, {"kpi": {"doors": count}}) == expected


def test_sample_plural_activations() -> None:
    note = ("{% trans count=door_kpi.activations %}{{ count }} activation{% pluralize %}"
            "{{ count }} activations{% endtrans %}")
    catalogs = Catalogs(FIXTURE.parents[3] / "decks" / "fw26" / "locale")
    english = TextRenderer(LocaleContext("en", "en_US", "USD"), catalogs)
    spanish = TextRenderer(LocaleContext("es", "es_MX", "MXN"), catalogs)
    assert [english.text(note, {"door_kpi": {"activations": n}}) for n in (1, 3)] == ["1 activation", "3 activations"]
    assert [spanish.text(note, {"door_kpi": {"activations": n}}) for n in (1, 3)] == ["1 activación", "3 activaciones"]
    assert not catalogs.missing


def test_untranslated_plural_falls_back_and_is_recorded(tmp_path: Path) -> None:
    catalogs = Catalogs(FIXTURE / "locale")
    renderer = TextRenderer(LocaleContext("es", "es_MX", "MXN"), catalogs)  # no es.po in the fixture
    assert renderer.text(PLURAL_NOTE, {"kpi": {"doors": 2}}) == "2 doors"
    assert catalogs.missing == {"es": {"%(count)s door"}}


# ------------------------------------------------------------------ strict gate
def test_strict_build_passes_with_complete_catalogs(tmp_path: Path) -> None:
    sample = FIXTURE.parents[3] / "decks" / "fw26"
    outcome = CliRunner().invoke(cli, ["build", str(sample), "--out", str(tmp_path / "out"), "--region", "MX",
                                       "--only", "market-meeting", "--strict"])
    assert outcome.exit_code == 0, outcome.output
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["missing_translations"] == {}
