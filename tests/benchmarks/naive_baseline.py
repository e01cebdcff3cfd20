"""The naive baseline kitgen is measured against: a straightforward sequential script.

It builds the same decks as ``kitgen build`` (same jobs, same resolved slide
content from kitgen's resolve stage, so the same slide and chart counts) but
places the content the way a first script would: one python-pptx deck after the
other, every chart drawn with pyplot in a new figure, saved with
``bbox_inches="tight"`` at 200 dpi, no caching, no processes.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402
from pptx.util import Pt  # noqa: E402

from generator.build.builder import DeckBuilder  # noqa: E402
from generator.build.pipeline import BuildOptions, plan_jobs  # noqa: E402
from generator.charts import format_value  # noqa: E402
from generator.geometry import EMU_PER_INCH, Box  # noqa: E402
from generator.i18n.localize import LocaleContext, TextRenderer  # noqa: E402
from generator.resolve.content import ChartContent, SlideContent  # noqa: E402
from generator.spec import load_season  # noqa: E402

DPI = 200


@dataclass
class NaiveResult:
    """What the naive script built and how long it took."""

    decks: int = 0
    slides: int = 0
    charts: int = 0
    seconds: float = 0.0


def build_naive(season_dir: Path, out_dir: Path) -> NaiveResult:
    """Return the counts and wall time of building the season's decks the naive way into ``out_dir``."""
    started = time.perf_counter()
    season = load_season(season_dir)
    builder = DeckBuilder(season)
    result = NaiveResult()
    for job in plan_jobs(season, builder, BuildOptions(out_dir)):
        renderer = TextRenderer(LocaleContext(job.language, job.locale, job.currency), builder.catalogs)
        slides = builder.resolve(job, renderer)
        prs = builder.master.new_presentation()
        for content in slides:
            result.charts += _add_slide(prs, builder, content, job.locale, job.currency)
        path = out_dir / job.output
        path.parent.mkdir(parents=True, exist_ok=True)
        prs.save(path)
        result.decks += 1
        result.slides += len(slides)
    result.seconds = time.perf_counter() - started
    return result


def _add_slide(prs, builder: DeckBuilder, content: SlideContent, locale: str, currency: str) -> int:
    slide = prs.slides.add_slide(builder.master.layout(prs, content.role))
    area = builder.master.content_area(content.role)
    if slide.shapes.title is not None:
        slide.shapes.title.text = content.title
    lines = [content.subtitle, *content.bullets, content.caption]
    lines += [f"{t.label}: {t.value} {t.delta} {t.note}" for t in content.tiles]
    charts = [c for c in (content.chart, content.left and content.left.chart, content.right and content.right.chart)
              if c]
    tables = [t for t in (content.table, content.left and content.left.table, content.right and content.right.table)
              if t]
    for block in (content.left, content.right):
        if block:
            lines += [block.heading, *block.bullets]
    if any(lines):
        box = slide.shapes.add_textbox(area.left, area.top, area.width, area.height // 4)
        box.text_frame.text = "\n".join(line for line in lines if line)
    for table in tables:
        shape = slide.shapes.add_table(len(table.rows) + 1, len(table.header), area.left, area.top + area.height // 4,
                                       area.width, area.height // 2)
        for row, cells in enumerate([table.header, *table.rows]):
            for col, text in enumerate(cells):
                shape.table.cell(row, col).text = text
                shape.table.cell(row, col).text_frame.paragraphs[0].font.size = Pt(10)
    for index, chart in enumerate(charts):
        width = area.width // len(charts)
        box = Box(area.left + index * width, area.top, width, area.height)
        slide.shapes.add_picture(io.BytesIO(_pyplot_png(chart, box, locale, currency)), box.left, box.top, box.width)
    for image in (content.image, content.left and content.left.image, content.right and content.right.image):
        if image:
            slide.shapes.add_picture(str(image), area.left, area.top, area.width // 2)
    if content.notes:
        slide.notes_slide.notes_text_frame.text = content.notes
    return len(charts)


def _pyplot_png(chart: ChartContent, box: Box, locale: str, currency: str) -> bytes:
    """Return the chart drawn the usual pyplot way: new figure, tight bounding box, 200 dpi."""
    fig, ax = plt.subplots(figsize=(box.width / EMU_PER_INCH, box.height / EMU_PER_INCH))
    x = list(range(len(chart.categories)))
    values = [[v if v is not None else 0.0 for v in s.finite(len(x))] for s in chart.series]
    if chart.kind == "donut" and values:
        ax.pie([max(v, 0.0) for v in values[0]], labels=chart.categories, wedgeprops={"width": 0.35})
    elif chart.kind == "line":
        for series, ys in zip(chart.series, values):
            ax.plot(x, ys, label=series.name, marker="o")
    elif chart.kind == "gantt":
        for row, task in enumerate(chart.tasks):
            ax.barh(row, (task.end - task.start).days + 1, left=task.start.toordinal())
        ax.set_yticks(range(len(chart.tasks)), [t.label for t in chart.tasks])
    else:
        bottom = [0.0] * len(x)
        for series, ys in zip(chart.series, values):
            ax.bar(x, ys, bottom=bottom if chart.kind == "stacked_bar" else None, label=series.name)
            bottom = [b + y for b, y in zip(bottom, ys)]
    if chart.kind not in ("donut", "gantt"):
        ax.set_xticks(x, chart.categories, rotation=30, ha="right")
        ax.yaxis.set_major_formatter(FuncFormatter(
            lambda v, _: format_value(v, chart.value_format, locale, currency, compact=True)))
        if len(chart.series) > 1:
            ax.legend()
    ax.set_title(chart.title)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()
