"""Writing text into shapes: cleaned of characters PowerPoint refuses, tagged with
the proofing language on every run."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import replace

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.oxml.xmlchemy import OxmlElement
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Pt

from generator.resolve import ChartContent

# Colour name for "the master's text colour": follows the template's colour map, so text kitgen
# draws on the slide background stays readable on dark templates (tx1 maps to white there).
THEME_TEXT = "tx1"
ZERO_WIDTH_SPACE = "\u200b"
# What a spreadsheet may read as a formula, an array formula or a link rather than as text.
_WORKBOOK_ACTIVE = re.compile(r"^([=+\-@\t\r{]|(ftp|http)s?://|mailto:|file://|(in|ex)ternal:)", re.IGNORECASE)
# C0 controls except tab and newline, the non-characters, and lone surrogates break the XML.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# One empty ``a:r`` per run style (language, size, bold, colour, font), made by python-pptx's setters:
# runs of one style differ only in their text, and a copy costs a fraction of the setters.
_RUN_STAMPS: dict[tuple, object] = {}


def clean_text(text: str) -> str:
    """Return ``text`` safe for slide XML: CRLF to LF, control characters and U+FFFE removed."""
    return _BAD_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def safe_chart_label(text: str) -> str:
    """Return ``text`` cleaned and safe as a label in a chart's embedded workbook.

    python-pptx writes category labels and series names with xlsxwriter's generic
    ``Worksheet.write()`` on a workbook opened with default options, which turns a string
    starting with ``=`` (or ``{=...}``) into a formula and ``http://``, ``mailto:``,
    ``file://``, ``external:`` strings into links. Labels starting with ``+ - @`` (or a tab or
    CR) are stored as text, but Excel evaluates them as formulas as soon as a user edits the
    cell or the data travels as CSV. A leading zero-width space keeps every such label text
    everywhere while it looks the same on the chart.
    """
    cleaned = clean_text(text)
    return ZERO_WIDTH_SPACE + cleaned if _WORKBOOK_ACTIVE.match(cleaned) else cleaned


def clean_chart(chart: ChartContent) -> ChartContent:
    """Return ``chart`` with every data-borne word (categories, series, tasks, title) cleaned for drawing."""
    series = tuple(replace(s, name=clean_text(s.name)) for s in chart.series)
    tasks = tuple(replace(t, label=clean_text(t.label), category=clean_text(t.category)) for t in chart.tasks)
    return replace(chart, categories=tuple(clean_text(c) for c in chart.categories), series=series, tasks=tasks,
                   title=clean_text(chart.title))


def hex_color(value: str) -> RGBColor:
    """Return an RGBColor for ``#RRGGBB``."""
    return RGBColor.from_string(value.lstrip("#").upper())


def write_paragraphs(frame: TextFrame, lines: list[str] | tuple[str, ...], lang: str, *, size: float | None = None,
                     bold: bool | None = None, color: str | None = None, font: str | None = None) -> None:
    """Replace the text of ``frame`` with one paragraph per line, every run tagged ``lang``."""
    frame.clear()
    paragraphs = [p for line in lines for p in clean_text(line).split("\n")] or [""]
    for index, line in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        add_run(paragraph, line, lang, size=size, bold=bold, color=color, font=font)


def add_run(paragraph, text: str, lang: str, *, size: float | None = None, bold: bool | None = None,
            color: str | None = None, font: str | None = None):
    """Return a new run of ``text`` in ``paragraph`` with its proofing language set."""
    key = (lang, size, bold, color, font)
    stamp = _RUN_STAMPS.get(key)
    if stamp is None:
        stamp = _RUN_STAMPS[key] = _styled_run(*key)
    r = deepcopy(stamp)
    r.text = clean_text(text)  # the a:r setter escapes control characters, as python-pptx's run.text does
    paragraph._p.insert_element_before(r, "a:endParaRPr")  # where python-pptx's add_run puts it
    return _Run(r, paragraph)


def _styled_run(lang: str, size: float | None, bold: bool | None, color: str | None, font: str | None):
    """Return an ``a:r`` (in a paragraph of its own) styled through python-pptx's font setters."""
    run = _Paragraph(OxmlElement("a:p"), None).add_run()
    run.font._rPr.set("lang", lang)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if color == THEME_TEXT:
        run.font.color.theme_color = MSO_THEME_COLOR.TEXT_1
    elif color:
        run.font.color.rgb = hex_color(color)
    if font:
        run.font.name = font
    return run._r
