"""Build the slides of one deck: text into the master's own placeholders (so the deck
keeps HQ's fonts, colours and master graphics), pictures, tables and tiles into the
boxes the template profile names."""

from __future__ import annotations

import logging
from typing import Callable

from pptx.presentation import Presentation
from pptx.shapes.base import BaseShape

from generator.charts import RenderedChart
from generator.errors import RenderError
from generator.fill.notes import notes_slide
from generator.fill.placeholders import is_empty_placeholder_element, placeholder_elements, slide_placeholder
from generator.fill.restyle import restyle_carried
from generator.fill.sources import add_source_note, source_box
from generator.fill.shapes import Look, add_picture, add_table, add_textbox, add_tiles, image_aspect, remove_shape
from generator.fill.tables import split_tall_tables
from generator.fill.text import THEME_TEXT, write_paragraphs
from generator.fit import Fitter, ThemeFonts, grow_shape, growth, share_layouts
from generator.geometry import EMU_PER_INCH, Box
from generator.resolve import BlockContent, ChartContent, SlideContent, TableContent
from generator.spec import localized_file
from generator.template import Master

log = logging.getLogger(__name__)
ChartDrawer = Callable[[ChartContent, Box], RenderedChart]
NativeDrawer = Callable[[object, ChartContent, Box], object]  # (slide, chart, box) -> shape, or None if not native
Carrier = Callable[[Presentation, SlideContent, Fitter], None]  # adds the HQ slides a content includes
HEADING_HEIGHT = int(0.45 * EMU_PER_INCH)
CAPTION_HEIGHT = int(0.4 * EMU_PER_INCH)
SUBTITLE_HEIGHT = int(0.8 * EMU_PER_INCH)
NOTE_HEIGHT = int(1.2 * EMU_PER_INCH)
NOTE_SIZE = 20  # points: the masters' body text size, so a note reads as the slide's text, not as a caption
#: role -> the box whose content an empty-data note replaces (title, section and closing slides: the subtitle)
NOTE_SLOTS = {"table": "table", "chart": "chart", "kpi": "tiles", "picture": "picture", "bullets": "body",
              "two-content": "left"}
GRAPHIC_SLOTS = ("table", "chart", "picture")
GROWN_SLOTS = ("body",)  # a bullets slide's body (two columns keep one size side by side)
BULLETS_GROWTH = 1.6  # the most bullets grow: the layout's 18 pt body to about 29 pt


