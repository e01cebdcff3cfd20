"""Table measurement: each cell wraps inside its column; a row is as tall as its tallest cell."""

from __future__ import annotations

from dataclasses import dataclass

from generator.fit.measure import Paragraph, text_height

EMU_PER_POINT = 12_700


@dataclass(frozen=True)
class CellStyle:
    """How kitgen draws table cells: font, size and inner margins (points)."""

    font: str
    size: float
    margin_x: float
    margin_y: float


def row_heights(rows: list[tuple[str, ...]], widths_emu: list[int], style: CellStyle, scale: float = 1.0,
                bold_first: bool = True) -> list[float]:
    """Return the height in points each row needs, the first row (header) in bold when ``bold_first``."""
    heights = []
    for index, row in enumerate(rows):
        bold = bold_first and index == 0
        cells = [_cell_height(text, width, style, scale, bold) for text, width in zip(row, widths_emu)]
        heights.append(max(cells, default=0.0))
    return heights


def _cell_height(text: str, width_emu: int, style: CellStyle, scale: float, bold: bool) -> float:
    room = width_emu / EMU_PER_POINT - 2 * style.margin_x
    lines = text.split("\n") or [""]
    height, _ = text_height([Paragraph(line, style.size, style.font, bold) for line in lines], room, scale)
    return height + 2 * style.margin_y


def rows_per_slide(heights: list[float], room_pt: float) -> int:
    """Return how many body rows (after the header, ``heights[0]``) fit ``room_pt``; at least one."""
    used, count = heights[0] if heights else 0.0, 0
    for height in heights[1:]:
        if used + height > room_pt:
            break
        used += height
        count += 1
    return max(count, 1)


@dataclass(frozen=True)
class TableLayout:
    """Row heights (EMU) and the text scale a table is drawn at, and what overflows its box."""

    heights: tuple[int, ...]
    scale: float
    overflow_pt: float


def layout_table(rows: list[tuple[str, ...]], widths_emu: list[int], box_height: int, style: CellStyle,
                 row_height: int, min_scale: float, step: float = 0.025) -> TableLayout:
    """Return row heights that hold every cell, shrinking text (down to ``min_scale``) until the table fits."""
    scale = 1.0
    while True:
        heights = _heights(row_heights(rows, widths_emu, style, scale), box_height / EMU_PER_POINT,
                           row_height / EMU_PER_POINT)
        if sum(heights) <= box_height or scale - step < min_scale - 1e-9:
            return TableLayout(heights, round(scale, 4), max(sum(heights) - box_height, 0) / EMU_PER_POINT)
        scale -= step


def _heights(needed: list[float], room: float, roomy: float) -> tuple[int, ...]:
    """Return row heights in EMU: the roomy default when all rows fit it, else the needed heights plus a share
    of the space left."""
    if sum(max(h, roomy) for h in needed) <= room:
        return tuple(int(max(h, roomy) * EMU_PER_POINT) + 1 for h in needed)
    share = max(room - sum(needed), 0.0) / max(len(needed), 1)
    return tuple(int((h + share) * EMU_PER_POINT) for h in needed)
