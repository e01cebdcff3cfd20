"""Resolve stage: expand a deck spec for one audience and language into SlideContent.

Conditional slides (``when``) are dropped or kept, repeated slides expanded per
record, text translated and interpolated, bindings queried; a chart or table whose
binding gives no row becomes its ``when_empty`` note, or drops its slide. Every problem is
re-raised located at the spec line that caused it.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator

from generator.data import DataStore
from generator.errors import DataError, KitgenError, LocalizeError, SpecError
from generator.i18n import format_value
from generator.resolve.charts import resolve_chart
from generator.resolve.content import (
    BlockContent, ChartContent, IncludedSlides, SlideContent, TableContent, TileContent,
)
from generator.resolve.context import DeckContext
from generator.resolve.scorecard import resolve_scorecard
from generator.resolve.sources import sourced
from generator.spec import Block, DeckSpec, EmptyNote, KeyPath, KpiTile, Repeat, SlideSpec, TableSpec

log = logging.getLogger(__name__)


def resolve_deck(spec: DeckSpec, ctx: DeckContext) -> list[SlideContent]:
    """Return the slides of ``spec`` for the context's audience and language."""
    slides: list[SlideContent] = []
    for index, slide in enumerate(spec.slides):
        before = len(slides)
        for values in _instances(slide, index, ctx):
            spec_line = _origin(ctx, index) if ctx.document else f"spec slide {index + 1}"
            ctx.renderer.where = f"slide {len(slides) + 1} ({spec_line})"  # what a figure shown as n/a is pinned on
            slides.extend(_located(("slides", index), ctx, lambda: _resolve_slide(slide, index, ctx, values)))
        if len(slides) == before and slide.repeat is not None and slide.repeat.when_empty != "skip":
            slides.append(_repeat_note(slide, index, ctx))
    return slides


def _repeat_note(slide: SlideSpec, index: int, ctx: DeckContext) -> SlideContent:
    """Return the one slide a repeat without any slide gives: its note, under the note's own title."""
    at = ("slides", index, "repeat", "when_empty")
    when_empty = slide.repeat.when_empty
    # the slide's own title names its record, which there is none of: the note brings its own
    title = when_empty.title if isinstance(when_empty, EmptyNote) else ""
    return SlideContent(role=slide.role, title=_located(at + ("title",), ctx, lambda: ctx.text(title)),
                        empty_note=_empty_note(when_empty, at[:-1], ctx, ctx.values), origin=_origin(ctx, index))


def _empty_note(when_empty: Any, at: KeyPath, ctx: DeckContext, values: dict[str, Any]) -> str:
    """Return the sentence shown for ``when_empty: note`` (kitgen's "No data") or ``{note: ...}`` at ``at``."""
    if isinstance(when_empty, EmptyNote):
        return _located(at + ("when_empty", "note"), ctx, lambda: ctx.text(when_empty.note, values))
    return ctx.renderer.word("No data")


def _instances(slide: SlideSpec, index: int, ctx: DeckContext) -> Iterator[dict[str, Any]]:
    if slide.repeat is None:
        if _wanted(slide, index, ctx, ctx.values):
            yield ctx.values
        return
    records = _located(("slides", index, "repeat"), ctx,
                       lambda: ctx.records(slide.repeat, lambda s: ctx.renderer.interpolate(s, ctx.values)))
    for record in records:
        values = ctx.record_values(slide.repeat.as_, record, ctx.values)
        if _wanted(slide, index, ctx, values):  # ``when`` reads the record as written; the slide shows it translated
            yield {**values, slide.repeat.as_: ctx.renderer.data_record(slide.repeat.source, record)}


def _wanted(slide: SlideSpec, index: int, ctx: DeckContext, values: dict[str, Any]) -> bool:
    if not slide.when:
        return True
    return bool(_located(("slides", index, "when"), ctx, lambda: ctx.renderer.value(slide.when, values)))


