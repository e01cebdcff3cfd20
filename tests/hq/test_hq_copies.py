"""Localized copies of the sample HQ decks: translated, data tags and pictures per audience, valid."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner
from pptx import Presentation

from conftest import SAMPLE_SEASON
from generator.check import check_deck
from generator.errors import LocalizeError
from generator.cli import cli
from generator.fit import ThemeFonts, check_shape
from generator.hq import read_deck
from generator.template import theme_fonts
from hq_helpers import pseudo, sample_project

BUILD = ["--no-kits", "--no-report"]


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> Path:
    """Return the output folder of a build of the HQ decks for Canada (en, fr) and the training (en, fr, es)."""
    out = tmp_path_factory.mktemp("hq_copies")
    result = CliRunner().invoke(cli, ["build", str(SAMPLE_SEASON), "--out", str(out), "--only", "solenne-launch",
                                      "--only", "product-training", "--region", "CA", "--strict", *BUILD])
    assert result.exit_code == 0, result.output
    return out


def _texts(path: Path) -> list[str]:
    return [unit.plain for unit in read_deck(Presentation(str(path))).units]


def test_a_copy_per_audience_and_language(copies):
    assert sorted(str(p.relative_to(copies)) for p in copies.glob("*/*.pptx")) == [
        "en/CA-solenne-launch.pptx", "en/product-training.pptx", "es/product-training.pptx",
        "fr/CA-solenne-launch.pptx", "fr/product-training.pptx"]


def test_text_translated_and_data_tags_formatted_for_the_locale(copies):
    texts = _texts(copies / "fr" / "CA-solenne-launch.pptx")
    assert texts[1] == "Guide de lancement pour le Canada, dès le 15 septembre 2026"
    # the region's season target (a "launch target" equal to the season's sales contradicted the deck)
    assert re.fullmatch("Objectif de la saison, Solenne comprise\u00a0: 10\u00a0M\u00a0?\\$ de ventes", texts[4])
    assert texts[5] == "Disponible dès septembre\ndans chaque boutique phare et point de vente prioritaire"
    assert _texts(copies / "en" / "CA-solenne-launch.pptx")[1] == "Launch guide for Canada, from September 15, 2026"


def test_chart_table_and_notes_of_the_french_deck_in_spanish(copies):
    texts = _texts(copies / "es" / "product-training.pptx")
    for expected in ("Unidades por versión, primer trimestre", "Unidades vendidas", "Oro rosa", "Nácar",
                     "Cuente diez minutos por cliente."):
        assert expected in texts
    assert _texts(copies / "fr" / "product-training.pptx") == _texts(SAMPLE_SEASON / "hq" / "product-training.pptx")


def test_same_slides_layouts_and_formatting_with_the_proofing_language_set(copies):
    source, copy = Presentation(str(SAMPLE_SEASON / "hq" / "solenne-launch.pptx")), Presentation(
        str(copies / "fr" / "CA-solenne-launch.pptx"))
    assert [s.slide_layout.name for s in copy.slides] == [s.slide_layout.name for s in source.slides]
    runs = [r for s in copy.slides for sh in s.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs for r in p.runs]
    assert {r.font._rPr.get("lang") for r in runs} == {"fr-CA"}
    bold = [r.text for r in runs if r.font.bold]
    assert bold[:2] == ["phase de lune", "10,2\u00a0M\u00a0$"] or bold[0] == "phase de lune"
    assert any(r.hyperlink.address == "https://orvelle.example.com/solenne" for r in runs)


def test_the_marked_picture_is_the_regions(copies):
    with zipfile.ZipFile(copies / "fr" / "CA-solenne-launch.pptx") as deck:
        media = {hashlib.sha256(deck.read(n)).hexdigest() for n in deck.namelist() if n.startswith("ppt/media/")}
    region = hashlib.sha256((SAMPLE_SEASON / "hq" / "visuals" / "solenne-CA.png").read_bytes()).hexdigest()
    east = hashlib.sha256((SAMPLE_SEASON / "hq" / "visuals" / "solenne-US-E.png").read_bytes()).hexdigest()
    assert region in media and east not in media


def test_every_copy_is_a_valid_deck(copies):
    for path in copies.glob("*/*.pptx"):
        assert check_deck(path, schema=False) == [], path


def _translate(season: Path, language: str, change) -> None:
    path = season / "locale" / f"{language}.po"
    catalog = read_po(path.open("rb"), locale=language)
    for message in catalog:
        if message.context and message.string:
            message.string = change(message.id, message.string)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)


def test_a_translation_that_breaks_a_marker_is_reported_at_its_catalog_line(tmp_path):
    season = sample_project(tmp_path)
    _translate(season, "fr", lambda msgid, text: text.replace("</g1> à un prix", " à un prix"))
    result = CliRunner().invoke(cli, ["build", str(season), "--out", str(tmp_path / "out"), "--only", "solenne-launch",
                                      "--region", "CA", *BUILD])
    assert result.exit_code == 1
    line = read_po((season / "locale" / "fr.po").open("rb")).get(
        "A <g1>moon-phase</g1> complication at an <g2>accessible</g2> price",
        "hq/solenne-launch.pptx slide 2 'Text Placeholder 2' (#3) paragraph 1").lineno
    assert result.output.endswith(
        f"decks/fw26/locale/fr.po:{line}: the 'fr' translation of hq/solenne-launch.pptx slide 2 'Text Placeholder 2' (#3) "
        "paragraph 1: <g2> opens inside <g1> (markers do not nest) (keep every <gN>...</gN> and <xN/> of the source "
        "text)\n")


def test_the_build_stops_on_a_broken_marker_naming_deck_slide_and_shape(tmp_path):
    from generator.hq import HqLocalizer, find_hq_deck
    from generator.i18n import Catalogs, LocaleContext, TextRenderer
    from generator.spec.season import load_season

    season = sample_project(tmp_path)
    _translate(season, "fr", lambda msgid, text: text.replace("<x1/>", ""))
    loaded = load_season(season)
    localizer = HqLocalizer(loaded.root, Catalogs(season / "locale"), 0.8)
    renderer = TextRenderer(LocaleContext("fr", "fr_CA", "CAD"), localizer.catalogs)
    with pytest.raises(LocalizeError) as raised:
        localizer.copy(find_hq_deck(loaded, "solenne-launch"), renderer, {"region": {"name": "Canada", "id": "CA",
                       "manager": "I. T."}, "kpi": {"sellout": 1.0, "target": 1.0}})
    assert str(raised.value) == (
        "hq/solenne-launch.pptx: slide 2, shape 'Text Placeholder 2' (#3), paragraph 3: the fr translation "
        "'Disponible dès septembredans chaque boutique phare et point de vente prioritaire': it drops <x1/> "
        "(keep every <gN>...</gN> and <xN/> of the source text)")


def _retag(deck: Path, old: str, new: str) -> None:
    prs = Presentation(str(deck))
    for slide in prs.slides:
        for shape in slide.shapes:
            for paragraph in shape.text_frame.paragraphs if shape.has_text_frame else ():
                for run in paragraph.runs:
                    run.text = run.text.replace(old, new)
    prs.save(str(deck))


def test_an_unknown_name_in_a_data_tag_is_located_with_did_you_mean(tmp_path):
    season = sample_project(tmp_path)
    _retag(season / "hq" / "solenne-launch.pptx", "region.manager", "region.manger")
    result = CliRunner().invoke(cli, ["validate", str(season)])
    assert result.exit_code == 1
    assert ("hq/solenne-launch.pptx: slide 4, shape 'Subtitle 2' (#3): 'region' has no field 'manger' "
            "(did you mean 'manager'?)") in result.output


@pytest.mark.parametrize("longer", [0.3, 3.0])  # 30 % as FR/ES run; 300 % so that some text must overflow
def test_a_pseudo_translation_builds_with_every_overflow_reported(tmp_path, longer):
    season = sample_project(tmp_path)
    for language in ("en", "fr", "es"):
        _translate(season, language, lambda msgid, text: pseudo(msgid, longer))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(season), "--out", str(out), "--only", "solenne-launch",
                                      "--only", "product-training", "--region", "MX", *BUILD])
    assert result.exit_code == 0, result.output
    reported = {match.groups() for match in re.finditer(r"^warning: (\S+): slide (\d+) '(.*)' \([a-z]{2}-[A-Z]{2}\): "
                                                        r"text overflows", result.output, re.M)}
    assert reported or longer < 1
    for path in out.glob("*/*.pptx"):
        prs = Presentation(str(path))
        fonts = ThemeFonts(*theme_fonts(prs.slide_master))
        for number, slide in enumerate(prs.slides, 1):
            for shape in slide.shapes:
                if shape.has_text_frame and shape.text_frame.text and not check_shape(shape, fonts).fits:
                    key = (f"{path.parent.name}/{path.name}", str(number), f"{shape.name} (#{shape.shape_id})")
                    assert key in reported, f"{key} overflows and is not reported"
