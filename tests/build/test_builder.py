"""Tests for generator.build.builder's font lookup ahead of the first deck."""

from __future__ import annotations

from conftest import SAMPLE_SEASON

from generator.build.builder import DeckBuilder
from generator.fit.fonts import font_file
from generator.validation import check_season


def test_the_master_fonts_are_looked_up_in_the_background_and_waited_for():
    checked = check_season(SAMPLE_SEASON)
    builder = DeckBuilder(checked.season, store=checked.store, master=checked.master)
    font_file.cache_clear()
    builder.start_font_lookup()
    builder.wait_for_fonts()
    assert font_file.cache_info().currsize == 2 * len({builder.look.heading_font, builder.look.body_font})
    assert not builder._font_lookup.is_alive()


def test_no_lookup_before_the_master_is_loaded():
    checked = check_season(SAMPLE_SEASON)
    builder = DeckBuilder(checked.season, store=checked.store)  # master not handed over: loaded only when needed
    builder.start_font_lookup()
    builder.wait_for_fonts()
    assert builder._font_lookup is None and builder._master is None