def _located(path: KeyPath, ctx: DeckContext, action: Callable[[], Any]) -> Any:
    """Run ``action``; re-raise data and text errors located at ``path`` of the deck spec."""
    try:
        return action()
    except SpecError:
        raise
    except (DataError, LocalizeError, KitgenError) as exc:
        if ctx.document is None:
            raise
        raise SpecError(ctx.document.finding(path, exc.message)) from exc


def _origin(ctx: DeckContext, index: int) -> str:
    return str(ctx.document.locate(("slides", index))) if ctx.document else f"slide {index + 1}"


def _resolve_slide(slide: SlideSpec, index: int, ctx: DeckContext, values: dict[str, Any]) -> list[SlideContent]:
    at = ("slides", index)
    if slide.include is not None:
        spec = slide.include
        return [SlideContent(role="include", include=IncludedSlides(spec.deck, (number,), spec.restyle),
                             origin=_origin(ctx, index)) for number in spec.numbers]
    text = lambda key, source: _located(at + (key,), ctx, lambda: ctx.text(source, values))  # noqa: E731
    chart = _located(at + ("chart",), ctx, lambda: sourced(resolve_chart, slide.chart, ctx, values)) \
        if slide.chart else None
    table = _located(at + ("table",), ctx, lambda: sourced(resolve_table, slide.table, ctx, values)) \
        if slide.table else None
    if slide.scorecard is not None:
        table = _located(at + ("scorecard",), ctx, lambda: sourced(resolve_scorecard, slide.scorecard, ctx, values))
    scorecard = slide.scorecard.records if slide.scorecard else None  # its records say what no record gives
    made = (("chart", slide.chart, chart), ("table", slide.table, table), ("scorecard", scorecard, table))
    empty = [(key, spec.when_empty) for key, spec, content in made if spec is not None and not _has_rows(content)]
    if any(when_empty == "skip" for _, when_empty in empty):
        return []  # no slide rather than a slide without its data
    content = SlideContent(
        role=slide.role,
        title=text("title", slide.title),
        subtitle=text("subtitle", slide.subtitle),
        bullets=tuple(_located(at + ("bullets", i), ctx, lambda b=b: ctx.text(b, values))
                      for i, b in enumerate(slide.bullets)),
        notes=text("notes", slide.notes),
        caption=text("caption", slide.caption),
        chart=chart if _has_rows(chart) else None,
        image=_image(slide.image, at, ctx, values),
        tiles=tuple(_tile(tile, at + ("kpis", i), ctx, values) for i, tile in enumerate(slide.kpis)),
        left=_block(slide.left, at + ("left",), ctx, values),
        right=_block(slide.right, at + ("right",), ctx, values),
        origin=_origin(ctx, index),
        empty_note=_empty_note(empty[0][1], at + (empty[0][0],), ctx, values) if empty else "",
    )
    if not _has_rows(table):
        return [content]
    max_rows = (slide.table or slide.scorecard).max_rows
    return continued_tables(content, table, max_rows, ctx.renderer.word("(continued)"))


def _has_rows(made: ChartContent | TableContent | None) -> bool:
    """Return whether a resolved chart or table has data to show (a chart without rows resolves to None)."""
    return made is not None and (not isinstance(made, TableContent) or bool(made.rows))


def continued_tables(content: SlideContent, table: TableContent, max_rows: int, continued: str) -> list[SlideContent]:
    """Return one slide per ``max_rows`` rows; follow-up slides get a localized "(continued)"."""
    chunks = [table.row_range(i, i + max_rows) for i in range(0, len(table.rows), max_rows)] or [table]
    slides = []
    for number, chunk in enumerate(chunks):
        title = content.title if number == 0 else f"{content.title} {continued}"
        slides.append(replace(content, title=title, table=chunk, notes=content.notes if number == 0 else ""))
    return slides


def _image(source: str | None, at: KeyPath, ctx: DeckContext, values: dict[str, Any]) -> Path | None:
    if not source:
        return None
    return _located(at + ("image",), ctx, lambda: _existing_image(ctx.renderer.interpolate(source, values), ctx.root))


def _existing_image(name: str, root: Path) -> Path:
    # a file path is interpolated, never translated
    path = Path(name) if Path(name).is_absolute() else root / name
    if not path.is_file():
        raise DataError(f"image not found: {path}")
    return path


