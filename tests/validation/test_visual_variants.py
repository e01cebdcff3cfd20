"""Language variants of visuals: ``visual.fr.png`` is placed in French decks, HQ swaps and kits; a visual
with words that lacks the variant of a deck language is a finding (an error for French in Quebec)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MASTER, MASTER_PROFILE, ROOT
from validate_cases import make_case

from generator.cli import cli
from generator.fill import Look, fill_deck
from generator.hq.build import HqLocalizer
from generator.i18n import Catalogs, LocaleContext, TextRenderer
from generator.resolve.content import SlideContent
from generator.spec import localized_file, variant_file
from generator.spec.profile import load_profile
from generator.template import load_master

CAMPAIGN = ROOT / "brand_assets" / "campaign"
LOOK = Look(ink="#1B2430", gold="#B08D57", ivory="#F6F1E7", stone="#D9D2C5", slate="#5B6573",
            positive="#2E7D5B", negative="#A8433A", heading_font="Caladea", body_font="Carlito")
QUEBEC_LINE = ("../brand_assets/brand.yaml:58:5: assets[2].text: campaign/veyrac_counter_card.png carries text but "
               "has no French variant campaign/veyrac_counter_card.fr.png (Quebec's Charter of the French language "
               "requires point-of-sale material in French)")
SPANISH_LINE = ("../brand_assets/brand.yaml:52:5: assets[1].text: warning: campaign/solenne_window.png carries text "
                "but has no Spanish variant campaign/solenne_window.es.png (draw it in that language and save it "
                "beside the file)")


def test_localized_file_picks_the_variant_of_the_language(tmp_path):
    visual = tmp_path / "visual.png"
    visual.write_bytes(b"en")
    (tmp_path / "visual.fr.png").write_bytes(b"fr")
    assert variant_file(visual, "es") == tmp_path / "visual.es.png"
    assert localized_file(visual, "fr") == tmp_path / "visual.fr.png"
    assert localized_file(visual, "es") == visual  # no Spanish drawing: the file itself
    assert localized_file(visual, "en") == visual


def test_the_sample_brand_ships_french_and_spanish_visuals():
    from generator.spec import load_brand

    brand, folder = load_brand(ROOT / "brand_assets" / "brand.yaml")
    with_text = [a for a in brand.assets if a.text]
    assert len(with_text) == 7 and [a.id for a in brand.assets if not a.text] == ["vitrine_lightbox"]
    for asset in with_text:
        for language in ("fr", "es"):
            variant = variant_file(folder / asset.file, language)
            assert variant.is_file() and variant.read_bytes() != (folder / asset.file).read_bytes(), variant


def test_a_french_deck_places_the_french_picture():
    master = load_master(MASTER, load_profile(MASTER_PROFILE))
    slide = SlideContent("picture", title="Visuel clé", image=CAMPAIGN / "season_key_visual.png", caption="Prêt")
    blobs = {}
    for tag in ("fr-CA", "es-MX", "en-CA"):
        deck = fill_deck(master, [slide], LOOK, tag, lambda chart, box: None)
        blobs[tag] = next(s for s in deck.slides[0].shapes if s.shape_type == 13).image.blob
    assert blobs["fr-CA"] == (CAMPAIGN / "season_key_visual.fr.png").read_bytes()
    assert blobs["es-MX"] == (CAMPAIGN / "season_key_visual.es.png").read_bytes()
    assert blobs["en-CA"] == (CAMPAIGN / "season_key_visual.png").read_bytes()


def test_an_hq_picture_swap_takes_the_variant(tmp_path):
    (tmp_path / "visuals").mkdir()
    for name in ("poster.png", "poster.fr.png"):
        (tmp_path / "visuals" / name).write_bytes(name.encode())
    localizer = HqLocalizer(tmp_path, Catalogs(tmp_path), 0.6)
    for language, locale, expected in (("fr", "fr_CA", "poster.fr.png"), ("es", "es_MX", "poster.png")):
        renderer = TextRenderer(LocaleContext(language, locale, "CAD"), Catalogs(tmp_path))
        assert localizer.picture("{{ 'visuals/poster.png' }}", renderer, {}).name == expected


# ------------------------------------------------------------------ validation
def _season(tmp_path: Path, missing: tuple[str, ...], french_in: str = "CA") -> Path:
    """Return the minimal season, its CA region in English and French (fr_``french_in``), MX in Spanish,
    on a copy of the brand kit without the ``missing`` variants."""
    season, _ = make_case(None, tmp_path)
    brand = tmp_path / "brand_assets"  # a copy already: make_case copies the brand kit into the project
    for name in missing:
        (brand / "campaign" / name).unlink()
    text = (season / "season.yaml").read_text("utf-8")
    text = text.replace("languages: [en]\n    locales: {en: en_CA}",
                        f"languages: [en, fr]\n    locales: {{en: en_CA, fr: fr_{french_in}}}")
    text = text.replace("languages: [en]\n    locales: {en: en_US}", "languages: [es]\n    locales: {es: es_MX}")
    (season / "season.yaml").write_text(text, "utf-8")
    return season


def _variant_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "variant" in line and not line.startswith(" ")]


def test_a_missing_variant_is_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(_season(tmp_path, ("solenne_window.es.png",)))
    result = CliRunner().invoke(cli, ["validate", "."])
    assert _variant_lines(result.output) == [SPANISH_LINE]
    assert result.exit_code == 0, result.output


def test_a_missing_variant_is_an_error_under_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(_season(tmp_path, ("solenne_window.es.png",)))
    result = CliRunner().invoke(cli, ["validate", "--strict", "."])
    assert _variant_lines(result.output) == [SPANISH_LINE.replace("warning: ", "")]
    assert result.exit_code == 1


def test_a_missing_french_variant_in_quebec_is_an_error_without_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(_season(tmp_path, ("veyrac_counter_card.fr.png", "solenne_window.es.png")))
    result = CliRunner().invoke(cli, ["validate", "."])
    assert _variant_lines(result.output) == [QUEBEC_LINE, SPANISH_LINE]
    assert result.exit_code == 1


def test_french_outside_canada_is_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(_season(tmp_path, ("veyrac_counter_card.fr.png",), french_in="FR"))
    result = CliRunner().invoke(cli, ["validate", "."])
    assert _variant_lines(result.output) == [QUEBEC_LINE.replace("text: ", "text: warning: ", 1).replace(
        "Quebec's Charter of the French language requires point-of-sale material in French",
        "draw it in that language and save it beside the file")]


def test_the_build_refuses_a_quebec_kit_without_the_french_visual(tmp_path, monkeypatch):
    monkeypatch.chdir(_season(tmp_path, ("veyrac_counter_card.fr.png",)))
    result = CliRunner().invoke(cli, ["build", ".", "--out", str(tmp_path / "out")])
    assert result.exit_code != 0
    assert "veyrac_counter_card.fr.png" in result.output
    assert not (tmp_path / "out" / "fr").exists()


def test_a_spec_image_with_variants_needs_every_language(tmp_path, monkeypatch):
    season = _season(tmp_path, ())
    for name in ("poster.png", "poster.fr.png"):
        shutil.copyfile(CAMPAIGN / "dial_study_poster.png", season / name)
    with (season / "decks" / "meeting.yaml").open("a", encoding="utf-8") as spec:
        spec.write("  - role: picture\n    title: Poster\n    image: poster.png\n")
    line = len((season / "decks" / "meeting.yaml").read_text("utf-8").splitlines())
    monkeypatch.chdir(season)
    result = CliRunner().invoke(cli, ["validate", "."])
    assert _variant_lines(result.output) == [
        f"decks/meeting.yaml:{line}:5: slides[3].image: warning: poster.png carries text but has no Spanish variant "
        "poster.es.png (draw it in that language and save it beside the file)"]


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_text_of_the_drawings_is_translated(language):
    from matplotlib.figure import Figure

    from generator.tools.brand.campaign import DRAWINGS
    from generator.tools.brand.identity import ASSETS
    from generator.tools.brand.wording import TRANSLATIONS

    for asset in ASSETS:
        said: list[str] = []
        DRAWINGS[asset.id](Figure().add_subplot(), asset, lambda text: said.append(text) or text)
        assert bool(said) == asset.text, asset.id
        for text in said:
            assert TRANSLATIONS[language][text] != text, (asset.id, text)
