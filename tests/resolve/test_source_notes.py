"""Every chart and table says where its figures come from and as of when, in the deck's language."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import write_tiny_files
from pptx import Presentation
from test_resolve import load_deck, make_context

from generator.resolve.slides import resolve_deck

FR_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Source: {{ source }}, as of {{ as_of | date }}"
msgstr "Source : {{ source }}, au {{ as_of | date }}"

msgid "Source: boutique schedules, {{ as_of | date }}"
msgstr "Source : calendriers des boutiques, {{ as_of | date }}"
"""
DECK = """\
    title: Sources
    slides:
      - role: chart
        title: Sell-out
        chart:
          type: bar
          data: {source: sales, group_by: [retailer_id], aggregate: {sellout_value: sum}}
          x: retailer_id
          series: [{column: sellout_value}]
      - role: table
        title: Sell-out
        table:
          data: {source: sales, group_by: [retailer_id], aggregate: {sellout_value: sum}}
          columns: [{column: retailer_id}]
          source_note: "Source: boutique schedules, {{ as_of | date }}"
    """
AS_OF = dt.date(2026, 11, 30)
NOTE = re.compile(r"^(Source|Fuente)\s?:")


@pytest.fixture
def season_dir(tmp_path):
    """Return a folder with the tiny data and a French catalog of the notes."""
    write_tiny_files(tmp_path)
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "fr.po").write_text(FR_PO, encoding="utf-8")
    return tmp_path


def _notes(season_dir, locale: str, text: str = DECK, **values) -> list[str]:
    deck, path = load_deck(season_dir, text)
    slides = resolve_deck(deck, make_context(season_dir, locale, path, **values))
    return [slide.chart.source if slide.chart else slide.table.source for slide in slides]


def test_the_note_names_the_binding_s_source_and_the_as_of_day(season_dir):
    assert _notes(season_dir, "en_CA", as_of=AS_OF) == [
        "Source: sales, as of November 30, 2026", "Source: boutique schedules, November 30, 2026"]


def test_the_note_is_translated_and_the_spec_s_note_wins(season_dir):
    assert _notes(season_dir, "fr_CA", as_of=AS_OF) == [
        "Source : sales, au 30 novembre 2026", "Source : calendriers des boutiques, 30 novembre 2026"]


def test_without_an_as_of_day_the_note_names_the_source_only(season_dir):
    without = DECK.replace('      source_note: "Source: boutique schedules, {{ as_of | date }}"\n', "")
    assert _notes(season_dir, "en_CA", without) == ["Source: sales", "Source: sales"]


def test_every_chart_and_table_of_the_sample_decks_has_its_note_under_it(reduced_build):
    result, out = reduced_build
    checked = 0
    for deck in result.decks:
        if deck.job.deck not in ("market-meeting", "monthly-call"):  # the kit carries HQ's own charts too
            continue
        for slide in Presentation(out / deck.job.output).slides:
            shapes = list(slide.shapes)
            items = [s for s in shapes if (s.name.startswith("Chart") and s.shape_type == 13) or s.has_chart
                     or s.has_table]
            notes = [s for s in shapes if s.has_text_frame and NOTE.match(s.text_frame.text)]
            assert len(notes) == len(items), (deck.job.output, slide.shapes.title.text_frame.text)
            for item in items:
                assert any(n.top >= item.top + item.height - 1 and n.left == item.left for n in notes), item.name
            checked += len(items)
    assert checked > 40
