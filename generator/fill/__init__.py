"""Fill stage: put resolved slide content into a fresh copy of the HQ master."""

from __future__ import annotations

from generator.fill.deck import ChartDrawer, deck_fitter, fill_deck
from generator.fill.native_chart import NativeLook, add_native_chart
from generator.fill.shapes import Look
from generator.fill.text import clean_chart, safe_chart_label

__all__ = ["ChartDrawer", "Look", "NativeLook", "add_native_chart", "clean_chart", "deck_fitter", "fill_deck",
           "safe_chart_label"]