class _SlideFiller:
    """Fill one slide of ``role`` from ``content``."""

    def __init__(self, prs: Presentation, master: Master, content: SlideContent, look: Look, lang: str,
                 draw_chart: ChartDrawer, draw_native: NativeDrawer | None, fitter: Fitter):
        self.master, self.content, self.look, self.lang, self.draw_chart = master, content, look, lang, draw_chart
        self.draw_native, self.fitter = draw_native, fitter
        self.role = content.role
        self.slide = master.add_slide(prs, self.role)
        self.number = len(prs.slides)
        fitter.layout = self.slide.slide_layout.name
        self._by_idx: dict | None = None

    def fit(self, shape, label: str) -> None:
        """Shrink the text of ``shape`` to its box (recording an overflow under ``label``)."""
        self.fitter.fit_shape(shape, self.number, label)

    def _grow_side_by_side(self, slots: tuple[str, ...]) -> None:
        """Grow the bullets of ``slots`` (two columns) to one size: the smallest both have room for."""
        shapes = [shape for shape in map(self.placeholder, slots) if shape is not None and shape.has_text_frame]
        if len(shapes) != len(slots):
            return
        scale = min(growth(shape, self.fitter.fonts, BULLETS_GROWTH) for shape in shapes)
        for shape in shapes:
            grow_shape(shape, self.fitter.fonts, scale)

    def placeholder(self, slot: str):
        """Return the slide placeholder mapped to ``slot``, or None."""
        idx = self.master.slot_idx(self.role, slot)
        if idx is None:
            return None
        if self._by_idx is None:
            self._by_idx = self._placeholders_by_idx()
        found = self._by_idx.get(idx)
        if found is not None and not isinstance(found, BaseShape):  # the shape is made once, when first asked
            found = self._by_idx[idx] = slide_placeholder(found, self.slide)
        return found

    def _placeholders_by_idx(self) -> dict:
        """Return the slide's placeholder elements by idx (the first one of each idx), to be made shapes when asked.

        Read once per slide and kept: python-pptx runs an XPath per shape for every placeholder
        lookup, and a slide asks for several slots (the build's top hot spot).
        """
        found: dict = {}
        for element, idx in placeholder_elements(self.slide):
            found.setdefault(idx, element)
        return found

    def box(self, slot: str) -> Box:
        """Return the box of ``slot`` (its placeholder, or the layout's content area)."""
        return self.master.slot_area(self.role, slot)

    def text(self, slot: str, lines: list[str] | tuple[str, ...], bold_first: bool = False) -> None:
        """Write ``lines`` into the slot's placeholder (the first one bold), or a text box in its area."""
        if not any(line.strip() for line in lines):
            return
        shape = self.placeholder(slot)
        if shape is not None and shape.has_text_frame:
            write_paragraphs(shape.text_frame, lines, self.lang)
            if bold_first and shape.text_frame.paragraphs[0].runs:
                shape.text_frame.paragraphs[0].runs[0].font.bold = True
            if slot in GROWN_SLOTS:  # a few bullets are set larger rather than left in the top of the box
                grow_shape(shape, self.fitter.fonts, BULLETS_GROWTH)
            self.fit(shape, slot)  # once, bold included: a second fit would shrink the shrunk sizes again
        elif slot == "subtitle":
            self._subtitle_in_content_area("\n".join(lines))
        elif slot == "caption":
            log.debug("no caption placeholder on %s; text dropped", self.role)
        else:
            self.fit(add_textbox(self.slide, "\n".join(lines), self.box(slot), self.lang, size=18,
                                 color=THEME_TEXT, font=self.look.body_font), slot)

    def _subtitle_in_content_area(self, text: str) -> None:
        """Show a subtitle the layout has no placeholder for at the top of its content area, and say so."""
        area = self.master.content_area(self.role)
        box = Box(area.left, area.top, area.width, min(SUBTITLE_HEIGHT, area.height))
        self.fit(add_textbox(self.slide, text, box, self.lang, size=20, color=THEME_TEXT,
                             font=self.look.body_font), "subtitle")
        self.fitter.note(self.number, "subtitle", f"the layout has no subtitle placeholder: the {self.role} "
                         "subtitle is shown in a text box (give the role a layout with a subtitle placeholder)")

    def replace(self, slot: str) -> Box:
        """Return the slot's box and remove its placeholder, which kitgen's own shape replaces."""
        box = self.box(slot)
        shape = self.placeholder(slot)
        if shape is not None:
            remove_shape(shape)
            self._by_idx = None  # read again: the removed placeholder must no longer be found
        return box

    def above_caption(self, slot: str) -> Box | None:
        """Return the slot's box less a caption strip at its foot, the caption written there.

        Only for layouts without a caption placeholder (a foreign master's "Title Only"), so the
        caption is not lost; None (use the whole slot) when there is a placeholder or no caption.
        """
        caption = (self.content.caption or "").strip()
        if not caption or self.placeholder("caption") is not None:
            return None
        box = self.replace(slot)
        strip = Box(box.left, box.top + box.height - CAPTION_HEIGHT, box.width, CAPTION_HEIGHT)
        self.fit(add_textbox(self.slide, caption, strip, self.lang, size=12, color=THEME_TEXT,
                             font=self.look.body_font), "caption")
        return Box(box.left, box.top, box.width, box.height - CAPTION_HEIGHT)

    def chart(self, slot: str, chart: ChartContent, box: Box | None = None) -> None:
        box, strip = source_box(box or self.replace(slot), chart.source)
        if not (chart.render == "native" and self.draw_native and self.draw_native(self.slide, chart, box) is not None):
            rendered = self.draw_chart(chart, box)
            add_picture(self.slide, rendered.png, box, rendered.alt_text, "Chart")
            if rendered.cut_off:  # never silent, even for a picture from the cache
                self.fitter.note(self.number, chart.title or self.content.title or slot, rendered.cut_off)
        self.source_note(chart.source, strip, slot)

    def table(self, table: TableContent, box: Box, label: str) -> None:
        box, strip = source_box(box, table.source)
        shape = add_table(self.slide, table, box, self.look, self.lang, fitter=self.fitter, where=(self.number, label))
        self.source_note(table.source, strip, label, shape, bool(table.legend))

    def source_note(self, note: str, strip: Box | None, label: str, above=None, legend: bool = False) -> None:
        """Write the source note of a chart or table in ``strip`` (under the table ``above``)."""
        shape = add_source_note(self.slide, note, strip, self.look, self.lang, above, legend)
        if shape is not None:
            self.fit(shape, f"{label} source")

    def image(self, slot: str, path, box: Box | None = None) -> None:
        # a picture with words has a variant per language beside it (visual.fr.png): the deck's is placed
        path = localized_file(path, self.lang.split("-")[0])
        box = (box or self.replace(slot)).fit_aspect(image_aspect(path))
        add_picture(self.slide, path.read_bytes(), box, self.content.caption or self.content.title, "Image")

    def block(self, slot: str, block: BlockContent) -> None:
        if (block.bullets or block.empty_note) and not (block.chart or block.table or block.image):
            # a side whose chart or table has no row says so in its own text, under its bullets
            lines = ([block.heading] if block.heading else []) + list(block.bullets) + [block.empty_note]
            self.text(slot, [line for line in lines if line], bold_first=bool(block.heading))
            return
        box = self.replace(slot)
        if block.heading:
            heading = add_textbox(self.slide, block.heading, Box(box.left, box.top, box.width, HEADING_HEIGHT),
                                  self.lang, size=16, color=THEME_TEXT, font=self.look.heading_font, bold=True)
            self.fit(heading, f"{slot} heading")
            box = Box(box.left, box.top + HEADING_HEIGHT, box.width, box.height - HEADING_HEIGHT)
        if block.chart:
            self.chart(slot, block.chart, box)
        elif block.table:
            self.table(block.table, box, f"{slot} table")
        elif block.image:
            self.image(slot, block.image, box)

    def empty_note(self, text: str) -> None:
        """Write ``text`` where the role's chart or table would be: in its placeholder, or atop its box."""
        slot = NOTE_SLOTS.get(self.role, "subtitle")
        if slot not in GRAPHIC_SLOTS:
            self.text(slot, [text])
            return
        # a table, chart or picture placeholder shows text as an empty frame of its kind: a text box in the body's style
        box = self.replace(slot)
        note = Box(box.left, box.top, box.width, min(NOTE_HEIGHT, box.height))
        self.fit(add_textbox(self.slide, text, note, self.lang, size=NOTE_SIZE, color=THEME_TEXT,
                             font=self.look.body_font), slot)

    def fill(self):
        c = self.content
        self.text("title", [c.title])
        self.text("subtitle", [c.subtitle])
        if c.bullets:
            self.text("body", c.bullets)
        if c.chart:
            self.chart("chart", c.chart, self.above_caption("chart"))
        if c.table:
            self.table(c.table, self.replace("table"), "table")
        if c.image:
            self.image("picture", c.image, self.above_caption("picture"))
        if c.empty_note:
            self.empty_note(c.empty_note)
        if c.tiles:
            for number, tile in enumerate(add_tiles(self.slide, c.tiles, self.replace("tiles"), self.look, self.lang), 1):
                self.fit(tile, f"tile {number}")
        for slot, block in (("left", c.left), ("right", c.right)):
            if block:
                self.block(slot, block)
        if _bullets_only(c.left) and _bullets_only(c.right):
            self._grow_side_by_side(("left", "right"))
        self.text("caption", [c.caption])
        if c.notes:
            write_paragraphs(notes_slide(self.master, self.slide).notes_text_frame, [c.notes], self.lang)
        for element, _ in placeholder_elements(self.slide):
            if is_empty_placeholder_element(element):
                element.getparent().remove(element)
        return self.slide


