"""Plain data describing one chart to draw and the picture that comes back.

Charts know nothing of slides: a request carries the exact size of the box the
picture will fill, already-localized words, and raw numbers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from generator.formats import finite_number as to_finite  # one rule for what counts as a figure

VALUE_FORMATS: tuple[str, ...] = ("number", "currency", "percent", "multiple")


@dataclass(frozen=True)
class Series:
    """One named row of values; ``None``/NaN/inf are gaps, never errors."""

    name: str
    values: tuple[float | None, ...]
    kind: str = ""  # optional hint: "ty" (this year), "ly" (last year), "target"
    key: str = ""  # the value it stands for as written in the data (a collection), before translation: its colour

    def finite(self, count: int) -> list[float | None]:
        """Return exactly ``count`` values, gaps (missing, NaN, inf) as ``None``."""
        cleaned = [to_finite(v) for v in self.values[:count]]
        return cleaned + [None] * (count - len(cleaned))


@dataclass(frozen=True)
class Task:
    """One bar of a Gantt timeline."""

    label: str
    start: datetime.date
    end: datetime.date
    category: str = ""


@dataclass(frozen=True)
class ChartRequest:
    """Everything needed to draw one chart into a box of ``width_emu`` x ``height_emu``."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    width_emu: int
    height_emu: int
    locale: str = "en_US"
    currency: str = "USD"
    value_format: str = "number"
    palette: tuple[str, ...] = ()
    style: str | None = None
    dpi: int = 150
    tasks: tuple[Task, ...] = ()
    target: float | None = None
    title: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    # one resolved colour per part the kind colours (its series, or its categories for parts of a whole;
    # see charts.colors): a category keeps the brand's colour in every chart, and the cache key follows it
    colors: tuple[str, ...] = ()

    def word(self, key: str, default: str) -> str:
        """Return the localized word ``labels[key]``, or ``default`` when absent."""
        return self.labels.get(key) or default


@dataclass(frozen=True)
class RenderedChart:
    """A PNG sized exactly for its box, plus a textual summary for alt text."""

    png: bytes
    width_emu: int
    height_emu: int
    alt_text: str
    cut_off: str = ""  # when some labels did not fit the box: what happened and what the deck's author can change
