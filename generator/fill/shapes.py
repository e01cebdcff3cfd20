"""Shapes kitgen draws itself: pictures, tables and KPI tiles, inside a given box."""

from __future__ import annotations

import struct
from copy import deepcopy
from dataclasses import dataclass, replace
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.table import _Cell
from pptx.util import Emu, Pt

from generator.fill.images import related_image_part
from generator.fill.text import add_run, clean_text, hex_color, write_paragraphs
from generator.fit import CellStyle, FitResult, Fitter, layout_table, metrics
from generator.geometry import EMU_PER_INCH, EMU_PER_POINT, Box
from generator.resolve import TableContent, TileContent

ROW_HEIGHT = int(0.42 * EMU_PER_INCH)
TABLE_STEPS = (18.0, 16.0, 14.0)  # the sizes a short table steps up to, largest first
TABLE_FILL = 0.75  # short tables' rows are stretched towards this share of the box's height
MAX_ROW_HEIGHT = int(0.8 * EMU_PER_INCH)
LEGEND_HEIGHT = int(0.4 * EMU_PER_INCH)
MARK_SIGNS = {"alert": "\u25cf\u00a0", "good": ""}  # an alert is not told by colour alone
# Tile styling copied from the first tile drawn in each look: (spPr children after the geometry, bodyPr).
_TILE_STYLES: dict = {}
_BARE_SP_PR = [qn("a:xfrm"), qn("a:prstGeom")]  # a new autoshape's spPr, before any styling
CELL_MARGIN_X, CELL_MARGIN_Y = int(0.08 * EMU_PER_INCH), int(0.03 * EMU_PER_INCH)


@dataclass(frozen=True)
class Look:
    """Colours and fonts kitgen uses for the shapes it draws."""

    ink: str
    gold: str
    ivory: str
    stone: str
    slate: str
    positive: str
    negative: str
    heading_font: str
    body_font: str