def _tile(tile: KpiTile, at: KeyPath, ctx: DeckContext, values: dict[str, Any]) -> TileContent:
    def text(key: str, source: str) -> str:
        return _located(at + (key,), ctx, lambda: ctx.text(source, values))

    trend = _located(at + ("trend",), ctx, lambda: ctx.renderer.value(tile.trend, values)) if tile.trend else None
    return TileContent(text("label", tile.label), text("value", tile.value), text("delta", tile.delta),
                       text("note", tile.note), _finite(trend))


def _finite(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _block(block: Block | None, at: KeyPath, ctx: DeckContext, values: dict[str, Any]) -> BlockContent | None:
    if block is None:
        return None
    chart = _located(at + ("chart",), ctx, lambda: sourced(resolve_chart, block.chart, ctx, values)) \
        if block.chart else None
    table = _located(at + ("table",), ctx, lambda: sourced(resolve_table, block.table, ctx, values)) \
        if block.table else None
    # an empty chart or table of one side: "skip" leaves the side its heading and bullets, "note" adds the note
    notes = [_empty_note(spec.when_empty, at + (key,), ctx, values)
             for key, spec, made in (("chart", block.chart, chart), ("table", block.table, table))
             if spec is not None and not _has_rows(made) and spec.when_empty != "skip"]
    return BlockContent(
        heading=_located(at + ("heading",), ctx, lambda: ctx.text(block.heading, values)),
        bullets=tuple(_located(at + ("bullets", i), ctx, lambda b=b: ctx.text(b, values))
                      for i, b in enumerate(block.bullets)),
        chart=chart if _has_rows(chart) else None,
        table=table if _has_rows(table) else None,
        image=_image(block.image, at, ctx, values),
        empty_note=notes[0] if notes else "",
    )


def resolve_table(spec: TableSpec, ctx: DeckContext, values: dict[str, Any]) -> TableContent:
    """Return the table's header and cells, formatted for the deck's locale."""
    frame = ctx.data(spec.data, values)
    columns = [ctx.renderer.interpolate(c.column, values) for c in spec.columns]  # names, not text
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(f"source '{spec.data.source}' has no column '{missing[0]}'")
    rows = []
    for record in frame[columns].itertuples(index=False):
        rows.append(tuple(_cell(value, column, ctx) for value, column in zip(record, spec.columns)))
    header = tuple(ctx.text(c.label or c.column, values) for c in spec.columns)
    numeric = tuple(c.format in ("number", "currency", "percent", "multiple", "weeks") for c in spec.columns)
    return TableContent(header, tuple(rows), numeric)


def _cell(value: Any, column, ctx: DeckContext) -> str:
    if column.format != "text":
        return format_value(value, column.format, ctx.renderer.loc)
    text = "" if value is None or value != value else str(value)
    return ctx.label(text) if column.labels and text else text


def repeat_records(store: DataStore, brand_assets: list[dict[str, Any]]):
    """Return the record finder used for ``repeat`` (data sources and ``brand.assets``)."""

    def records(repeat: Repeat, render: Callable[[str], str]) -> list[dict[str, Any]]:
        if repeat.source == "brand.assets":
            rows = [a for a in brand_assets if _matches(a, repeat.filter, render)]
        else:
            frame = store.rows(repeat.source, repeat.filter, render)
            if repeat.sort:
                frame = frame.sort_values([k.by for k in repeat.sort],
                                          ascending=[not k.descending for k in repeat.sort], kind="stable")
            rows = frame.to_dict("records")
        return rows[: repeat.limit] if repeat.limit else rows

    return records


def _matches(record: dict[str, Any], filters: dict[str, Any], render: Callable[[str], str]) -> bool:
    for key, wanted in filters.items():
        wanted_values = {render(v) if isinstance(v, str) else str(v) for v in (wanted if isinstance(wanted, list) else [wanted])}
        have = record.get(key)
        have_values = {str(h) for h in have} if isinstance(have, (list, tuple)) else {str(have)}
        if not wanted_values & have_values:
            return False
    return True
