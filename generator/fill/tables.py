"""Tables taller than their box continue on follow-up slides.

The spec's ``max_rows`` already splits long tables while resolving; rows that wrap
(long names, French and Spanish labels) can still make a chunk taller than the
table's box. Before filling, each table slide is measured with the same cell
metrics ``add_table`` uses and split again where its rows stop fitting, so no
table needs to shrink below its normal size just because it is long.
"""

from __future__ import annotations

from dataclasses import replace

from generator.fill.shapes import Look, cell_style, column_widths
from generator.fill.sources import source_box
from generator.fit import row_heights, rows_per_slide
from generator.geometry import EMU_PER_POINT
from generator.resolve import SlideContent
from generator.template import Master


def split_tall_tables(master: Master, slides: list[SlideContent], look: Look, continued: str) -> list[SlideContent]:
    """Return ``slides`` with every table slide split so each chunk of rows fits its box."""
    result: list[SlideContent] = []
    for content in slides:
        result.extend(_split(master, content, look, continued) if content.table else [content])
    return result


def _split(master: Master, content: SlideContent, look: Look, continued: str) -> list[SlideContent]:
    table = content.table
    box, _ = source_box(master.slot_area(content.role, "table"), table.source)  # the source note's strip is not rows'
    rows = [table.header, *table.rows]
    style = cell_style(look)
    heights = row_heights(rows, column_widths(table, box.width, style), style)
    per_slide = rows_per_slide(heights, box.height / EMU_PER_POINT)
    if per_slide >= len(table.rows):
        return [content]
    slides = []
    for number, start in enumerate(range(0, len(table.rows), per_slide)):
        title = content.title if number == 0 or content.title.endswith(continued) else f"{content.title} {continued}"
        slides.append(replace(content, title=title, table=table.row_range(start, start + per_slide),
                              notes=content.notes if number == 0 else ""))
    return slides