def _bullets_only(block: BlockContent | None) -> bool:
    return block is not None and bool(block.bullets) and not (block.chart or block.table or block.image)


def fill_deck(master: Master, slides: list[SlideContent], look: Look, lang: str,
              draw_chart: ChartDrawer, draw_native: NativeDrawer | None = None, *, fitter: Fitter | None = None,
              continued: str = "(continued)", carry: Carrier | None = None) -> Presentation:
    """Return a new presentation from ``master`` holding ``slides``, text fitted to its boxes by ``fitter``.

    Tables taller than their box continue on follow-up slides titled with ``continued``; slides
    included from HQ decks are added by ``carry``.
    """
    fitter = fitter or deck_fitter(master, lang)
    prs = master.new_presentation()
    share_layouts(prs, master.reference)
    for content in split_tall_tables(master, slides, look, continued):
        if content.include is not None:
            if carry is None:
                raise RenderError(f"{content.origin}: slides included from an HQ deck need the HQ stage")
            before = len(prs.slides)
            carry(prs, content, fitter)
            if content.include.restyle:  # HQ's tables and charts dressed like the deck's own
                restyle_carried(list(prs.slides)[before:], look)
            continue
        _SlideFiller(prs, master, content, look, lang, draw_chart, draw_native, fitter).fill()
    return prs


def deck_fitter(master: Master, lang: str) -> Fitter:
    """Return a fitter for one deck on ``master`` in language tag ``lang``."""
    return Fitter(ThemeFonts(*master.fonts), master.min_scale, lang)
