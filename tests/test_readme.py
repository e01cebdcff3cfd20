"""The README carries what a new reviewer needs: the key reference link and how to edit PO catalogs."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text("utf-8")


def test_links_the_generated_key_reference():
    assert "[spec key reference](decks/REFERENCE.md)" in README and (REPO / "decks" / "REFERENCE.md").is_file()


def test_explains_po_editing():
    for words in ('msgstr ""', "`#, fuzzy`", "delete the `#, fuzzy` line", "[Poedit]", "[Lokalize]", "[Weblate]"):
        assert words in README, words


def test_explains_codes_and_labels():
    assert "`labels: false` on a\n  table column" in README and "{{ door.tier }}" in README
