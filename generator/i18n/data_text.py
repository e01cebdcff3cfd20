"""Data text: the values of the source columns a season declares ``translate: [column, ...]``.

Readers see some data as words (a training topic, an initiative's name). Each distinct value of
a declared column is a gettext message of its own, with the msgctxt ``source.column``: the same
English words may need another translation in another column, and translators see where each
comes from. Columns declared ``keep:`` stay as written on purpose (proper nouns, a competitor's
own wording) and are never extracted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Mapping

from generator.i18n.localize import data_context, is_translatable

if TYPE_CHECKING:
    import pandas as pd

    from generator.spec import SourceDef


def translated_columns(sources: Mapping[str, "SourceDef"]) -> dict[str, tuple[str, ...]]:
    """Return {source: columns declared ``translate``} for the sources that declare any."""
    return {name: tuple(source.translate) for name, source in sources.items() if source.translate}


@dataclass(frozen=True)
class DataValue:
    """One distinct value of a translated column, with the 0-based row it first appears in."""

    source: str
    column: str
    text: str
    row: int

    @property
    def context(self) -> str:
        """Return the value's msgctxt."""
        return data_context(self.source, self.column)


def data_values(source: str, columns: tuple[str, ...], frame: "pd.DataFrame") -> Iterator[DataValue]:
    """Yield each distinct translatable value of ``columns`` in ``frame``, in order of first appearance."""
    for column in columns:
        if column not in frame.columns:
            continue  # validation reports the unknown column
        seen: set[str] = set()
        for row, value in enumerate(frame[column]):
            if isinstance(value, str) and value not in seen and is_translatable(value):
                seen.add(value)
                yield DataValue(source, column, value, row)
