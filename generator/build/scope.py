"""What data a deck can see, decided from its spec, so that its fingerprint counts only that.

A deck spec reads a source through its queries and repeats (source, filter, period), and
reads figures through the values its text interpolates (the retailer record, ``kpi``,
``month_kpi``...). An HQ deck reads data through its tags only, so only those values.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

_XML_TAG = re.compile(rb"<[^>]+>")


@dataclass(frozen=True)
class Query:
    """One data binding or repeat of a deck: the source, its filter and its period."""

    source: str
    filters: dict
    period: str | None
    last_year: bool  # compare_last_year: the window a year earlier is read too


def deck_queries(model: Any) -> list[Query]:
    """Return every data binding and repeat anywhere in a spec model."""
    return list(_queries(model))


def _queries(model: Any) -> Iterator[Query]:
    if isinstance(model, BaseModel):
        source, filters = getattr(model, "source", None), getattr(model, "filter", None)
        if isinstance(source, str) and isinstance(filters, dict):
            yield Query(source, filters, getattr(model, "period", None), bool(getattr(model, "compare_last_year", False)))
        for name in type(model).model_fields:
            yield from _queries(getattr(model, name))
    elif isinstance(model, (list, tuple)):
        for item in model:
            yield from _queries(item)
    elif isinstance(model, dict):
        for item in model.values():
            yield from _queries(item)


def scope_column(audience: str) -> str | None:
    """Return the column that picks an audience's rows (None: the deck is not for one region or retailer)."""
    return {"retailer": "retailer_id", "region": "region_id"}.get(audience)


def scoped(queries: list[Query], source: str, column: str) -> bool:
    """Return whether every query of a deck on ``source`` keeps to the audience's rows."""
    placeholder = {"retailer_id": "{{ retailer.retailer_id }}", "region_id": "{{ region.id }}"}[column]
    for query in queries:
        if query.source != source:
            continue
        wanted = query.filters.get(column)
        values = wanted if isinstance(wanted, list) else [wanted]
        if placeholder not in values or len(values) != 1:
            return False
    return True


def dated_periods(queries: list[Query], source: str) -> tuple[tuple[str, bool], ...] | None:
    """Return the (period, compare_last_year) of the deck's queries on ``source`` when every one has a period.

    None when there is no query on it (its rows may still reach the deck's figures) or one reads all dates.
    """
    periods = {(q.period, q.last_year) for q in queries if q.source == source}
    if not periods or any(period in (None, "all") for period, _ in periods):
        return None
    return tuple(sorted(periods))  # type: ignore[arg-type]


def mentions(path: Path, word: str) -> bool:
    """Return whether the text of a spec (YAML) or a deck's XML parts (.pptx) contains ``word``.

    Tags are stripped from the XML first, so a word PowerPoint split over runs is found too.
    Unreadable files count as mentioning it: the fingerprint then counts more, never less.
    """
    needle = word.encode()
    try:
        if path.suffix.lower() not in (".pptx", ".potx"):
            return needle in path.read_bytes()
        with zipfile.ZipFile(path) as package:
            return any(needle in _XML_TAG.sub(b"", package.read(name))
                       for name in package.namelist() if name.endswith(".xml"))
    except (OSError, zipfile.BadZipFile, KeyError):
        return True
