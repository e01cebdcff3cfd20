"""A deck's outline for comparing builds: per slide its layout, title, texts and chart data.

Chart pictures carry their data in the alt text kitgen writes (``descr``); native
charts are summarised from their series, so both kinds compare by data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from generator.errors import KitgenError


@dataclass(frozen=True)
class SlideOutline:
    """What a reviewer sees on one slide: layout, title, texts in shape order, chart data summaries."""

    number: int
    layout: str
    title: str
    texts: tuple[str, ...]
    charts: tuple[str, ...]


def deck_outline(path: Path) -> list[SlideOutline]:
    """Return the outline of every slide of the deck at ``path``."""
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises several types for a broken package
        raise KitgenError(f"{path}: cannot open the deck: {exc}") from exc
    return presentation_outline(prs)


def presentation_outline(prs) -> list[SlideOutline]:
    """Return the outline of every slide of an open python-pptx presentation."""
    return [_slide_outline(n, slide) for n, slide in enumerate(prs.slides, start=1)]


def _slide_outline(number: int, slide) -> SlideOutline:
    texts: list[str] = []
    charts: list[str] = []
    for shape in _shapes(slide.shapes):
        texts.extend(_texts(shape))
        chart = _chart_summary(shape)
        if chart:
            charts.append(chart)
    title_shape = slide.shapes.title
    title = title_shape.text_frame.text.strip() if title_shape is not None else (texts[0] if texts else "")
    return SlideOutline(number, slide.slide_layout.name, title, tuple(texts), tuple(charts))


def _shapes(shapes) -> Iterator:
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _texts(shape) -> list[str]:
    if shape.has_text_frame:
        text = shape.text_frame.text.strip()
        return [text] if text else []
    if getattr(shape, "has_table", False) and shape.has_table:
        # One text per table row: a changed cell reads as a changed row, e.g. 'SOL-3915 | 36 | $665,942'.
        return [" | ".join(cell.text.strip() for cell in row.cells) for row in shape.table.rows]
    return []


def _chart_summary(shape) -> str:
    if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
        return shape._element.nvPicPr.cNvPr.get("descr", "")  # python-pptx has no alt-text property
    if getattr(shape, "has_chart", False) and shape.has_chart:
        plots = shape.chart.plots
        categories = [str(c) for c in plots[0].categories] if len(plots) else []
        series = [f"{s.name}: " + ", ".join(f"{c} {v}" for c, v in zip(categories, s.values))
                  for plot in plots for s in plot.series]
        return f"{shape.chart.chart_type}: " + "; ".join(series)
    return ""
