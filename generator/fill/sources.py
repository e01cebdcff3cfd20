"""The source note under a chart or table: small grey body text at the foot of its box.

The chart or table is drawn in its box less a strip at the foot, so the note never covers it;
a table shorter than its box has the note right under its last row (or its legend), not far below.
"""

from __future__ import annotations

from generator.fill.shapes import LEGEND_HEIGHT, Look, add_textbox
from generator.geometry import EMU_PER_INCH, Box

SOURCE_HEIGHT = int(0.3 * EMU_PER_INCH)  # one line at SOURCE_SIZE, with its margins
SOURCE_SIZE = 10  # points: under the captions' 12, so it reads as a footnote of the chart
SOURCE_GAP = int(0.05 * EMU_PER_INCH)


def source_box(box: Box, note: str) -> tuple[Box, Box | None]:
    """Return (the box left for the chart or table, the strip of its note at the foot; None without a note)."""
    if not note or box.height <= 2 * SOURCE_HEIGHT:
        return box, None
    strip = Box(box.left, box.top + box.height - SOURCE_HEIGHT, box.width, SOURCE_HEIGHT)
    return Box(box.left, box.top, box.width, box.height - SOURCE_HEIGHT), strip


def add_source_note(slide, note: str, strip: Box | None, look: Look, lang: str, above=None, legend: bool = False):
    """Return the text box of ``note`` in ``strip``, moved up under ``above`` (a table shape) when it ends higher.

    ``legend``: the table has a legend line under its rows, which the note goes under.
    """
    if strip is None:
        return None
    top = strip.top
    if above is not None:
        bottom = above.top + above.height + (int(0.08 * EMU_PER_INCH) + LEGEND_HEIGHT if legend else 0)
        top = min(top, bottom + SOURCE_GAP)
    return add_textbox(slide, note, Box(strip.left, top, strip.width, SOURCE_HEIGHT), lang, size=SOURCE_SIZE,
                       color=look.slate, font=look.body_font)
