"""Spec texts and translators' msgstr render within limits: located errors, quickly, never a hang or a traceback."""

from __future__ import annotations

import time

import pytest
from conftest import SAMPLE_SEASON
from security_helpers import edit, kitgen, project

from generator.errors import LocalizeError
from generator.i18n import Catalogs, LocaleContext, TextRenderer

NESTED = "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"
HINT = "(loop over the data, not over big ranges)"
FR_SEASON = 'msgstr "Automne-Hiver 2026"'


def test_validate_names_nested_big_ranges_in_spec_text(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    line = edit(season / "decks" / "market_meeting.yaml", 'subtitle: "{{ region.name }} · {{ maison.name }}"',
                f'subtitle: "{NESTED}"')
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (f"decks/fw26/decks/market_meeting.yaml:{line}:5: slides[0].subtitle: "
                                             f"range() of 100000 items (limit 10000) {HINT}")


def test_validate_names_nested_big_ranges_in_a_translation(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    line = edit(season / "locale" / "fr.po", FR_SEASON, f'msgstr "{NESTED}"')
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (f"decks/fw26/locale/fr.po:{line - 1}: the 'fr' translation of "
                                             f"'Fall-Winter 2026': range() of 100000 items (limit 10000) {HINT}")


def test_the_build_stops_loops_validate_cannot_see_at_the_catalog_entry(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    loops = "{% for i in range(9000) %}{% for j in range(9000 + 0 * ('x'|length)) %}{% endfor %}{% endfor %}"
    line = edit(season / "locale" / "fr.po", FR_SEASON, f'msgstr "{loops}"')
    started = time.monotonic()
    result = kitgen("build", "decks/fw26", "--out", "out", "--lang", "fr", "--only", "market-meeting", "--no-kits")
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert result.output == (f"Error: {season / 'locale' / 'fr.po'}:{line - 1}: the 'fr' translation of "
                             f"'Fall-Winter 2026': in '{loops}': the text's loops run more than 100000 steps\n")


HOSTILE = [
    ("{{ range(10**9) | list }}", "range() of 1000000000 items (limit 10000)"),
    ("{{ 'x' * 10**10 }}", "the text builds a value of 10000000000 items (limit 100000)"),
    ("{{ 7 ** 100000 }}", "7 ** 100000 is too big a number"),
    ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
     "the text's loops run more than 100000 steps"),
    ("{% for i in range(5000) %}{{ 'abcdefghijklmnopqrstuvwxyz' }}{% endfor %}",
     "the text renders to more than 100000 characters"),
    ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
     "the text builds a value of 131072 items (limit 100000)"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "the text asks for too deep a recursion"),
    ("{{ 'x' | center(10**12) }}", "the text asks for too much memory"),
    ("{{ range(1, 5, 0) | list }}", "range(): range() arg 3 must not be zero"),
    ("{{ ''.__class__ }}", "access to attribute '__class__' of 'str' object is unsafe."),
]


@pytest.mark.parametrize(("text", "problem"), HOSTILE)
def test_hostile_text_is_a_localize_error(text, problem):
    renderer = TextRenderer(LocaleContext("en", "en_CA", "CAD"), Catalogs(SAMPLE_SEASON / "locale"))
    started = time.monotonic()
    with pytest.raises(LocalizeError) as caught:
        renderer.text(text, {})
    assert time.monotonic() - started < 2
    assert caught.value.message == f"in '{text}': {problem}"


def test_ordinary_text_renders_as_before():
    renderer = TextRenderer(LocaleContext("en", "en_CA", "CAD"), Catalogs(SAMPLE_SEASON / "locale"))
    text = "{% for i in range(3) %}{{ i }}{{ ',' if not loop.last }}{% endfor %} {{ 'a' ~ 'b' }} {{ [1] * 2 }} {{ 2 ** 10 }}"
    assert renderer.text(text, {}) == "0,1,2 ab [1, 1] 1024"
    assert renderer.value("range(3) | list", {}) == [0, 1, 2]
