"""The note under every chart and table: which data source its figures come from, and as of when.

A reader of a retailer deck should know whose figures a chart shows and how fresh they are
without asking: ``Source: sales, as of 30 November 2026``. A chart or table spec's
``source_note`` replaces the sentence (translated and interpolated like any slide text).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, TypeVar

from generator.resolve.content import ChartContent, TableContent
from generator.resolve.context import DeckContext
from generator.spec import ChartSpec, ScorecardSpec, TableSpec

#: kitgen's own sentences (generator.i18n.PROJECT_STRINGS), translated through the catalogs
SOURCE_AS_OF = "Source: {{ source }}, as of {{ as_of | date }}"
SOURCE_ONLY = "Source: {{ source }}"

Made = TypeVar("Made", ChartContent, TableContent)
Spec = TypeVar("Spec", ChartSpec, TableSpec, ScorecardSpec)


def source_note(spec: ChartSpec | TableSpec | ScorecardSpec, ctx: DeckContext, values: dict[str, Any]) -> str:
    """Return the note under the chart or table of ``spec`` in the deck's language."""
    if getattr(spec, "source_note", ""):
        return ctx.text(spec.source_note, values)
    # a table's or chart's binding, a scorecard's records; a chart of one figure (bullet: actual: kpi.roi) has
    # neither: the figure it reads is its source
    binding = getattr(spec, "data", None) or getattr(spec, "records", None)
    source = binding.source if binding is not None else (getattr(spec, "actual", None) or "")
    if not source:
        return ""
    as_of = values.get("as_of")
    # a source named in the season's labels reads as its readers call it ("retailers' sell-out reports")
    return ctx.renderer.text(SOURCE_AS_OF if as_of else SOURCE_ONLY, {**values, "source": ctx.label(source)})


def sourced(resolve: Callable[[Spec, DeckContext, dict[str, Any]], Made | None], spec: Spec, ctx: DeckContext,
            values: dict[str, Any]) -> Made | None:
    """Return what ``resolve`` makes of ``spec`` (a chart or table; None when it has no row) with its source note."""
    made = resolve(spec, ctx, values)
    return None if made is None else replace(made, source=source_note(spec, ctx, values))