def add_picture(slide, data: bytes, box: Box, alt_text: str, name: str = "Picture"):
    """Return a picture of ``data`` placed in ``box`` with its alt text.

    The steps of python-pptx's ``shapes.add_picture``, the image part found by ``related_image_part``.
    """
    shapes = slide.shapes
    part, rid = related_image_part(slide, data)
    pic = shapes._add_pic_from_image_part(part, rid, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shapes._recalculate_extents()
    picture = shapes._shape_factory(pic)
    c_nv_pr = picture._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", clean_text(alt_text))  # alt text carries data labels: clean like slide text
    c_nv_pr.set("name", f"{name} {c_nv_pr.get('id')}")
    return picture


def image_aspect(path: Path) -> float:
    """Return width / height of a PNG or JPEG image."""
    from PIL import Image  # Pillow ships with matplotlib

    with Image.open(path) as image:
        width, height = image.size
    return width / height if height else 1.0


def png_size(data: bytes) -> tuple[int, int]:
    """Return the pixel size of PNG ``data`` from its header."""
    return struct.unpack(">II", data[16:24])


def add_table(slide, table: TableContent, box: Box, look: Look, lang: str, size: float = 12.0,
              fitter: Fitter | None = None, where: tuple[int, str] = (0, "table")):
    """Return a table shape filling the top of ``box``: ink header, light banded rows.

    Cells wrap within their column and rows are as tall as their text; when the table is taller than
    ``box`` its text shrinks (down to the fitter's floor) and what still overflows is recorded.
    """
    rows, cols = len(table.rows) + 1, len(table.header)
    full = box
    if table.legend:  # the legend's line is kept below the rows
        box = Box(box.left, box.top, box.width, max(box.height - LEGEND_HEIGHT, ROW_HEIGHT))
    size, widths, plan = _stepped_plan(table, box, look, size, fitter.min_scale if fitter else 1.0)
    plan = replace(plan, heights=_stretched(plan.heights, box.height)) if plan.scale >= 1.0 else plan
    shape = slide.shapes.add_table(rows, cols, Emu(box.left), Emu(box.top), Emu(box.width), Emu(sum(plan.heights)))
    grid = shape.table
    _size_grid(grid, widths, plan.heights)
    cells = _CellStamps(grid, lang, round(size * plan.scale * 100) / 100, look)
    marks = [(), *table.marks] if table.marks else []
    for r, (tr, row) in enumerate(zip(grid._tbl.tr_lst, [table.header, *table.rows])):
        row_marks = marks[r] if r < len(marks) else ()
        for c, (tc, value, right) in enumerate(zip(tr.tc_lst, row, table.numeric)):
            mark = row_marks[c] if c < len(row_marks) else ""
            cells.draw(tc, MARK_SIGNS.get(mark, "") + value if value else value, header=r == 0,
                       band=r > 0 and r % 2 == 0, right=right, mark=mark)
    if table.legend:
        top = full.top + sum(plan.heights) + int(0.08 * EMU_PER_INCH)
        legend = add_textbox(slide, table.legend, Box(full.left, top, full.width, LEGEND_HEIGHT), lang, size=12,
                             color=look.slate, font=look.body_font)
        if fitter:
            fitter.fit_shape(legend, where[0], f"{where[1]} legend")
    if fitter:
        fitter.record(FitResult(plan.scale, rows, plan.overflow_pt), *where)
    return shape


def _stepped_plan(table: TableContent, box: Box, look: Look, size: float, min_scale: float):
    """Return (size, column widths, row plan) at the largest of TABLE_STEPS over ``size`` whose rows fit
    ``box`` unshrunk: a short table is set larger instead of sitting small at the top of its box."""
    rows = [table.header, *table.rows]
    for step in (*(s for s in TABLE_STEPS if s > size), size):
        widths = column_widths(table, box.width, cell_style(look, step))
        plan = layout_table(rows, widths, box.height, cell_style(look, step), ROW_HEIGHT,
                            min_scale if step == size else 1.0)
        if step == size or (plan.scale >= 1.0 and sum(plan.heights) <= box.height):
            return step, widths, plan
    raise AssertionError("unreachable: the last step is the table's own size")


def _stretched(heights: tuple[int, ...], room: int) -> tuple[int, ...]:
    """Return row ``heights`` grown evenly (each up to MAX_ROW_HEIGHT) towards TABLE_FILL of ``room``."""
    total = sum(heights)
    target = int(room * TABLE_FILL)
    if total >= target or not heights:
        return heights
    extra = (target - total) // len(heights)
    return tuple(max(h, min(h + extra, MAX_ROW_HEIGHT)) for h in heights)


def _size_grid(grid, widths: list[int], heights: tuple[int, ...]) -> None:
    """Set the column widths and row heights of ``grid``, then its frame's size to their sums.

    What python-pptx's column and row setters leave, without summing the whole grid again
    after every single change.
    """
    table = grid._tbl
    for column, width in zip(table.tblGrid.gridCol_lst, widths):
        column.w = Emu(width)
    for row, height in zip(table.tr_lst, heights):
        row.h = Emu(height)
    grid.notify_width_changed()
    grid.notify_height_changed()


def cell_style(look: Look, size: float = 12.0) -> CellStyle:
    """Return how table cells are drawn, for measuring them."""
    return CellStyle(look.body_font, size, CELL_MARGIN_X / EMU_PER_POINT, CELL_MARGIN_Y / EMU_PER_POINT)


def column_widths(table: TableContent, total: int, style: CellStyle | None = None) -> list[int]:
    """Return the column widths (EMU) of ``table`` drawn ``total`` EMU wide, by content length.

    With ``style``, a column is widened (at the others' expense) until its longest word fits,
    so "Medium" or "$250,000" never breaks mid-word when the table has room for it.
    """
    lengths = [max([len(h)] + [len(r[i]) for r in table.rows]) for i, h in enumerate(table.header)]
    weights = [min(max(n, 6), 40) for n in lengths]
    widths = [total * w // sum(weights) for w in weights]
    widths[-1] += total - sum(widths)
    return _widen_to_words(widths, _word_floors(table, style)) if style else widths


def _word_floors(table: TableContent, style: CellStyle) -> list[int]:
    """Return, per column, the EMU width its longest word needs (header in bold), margins included."""
    def need(text: str, bold: bool) -> float:
        font = metrics(style.font, bold)
        return max((font.width(word, style.size) for word in text.split()), default=0.0)

    columns = zip(table.header, *table.rows)
    return [int((max([need(h, True)] + [need(c, False) for c in cells]) + 2 * style.margin_x + 1) * EMU_PER_POINT)
            for h, *cells in columns]


def _widen_to_words(widths: list[int], floors: list[int]) -> list[int]:
    """Return ``widths`` with every column at least its floor, taken from columns with room to spare."""
    deficit = sum(max(f - w, 0) for w, f in zip(widths, floors))
    spare = [max(w - f, 0) for w, f in zip(widths, floors)]
    if not deficit or sum(spare) < deficit:  # nothing to do, or no arrangement fits every word
        return widths
    result = [max(w, f) - (deficit * s // sum(spare)) for w, f, s in zip(widths, floors, spare)]
    result[-1] += sum(widths) - sum(result)
    return result


class _CellStamps:
    """Draw the cells of one table, copying the XML of the first cell drawn in each style.

    Drawing a cell through python-pptx's property setters costs about half a millisecond; cells of
    one style (language, size, look, header / banded / plain, left / right) differ only in their
    text, so later ones, in this table or any other, are a copy of the first with the text swapped.
    Multi-line and empty cells are drawn in full.
    """

    _stamps: dict[tuple, object] = {}  # shared by all tables: a few styles per language and size

    def __init__(self, grid, lang: str, size: float, look: Look):
        self.grid, self.lang, self.size, self.look = grid, lang, size, look

    def draw(self, tc, text: str, *, header: bool = False, band: bool = False, right: bool = False,
             mark: str = "") -> None:
        """Fill the cell ``tc`` (an ``a:tc``) with ``text`` in the given style (``mark``: alert or good)."""
        key, line = (self.lang, self.size, self.look, header, band, right, mark), clean_text(text)
        stamp = self._stamps.get(key)
        if stamp is not None and line and "\n" not in line:
            _copy_cell(stamp, tc, line)
            return
        _cell(_Cell(tc, self.grid), text, self.lang, self.size, self.look, header=header, band=band, right=right,
              mark=mark)
        if stamp is None and line and "\n" not in line:
            self._stamps[key] = deepcopy(tc)  # a copy: the deck's own cell stays the deck's


def _copy_cell(stamp, tc, line: str) -> None:
    """Give ``tc`` the children of ``stamp`` with its one run's text set to ``line``."""
    copy = deepcopy(stamp)
    copy.find(f"{qn('a:txBody')}/{qn('a:p')}/{qn('a:r')}").text = line  # the a:r setter escapes like python-pptx
    for child in list(tc):
        tc.remove(child)
    tc.extend(list(copy))


def cell_fill(look: Look, header: bool, band: bool) -> str:
    """Return a table cell's fill: ink header, ivory bands between white rows (kitgen's tables and HQ's alike)."""
    return look.ink if header else (look.ivory if band else "#FFFFFF")


def _cell(cell, text: str, lang: str, size: float, look: Look, *, header: bool = False, band: bool = False,
          right: bool = False, mark: str = "") -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = hex_color(cell_fill(look, header, band))
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Emu(CELL_MARGIN_X)
    cell.margin_top = cell.margin_bottom = Emu(CELL_MARGIN_Y)
    colour = "#FFFFFF" if header else {"alert": look.negative, "good": look.positive}.get(mark, look.ink)
    write_paragraphs(cell.text_frame, [text], lang, size=size, bold=header or bool(mark), color=colour,
                     font=look.body_font)
    cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    cell.text_frame.word_wrap = True


@dataclass(frozen=True)
class TileType:
    """The type sizes (points) of one row of KPI tiles: shared, so values line up across the row."""

    label: float = 14.0
    value: float = 32.0
    delta: float = 15.0
    note: float = 13.0

    def scaled(self, scale: float) -> TileType:
        """Return these sizes times ``scale``, to the half point."""
        return TileType(*(round(size * scale * 2) / 2 for size in (self.label, self.value, self.delta, self.note)))


BASE_TILE_TYPE = TileType()
TILE_FILL = 0.62  # the share of a tile's height its text may take once stepped up: room around the figures
MAX_TILE_STEP = 1.7  # the most a tile's type grows (the value at about 54 pt)
TILE_INSET_PT = 7.2 * 2  # the default left and right insets of a shape's text


def add_tiles(slide, tiles: tuple[TileContent, ...], box: Box, look: Look, lang: str) -> list:
    """Return KPI tiles laid out in up to two rows inside ``box``, their type stepped up to the tiles' size.

    Every tile of a row has the same sizes and the same lines (a missing delta or note keeps its
    line, empty), so labels, values and deltas line up across the row.
    """
    per_row = len(tiles) if len(tiles) <= 4 else (len(tiles) + 1) // 2
    rows = [tiles[i:i + per_row] for i in range(0, len(tiles), per_row)]
    gap = int(0.2 * EMU_PER_INCH)
    row_height = (box.height - gap * (len(rows) - 1)) // len(rows)
    shapes = []
    for r, row in enumerate(rows):
        band = Box(box.left, box.top + r * (row_height + gap), box.width, row_height)
        cells = band.split_columns(per_row, gap)
        sizes = tile_type(row, cells[0], look)
        lines = (any(t.delta for t in row), any(t.note for t in row))
        inset = _top_inset(row, cells[0], look, sizes)
        for tile, cell in zip(row, cells):
            shape = _tile(slide, tile, cell, look, lang, sizes, lines)
            shape.text_frame.margin_top = Emu(inset)
            shapes.append(shape)
    return shapes


def _top_inset(row: tuple[TileContent, ...], cell: Box, look: Look, sizes: TileType) -> int:
    """Return the top inset (EMU) that centres the row's tallest tile text in ``cell``.

    Tiles are anchored at the top with this one inset rather than each in its middle: a tile whose
    label or note takes two lines would otherwise sit its value lower than its neighbours'.
    """
    room = cell.width / EMU_PER_POINT - TILE_INSET_PT
    body = metrics(look.body_font)

    def lines(text: str, size: float) -> int:
        return max(1, -(-int(body.width(text, size)) // max(int(room), 1))) if text else 1

    tallest = max(1.2 * (lines(t.label.upper(), sizes.label) * sizes.label + sizes.value + 6
                         + (sizes.delta if any(x.delta for x in row) else 0)
                         + (lines(t.note, sizes.note) * sizes.note if any(x.note for x in row) else 0))
                  for t in row)
    return max(int((cell.height / EMU_PER_POINT - tallest) / 2 * EMU_PER_POINT), int(0.05 * EMU_PER_INCH))


def tile_type(row: tuple[TileContent, ...], cell: Box, look: Look) -> TileType:
    """Return the type sizes for a row of tiles ``cell`` big: stepped up to fill about TILE_FILL of the
    height, never so large that the widest value or a label word leaves its tile."""
    has_delta, has_note = any(t.delta for t in row), any(t.note for t in row)
    base = BASE_TILE_TYPE
    height_pt = (base.label + base.value + base.delta * has_delta + base.note * has_note) * 1.2 + 12
    scale = min(MAX_TILE_STEP, TILE_FILL * cell.height / EMU_PER_POINT / height_pt)
    room = cell.width / EMU_PER_POINT - TILE_INSET_PT
    value_font, body_font = metrics(look.heading_font), metrics(look.body_font)
    widest = max((value_font.width(t.value, base.value) for t in row), default=0.0)
    words = max((body_font.width(word, base.label) for t in row for word in t.label.upper().split()), default=0.0)
    for need in (widest, words):
        if need > 0:
            scale = min(scale, room / need)
    return base.scaled(max(scale, 1.0))


def _tile(slide, tile: TileContent, box: Box, look: Look, lang: str, sizes: TileType = BASE_TILE_TYPE,
          lines: tuple[bool, bool] = (True, True)):
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    _style_tile(shape, look)
    frame = shape.text_frame
    write_paragraphs(frame, [tile.label.upper()], lang, size=sizes.label, color=look.slate, font=look.body_font)
    _paragraph(frame, tile.value, lang, sizes.value, look.ink, look.heading_font, space=6)
    if lines[0]:
        colour = look.slate if tile.trend is None else (look.positive if tile.trend >= 0 else look.negative)
        _paragraph(frame, tile.delta or "\u00a0", lang, sizes.delta, colour, look.body_font, bold=True)
    if lines[1]:
        _paragraph(frame, tile.note or "\u00a0", lang, sizes.note, look.slate, look.body_font)
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.CENTER
    return shape


def _style_tile(shape, look: Look) -> None:
    """Give ``shape`` the tile's ivory fill, gold line, no shadow, and wrapped, top-anchored text.

    The first tile of a look is styled through python-pptx's setters; later ones copy its XML,
    the setters costing more than the rest of the tile.
    """
    sp_pr, body_pr = shape._element.spPr, shape.text_frame._txBody.bodyPr
    stamp = _TILE_STYLES.get(look)
    if stamp is None or [child.tag for child in sp_pr] != _BARE_SP_PR:
        _set_tile_style(shape, look)
        _TILE_STYLES.setdefault(look, ([deepcopy(child) for child in sp_pr[2:]], deepcopy(body_pr)))
        return
    sp_pr.extend(deepcopy(child) for child in stamp[0])
    body_pr.getparent().replace(body_pr, deepcopy(stamp[1]))


def _set_tile_style(shape, look: Look) -> None:
    shape.fill.solid()
    shape.fill.fore_color.rgb = hex_color(look.ivory)
    shape.line.color.rgb = hex_color(look.gold)
    shape.line.width = Pt(0.75)
    shape.shadow.inherit = False
    shape.text_frame.word_wrap = True
    shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP  # one top inset per row centres the text (add_tiles)


def _paragraph(frame, text: str, lang: str, size: float, color: str, font: str, *, bold: bool = False,
               space: float = 2) -> None:
    paragraph = frame.add_paragraph()
    paragraph.space_before = Pt(space)
    add_run(paragraph, text, lang, size=size, color=color, font=font, bold=bold)


def add_textbox(slide, text: str, box: Box, lang: str, *, size: float, color: str, font: str, bold: bool = False):
    """Return a text box with one line of text (headings above charts, captions)."""
    shape = slide.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape.text_frame.word_wrap = True
    write_paragraphs(shape.text_frame, [text], lang, size=size, color=color, font=font, bold=bold)
    return shape


def remove_shape(shape) -> None:
    """Remove ``shape`` from its slide (used for placeholders kitgen filled otherwise or left empty)."""
    element = shape._element
    element.getparent().remove(element)


def is_empty_placeholder(shape) -> bool:
    """Return True for a placeholder with no text, picture, table or chart in it.

    The build asks ``placeholders.is_empty_placeholder_element`` (no python-pptx shape needed);
    this shape-level statement is what the tests check it against.
    """
    if not shape.is_placeholder or shape._element.tag != qn("p:sp"):
        return False
    return not (shape.has_text_frame and shape.text_frame.text.strip())
