"""`kitgen validate`: exit codes, every finding at once, JSON output, strict mode; build validates first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from validate_cases import make_case

from generator.build.builder import DeckBuilder
from generator.build.pipeline import BuildOptions, build_season
from generator.cli import cli
from generator.errors import SpecError
from generator.validation import check_season

REPO = Path(__file__).resolve().parents[2]


def _season(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    season, _ = make_case(None, tmp_path)
    for file, pairs in edits.items():
        text = (season / file).read_text("utf-8")
        for old, new in pairs:
            text = text.replace(old, new, 1)
        (season / file).write_text(text, "utf-8")
    return season


TWO_MISTAKES = {"decks/meeting.yaml": [("    title: Doors", "    titel: Doors"),
                                       ("group_by: [collection]", "group_by: [colection]")],
                "season.yaml": [("locales: {en: en_US}", "locales: {en: en_XX}")]}


def test_sample_season_is_clean():
    result = CliRunner().invoke(cli, ["validate", str(REPO / "decks" / "fw26")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("0 error(s)")


def test_every_problem_is_reported_sorted_with_its_line(tmp_path, monkeypatch):
    season = _season(tmp_path, TWO_MISTAKES)
    monkeypatch.chdir(season)
    result = CliRunner().invoke(cli, ["validate"  , "."])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if not line.startswith(" ")]
    assert lines == [
        "decks/meeting.yaml:21:5: slides[2].titel: unknown key (did you mean 'title'?)",
        "season.yaml:34:15: regions[1].locales.en: unknown locale 'en_XX' (e.g. en_CA)",
        "2 error(s), 0 warning(s)",
    ]
    assert "    21 |     titel: Doors" in result.output


def test_cross_checks_run_on_decks_that_load(tmp_path, monkeypatch):
    season = _season(tmp_path, {"decks/meeting.yaml": [("group_by: [collection]", "group_by: [colection]")]})
    monkeypatch.chdir(season)
    result = CliRunner().invoke(cli, ["validate", "."])
    assert "unknown column 'colection' (did you mean 'collection'?)" in result.output


def test_json_format(tmp_path, monkeypatch):
    season = _season(tmp_path, TWO_MISTAKES)
    monkeypatch.chdir(season)
    result = CliRunner().invoke(cli, ["validate", ".", "--format", "json"])
    rows = json.loads(result.output)
    assert rows[0] == {"file": "decks/meeting.yaml", "line": 21, "column": 5, "key": "slides[2].titel",
                       "message": "unknown key", "hint": "did you mean 'title'?", "severity": "error"}


def test_warnings_pass_unless_strict(tmp_path, monkeypatch):
    season = _season(tmp_path, {"season.yaml": [("    languages: [en]\n    locales: {en: en_CA}",
                                                 "    languages: [en, fr]\n    locales: {en: en_CA, fr: fr_CA}")]})
    monkeypatch.chdir(season)
    relaxed = CliRunner().invoke(cli, ["validate", "."])
    strict = CliRunner().invoke(cli, ["validate", ".", "--strict"])
    assert relaxed.exit_code == 0 and "warning: no 'fr' catalog" in relaxed.output
    assert strict.exit_code == 1 and "0 warning(s)" in strict.output


def test_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(cli, ["validate", str(tmp_path / "missing")]).exit_code == 2
    assert CliRunner().invoke(cli, ["validate", ".", "--format", "xml"]).exit_code == 2


def test_one_spec_file_reports_only_its_problems(tmp_path, monkeypatch):
    season = _season(tmp_path, TWO_MISTAKES)
    monkeypatch.chdir(season)
    result = CliRunner().invoke(cli, ["validate", "decks/meeting.yaml"])
    assert result.exit_code == 1
    assert "season.yaml" not in result.output and "titel" in result.output


def test_spec_file_without_season_is_checked_alone(tmp_path, monkeypatch):
    (tmp_path / "deck.yaml").write_text("title: x\nslides:\n  - role: bullet\n    bullets: [a]\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "deck.yaml"])
    assert result.output.startswith("deck.yaml:3:5: slides[0].role: 'bullet' is not a slide role (did you mean 'bullets'?")


def test_build_validates_first_and_writes_nothing(tmp_path):
    season = _season(tmp_path, {"decks/meeting.yaml": [("group_by: [collection]", "group_by: [colection]")]})
    out = tmp_path / "out"
    with pytest.raises(SpecError, match="unknown column 'colection'"):
        build_season(season, BuildOptions(out))
    assert not out.exists()


def test_a_checked_season_hands_over_the_data_and_master_it_loaded(tmp_path):
    season, _ = make_case(None, tmp_path)
    checked = check_season(season)
    assert checked.store is not None and checked.master is not None
    retailers = checked.season.spec.retailers
    assert checked.store.frame(retailers) is checked.store.frame(retailers)  # read once, by validation
    builder = DeckBuilder(checked.season, store=checked.store, master=checked.master)
    assert builder.store is checked.store and builder.master is checked.master


def test_check_season_raises_on_errors(tmp_path):
    with pytest.raises(SpecError):
        check_season(_season(tmp_path, TWO_MISTAKES))


FRENCH = {"season.yaml": [("    languages: [en]\n    locales: {en: en_CA}",
                           "    languages: [en, fr]\n    locales: {en: en_CA, fr: fr_CA}")]}
FR_PO = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Canada"\nmsgstr "Canada"\n\n#, fuzzy\nmsgid "Mexico"\nmsgstr "Mexique"\n'


def _french_season(tmp_path: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    season = _season(tmp_path, {**FRENCH, **edits})
    (season / "locale").mkdir()
    (season / "locale" / "fr.po").write_text(FR_PO, "utf-8")
    return season


def test_errors_come_first_and_missing_translations_are_counted_per_language(tmp_path, monkeypatch):
    from generator.translation import collect_texts
    from generator.spec.season import load_season

    season = _french_season(tmp_path, {"decks/meeting.yaml": [("    title: Doors", "    titel: Doors")]})
    monkeypatch.chdir(season)
    runs = [CliRunner().invoke(cli, ["validate", "."]).output for _ in range(2)]
    assert runs[0] == runs[1]
    clean = load_season(_season(tmp_path / "clean", FRENCH))
    # each message once by msgid and msgctxt (a region name's place forms are messages of their own);
    # Canada translated, Mexico fuzzy, Doors now under "titel"
    missing = len({t.ident for t in collect_texts(clean)}) - 3
    hint = "run 'kitgen i18n update' on the season folder and translate the new entries"
    assert [line for line in runs[0].splitlines() if not line.startswith(" ")] == [
        "decks/meeting.yaml:21:5: slides[2].titel: unknown key (did you mean 'title'?)",
        f"locale/fr.po: warning: {missing} text(s) with no 'fr' translation ({hint}; "
        "'kitgen validate --verbose' lists them)",
        f"locale/fr.po: warning: 1 text(s) with only a fuzzy 'fr' translation ({hint}; "
        "'kitgen validate --verbose' lists them)",
        f"1 error(s), {missing + 1} warning(s)",
    ]


def test_verbose_lists_each_missing_translation_once(tmp_path, monkeypatch):
    season = _french_season(tmp_path, {})
    monkeypatch.chdir(season)
    output = CliRunner().invoke(cli, ["validate", ".", "--verbose"]).output
    assert "  season.yaml:32: 'fr' translation only fuzzy for 'Mexico'" in output.splitlines()
    assert output.count("for 'Fall-Winter 2026'") == 1 and "--verbose' lists them" not in output


DOOR_SLIDES = """
  - role: section
    repeat: {source: retailers, filter: {region_id: CA}, as: door}
    title: "{{ door.name }}: {{ door.tier }}"
"""


def test_codes_in_text_need_labels_and_labels_silence_the_warning(tmp_path, monkeypatch):
    season = _season(tmp_path, {})
    (season / "decks" / "meeting.yaml").write_text((season / "decks" / "meeting.yaml").read_text() + DOOR_SLIDES)
    monkeypatch.chdir(season)
    output = CliRunner().invoke(cli, ["validate", "."]).output
    assert output.splitlines()[0] == ("decks/meeting.yaml:32:5: slides[3].title: warning: column 'tier' of "
                                      "'retailers' shows codes without a label: flagship, focus "
                                      "(add them under 'labels:' in season.yaml, e.g. flagship: Flagship)")
    with (season / "season.yaml").open("a") as handle:
        handle.write("labels: {flagship: Flagship, focus: Focus door}\n")
    assert CliRunner().invoke(cli, ["validate", ".", "--strict"]).output == "0 error(s), 0 warning(s)\n"
