"""Localize stage: CLDR formats pinned for fr_CA / es_MX / en_CA, catalogs, fallback, sandbox."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import LocalizeError
from generator.i18n.localize import (
    Catalogs,
    LocaleContext,
    TextRenderer,
    format_day,
    format_month,
    format_value,
    is_translatable,
    signed_percent,
)

NBSP = "\u00a0"
SAMPLE_LOCALE = Path(__file__).resolve().parents[2] / "decks" / "fw26" / "locale"
FIXTURE_LOCALE = Path(__file__).parents[1] / "fixtures" / "i18n" / "season" / "locale"
FR = LocaleContext("fr", "fr_CA", "CAD")
ES = LocaleContext("es", "es_MX", "MXN")
EN = LocaleContext("en", "en_CA", "CAD")
SEPT_1 = dt.date(2026, 9, 1)


@pytest.mark.parametrize(("loc", "expected"), [
    (FR, [f"1{NBSP}234{NBSP}568{NBSP}$", f"1,2{NBSP}M$", f"560,5{NBSP}k$", f"1{NBSP}234{NBSP}567", "2,3×"]),
    (ES, ["$1,234,568", f"1.2{NBSP}M$", f"560.5{NBSP}k$", "1,234,567", "2.3×"]),
    (EN, ["$1,234,568", "$1.2M", "$560.5K", "1,234,567", "2.3×"]),
])
def test_numbers_and_currency(loc: LocaleContext, expected: list[str]) -> None:
    assert [format_value(1234567.8, "currency", loc), format_value(1234567.8, "currency", loc, compact=True),
            format_value(560500, "currency", loc, compact=True), format_value(1234567, "number", loc),
            format_value(2.34, "multiple", loc)] == expected


@pytest.mark.parametrize(("loc", "plain", "up", "down"), [
    (FR, f"4,2{NBSP}%", f"+4,2{NBSP}%", f"-3,9{NBSP}%"),  # French: non-breaking space before %
    (ES, "4.2%", "+4.2%", "-3.9%"),
    (EN, "4.2%", "+4.2%", "-3.9%"),
])
def test_percent_and_signed_percent(loc: LocaleContext, plain: str, up: str, down: str) -> None:
    assert (format_value(0.042, "percent", loc), signed_percent(0.042, loc), signed_percent(-0.039, loc)) == (plain, up, down)


@pytest.mark.parametrize(("loc", "day", "short", "wide"), [
    (FR, "1er septembre 2026", "sept.", "septembre"),
    (ES, "1 de septiembre de 2026", "sep", "septiembre"),
    (EN, "September 1, 2026", "Sep", "September"),
])
def test_dates_and_month_names(loc: LocaleContext, day: str, short: str, wide: str) -> None:
    assert (format_day(SEPT_1, loc), format_month(SEPT_1, loc), format_month(SEPT_1, loc, "wide")) == (day, short, wide)


def test_filters_in_text() -> None:
    renderer = TextRenderer(FR, Catalogs(SAMPLE_LOCALE))
    text = renderer.text("{{ d | date }} · {{ d | month }} · {{ g | signed_percent }}", {"d": SEPT_1, "g": 0.1})
    assert text == f"1er septembre 2026 · septembre · +10,0{NBSP}%"


@pytest.mark.parametrize(("loc", "season", "continued"), [
    (FR, "Automne-Hiver 2026", "(suite)"),
    (ES, "Otoño-Invierno 2026", "(continuación)"),
    (EN, "Fall-Winter 2026", "(continued)"),
])
def test_season_name_and_continued_from_the_catalogs(loc: LocaleContext, season: str, continued: str) -> None:
    catalogs = Catalogs(SAMPLE_LOCALE)
    renderer = TextRenderer(loc, catalogs)
    assert (renderer.text("Fall-Winter 2026", {}), renderer.word("(continued)")) == (season, continued)
    assert not catalogs.missing


def test_missing_translation_falls_back_and_is_recorded() -> None:
    catalogs = Catalogs(FIXTURE_LOCALE)
    assert catalogs.translate("fr", "Speak slowly.") == "Speak slowly."  # absent
    assert catalogs.translate("fr", "Sales review") == "Sales review"  # empty msgstr
    assert catalogs.translate("fr", "Welcome") == "Bienvenue"
    assert catalogs.missing == {"fr": {"Speak slowly.", "Sales review"}}


def test_fuzzy_counts_as_missing() -> None:
    catalogs = Catalogs(FIXTURE_LOCALE)
    assert catalogs.translate("fr", "Agenda") == "Agenda"
    assert catalogs.missing == {"fr": {"Agenda"}}


def test_missing_catalog_falls_back_and_is_recorded() -> None:
    catalogs = Catalogs(FIXTURE_LOCALE)
    assert catalogs.translate("es", "Welcome") == "Welcome"
    assert catalogs.missing == {"es": {"Welcome"}}


@pytest.mark.parametrize("text", ["{{ region.manager_email }}", "{{ a }} · {{ b }}", "", "  ", "{{ x }}, 2026",
                                  "{% trans count=n %}{{ count }} door{% pluralize %}{{ count }} doors{% endtrans %}"])
def test_placeholder_only_text_is_not_translatable(text: str) -> None:
    catalogs = Catalogs(FIXTURE_LOCALE)
    assert not is_translatable(text)
    assert catalogs.translate("fr", text) == text
    assert not catalogs.missing


def test_words_around_placeholders_are_translatable() -> None:
    assert is_translatable("Target {{ kpi.target | money }}")
    assert is_translatable("{% if x %}yes{% endif %} Done")


def test_sandbox_refuses_private_attributes() -> None:
    renderer = TextRenderer(EN, Catalogs(FIXTURE_LOCALE))
    with pytest.raises(LocalizeError):
        renderer.text("{{ x.__class__ }}", {"x": 1})
    with pytest.raises(LocalizeError):
        renderer.value("x.__class__.__mro__", {"x": 1})


def test_undefined_name_is_a_localize_error() -> None:
    renderer = TextRenderer(EN, Catalogs(FIXTURE_LOCALE))
    with pytest.raises(LocalizeError, match="nope"):
        renderer.text("Hello {{ nope }}", {})


def test_interpolate_does_not_translate() -> None:
    catalogs = Catalogs(FIXTURE_LOCALE)
    renderer = TextRenderer(FR, catalogs)
    assert renderer.interpolate("retail_price_{{ c | lower }}", {"c": "CAD"}) == "retail_price_cad"
    assert renderer.interpolate("Welcome", {}) == "Welcome" and not catalogs.missing


def test_unknown_locale_keeps_its_message() -> None:
    with pytest.raises(LocalizeError, match=r"^unknown locale 'xx_YY' \(use e\.g\. en_US, fr_CA, es_MX\)$"):
        format_value(1.0, "number", LocaleContext("xx", "xx_YY", "USD"))
