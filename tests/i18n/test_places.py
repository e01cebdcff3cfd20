"""Place names with their article and preposition, the season code readers see, a manager's title."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from generator.i18n import (
    PLACE_FILTERS, SEASON_CODE_CONTEXT, Catalogs, LocaleContext, TextRenderer, manager_title_context,
    place_context, save_catalog,
)
from generator.spec import load_season
from generator.translation import collect_texts

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SEASON = ROOT / "decks" / "fw26"
SAMPLE_LOCALE = SAMPLE_SEASON / "locale"
FR = LocaleContext("fr", "fr_CA", "CAD")
ES = LocaleContext("es", "es_MX", "MXN")
EN = LocaleContext("en", "en_CA", "CAD")
FORMS = "{{ p | the_place }} / {{ p | in_place }} / {{ p | for_place }} / {{ p | of_place }}"


def _render(loc: LocaleContext, name: str, catalogs: Catalogs | None = None) -> str:
    renderer = TextRenderer(loc, catalogs or Catalogs(SAMPLE_LOCALE))
    return renderer.interpolate(FORMS, {"p": renderer.term(name)})


@pytest.mark.parametrize(("loc", "name", "expected"), [
    (FR, "Canada", "le Canada / au Canada / pour le Canada / du Canada"),
    (FR, "Mexico", "le Mexique / au Mexique / pour le Mexique / du Mexique"),
    (FR, "US East", "l’Est des États-Unis / dans l’Est des États-Unis / pour l’Est des États-Unis / "
                    "de l’Est des États-Unis"),
    (ES, "Canada", "Canadá / en Canadá / para Canadá / de Canadá"),
    (ES, "Mexico", "México / en México / para México / de México"),
    (EN, "Canada", "Canada / in Canada / for Canada / of Canada"),
    (EN, "US West", "US West / in US West / for US West / of US West"),
])
def test_each_form_of_a_region_name_comes_from_the_catalog(loc, name, expected):
    assert _render(loc, name) == expected


def test_a_translated_name_remembers_its_english_source():
    renderer = TextRenderer(FR, Catalogs(SAMPLE_LOCALE))
    name = renderer.term("Mexico")
    assert (name, name.source, isinstance(name, str)) == ("Mexique", "Mexico", True)
    assert renderer.text("{{ region.name }}", {"region": {"name": name}}) == "Mexique"  # shown as it is translated
    assert pickle.loads(pickle.dumps(name)).source == "Mexico"  # region values travel to worker processes


def test_the_sample_catalogs_put_the_article_where_a_sentence_needs_it():
    french = TextRenderer(FR, Catalogs(SAMPLE_LOCALE))
    spanish = TextRenderer(ES, Catalogs(SAMPLE_LOCALE))
    text = "Doors followed in {{ region.name }}: flagships {{ kpi.flagships }}, focus doors {{ kpi.focus_doors }}"
    kpi = {"flagships": 2, "focus_doors": 3}
    assert french.text(text, {"region": {"name": french.term("Canada")}, "kpi": kpi}) == \
        "Boutiques suivies au Canada\u00a0: phares 2, prioritaires 3"
    assert spanish.text(text, {"region": {"name": spanish.term("Mexico")}, "kpi": kpi}) == \
        "Tiendas con seguimiento en México: insignia 2, prioritarias 3"


def test_a_name_without_its_form_shows_bare_and_is_reported(tmp_path):
    catalog = Catalog(locale="fr")
    catalog.add("Ontario", "Ontario")
    save_catalog(catalog, tmp_path / "fr.po")
    catalogs = Catalogs(tmp_path)
    assert _render(FR, "Ontario", catalogs) == "Ontario / Ontario / Ontario / Ontario"  # never a guessed article
    assert {f"Ontario [{place_context(form)}]" for form in PLACE_FILTERS.values()} <= catalogs.missing["fr"]


def test_a_plain_text_is_its_own_source_and_a_missing_value_is_na():
    renderer = TextRenderer(FR, Catalogs(SAMPLE_LOCALE))
    assert renderer._render("{{ 'Canada' | in_place }}", {}) == "au Canada"
    assert renderer._render("{{ x | in_place }}", {"x": None}) == "n.d."  # a missing value, as figures show it


def test_the_season_code_and_a_managers_title_are_translated_in_their_context():
    french, spanish = TextRenderer(FR, Catalogs(SAMPLE_LOCALE)), TextRenderer(ES, Catalogs(SAMPLE_LOCALE))
    english = TextRenderer(EN, Catalogs(SAMPLE_LOCALE))
    assert [r.term("FW26", SEASON_CODE_CONTEXT) for r in (french, spanish, english)] == ["AH26", "OI26", "FW26"]
    # the same English title follows each person: Isabelle Tremblay (CA) is directrice, Rodrigo Salinas (MX) director
    assert french.term("regional director", manager_title_context("CA")) == "directrice régionale"
    assert spanish.term("country manager", manager_title_context("MX")) == "director de país"


def test_extraction_offers_every_form_of_every_region_name_with_where_it_is():
    texts = [t for t in collect_texts(load_season(SAMPLE_SEASON)) if t.msgctxt and t.msgctxt.startswith("place: ")]
    assert {(t.key, t.msgctxt) for t in texts} == {
        (name, place_context(form)) for name in ("US East", "US West", "Canada", "Mexico")
        for form in PLACE_FILTERS.values()}
    canada_in = next(t for t in texts if t.ident == ("Canada", "place: in"))
    assert (canada_in.file, canada_in.context) == (
        "season.yaml", "region CA name as 'in Canada' (| in_place; e.g. au Canada, aux États-Unis)")
    code = next(t for t in collect_texts(load_season(SAMPLE_SEASON)) if t.msgctxt == SEASON_CODE_CONTEXT)
    assert (code.key, code.file, code.line) == ("FW26", "season.yaml", 5)


def test_validate_knows_the_place_filters():
    from generator.validation.names import text_problems

    scope = {"region": frozenset({"name", "manager_title"})}
    assert text_problems("{{ region.name | in_place }}, {{ region.name | of_place }}", scope, "region") == []
    assert text_problems("{{ region.name | at_place }}", scope, "region")[0][0] == "unknown filter 'at_place'"
