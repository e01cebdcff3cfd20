"""Fill stage: put resolved slide content into a fresh copy of the HQ master."""

from generator.fill.deck import ChartDrawer, fill_deck
from generator.fill.shapes import Look

__all__ = ["ChartDrawer", "Look", "fill_deck"]
