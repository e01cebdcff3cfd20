"""Resolved slide content: localized text, chart data, table cells and tiles.

These are the typed objects that flow from the resolve stage to the fill stage.
Charts are still data here (no size yet): fill knows the box, then asks for a
picture of exactly that size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.charts import Series, Task


@dataclass(frozen=True)
class ChartContent:
    """A chart to draw: kind, localized categories, series and words."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_format: str = "number"
    tasks: tuple[Task, ...] = ()
    target: float | None = None
    title: str = ""
    labels: tuple[tuple[str, str], ...] = ()
    render: str = "image"
    category_keys: tuple[str, ...] = ()  # the categories as written in the data, before translation: their colours
    source: str = ""  # the note under the chart: where its figures come from, as of when


@dataclass(frozen=True)
class TableContent:
    """A table: header labels, formatted cells, and which columns are numeric."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]
    marks: tuple[tuple[str, ...], ...] = ()  # per cell: "alert", "good" or "" (scorecards)
    legend: str = ""  # under the table: what its marks mean, thresholds written
    source: str = ""  # the note under the table: where its rows come from, as of when

    def row_range(self, start: int, stop: int) -> TableContent:
        """Return this table with its rows ``start`` to ``stop`` only, their marks with them."""
        return replace(self, rows=self.rows[start:stop], marks=self.marks[start:stop])


@dataclass(frozen=True)
class TileContent:
    """One KPI tile; ``trend`` > 0 colours the delta as good news, < 0 as bad."""

    label: str
    value: str
    delta: str = ""
    note: str = ""
    trend: float | None = None


@dataclass(frozen=True)
class BlockContent:
    """One side of a two-content slide."""

    heading: str = ""
    bullets: tuple[str, ...] = ()
    chart: ChartContent | None = None
    table: TableContent | None = None
    image: Path | None = None
    empty_note: str = ""  # shown in place of a chart or table whose data has no row (``when_empty``)


@dataclass(frozen=True)
class IncludedSlides:
    """Slides taken from an HQ deck the season declares, as they are (localized when filled)."""

    deck: str  # the HQ deck's name or path, as the deck spec wrote it
    slides: tuple[int, ...]
    restyle: bool = True  # their tables and charts get the brand's style


@dataclass(frozen=True)
class SlideContent:
    """Everything one slide shows, in the deck's language."""

    role: str
    title: str = ""
    subtitle: str = ""
    bullets: tuple[str, ...] = ()
    notes: str = ""
    caption: str = ""
    chart: ChartContent | None = None
    table: TableContent | None = None
    image: Path | None = None
    tiles: tuple[TileContent, ...] = ()
    left: BlockContent | None = None
    right: BlockContent | None = None
    origin: str = field(default="", compare=False)  # "file:line" of the spec slide, for messages
    include: IncludedSlides | None = None  # slides of an HQ deck in place of this one
    empty_note: str = ""  # shown in the main content box in place of a chart or table without rows (``when_empty``)


@dataclass(frozen=True)
class DeckMeta:
    """Document properties of a deck."""

    title: str
    author: str
    language: str
    subject: str = ""
    keywords: str = ""
    modified: dt.datetime = dt.datetime(2026, 1, 1)
