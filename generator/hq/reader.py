"""Read every piece of visible text of a finished deck, in reading order.

Per slide: its shapes as they are stacked (what screen readers read), groups at
any depth, table cells row by row, SmartArt text (in the diagram's data part),
native chart titles, axis titles, series names and category labels (in the
chart part), then the speaker notes. Each paragraph is a :class:`TextUnit`.

Some text exists twice: SmartArt keeps a drawn copy of its text beside the data
(``dsp:drawing``), a shape inside ``mc:AlternateContent`` has a fallback copy, a
chart repeats its categories in every series. Those copies are *shadows*: they
take the translation of the unit with the same source text on the slide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from pptx.oxml.ns import qn

from generator.hq.markers import MarkedParagraph, escape, read_paragraph, unescape
from generator.ooxml import parse_part

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "dsp": "http://schemas.microsoft.com/office/drawing/2008/diagram",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_URI_TABLE = "http://schemas.openxmlformats.org/drawingml/2006/table"
_URI_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_URI_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_RT_DRAWING = "http://schemas.microsoft.com/office/2007/relationships/diagramDrawing"
_SKIP_POINTS = {"parTrans", "sibTrans", "pres"}
_AXES = ("c:catAx", "c:valAx", "c:dateAx", "c:serAx")


@dataclass
class TextUnit:
    """One translatable paragraph (or chart label) of a deck, where it sits and what it says."""

    slide: int
    shape: str  # the shape's name and id, for messages: "'Title 1' (#2)"
    where: str  # the place inside the shape: "paragraph 1", "cell r2c1, paragraph 1", "title"
    kind: str  # text, table, notes, diagram, chart
    element: etree._Element  # the a:p, or the c:v of a chart label
    marked: MarkedParagraph | None = None  # None for a chart label (plain text)
    frame: object | None = None  # the python-pptx shape to fit after translation, if any

    @property
    def text(self) -> str:
        """Return the source text with its markers (a chart label has none)."""
        return self.marked.text if self.marked is not None else escape(self.element.text or "")

    @property
    def plain(self) -> str:
        """Return the text the slide shows."""
        return self.marked.plain if self.marked is not None else unescape(self.text)

    def context(self, deck: str) -> str:
        """Return the msgctxt naming deck, slide and shape: ``hq/launch.pptx slide 3 'Title 1' (#2) paragraph 1``."""
        return f"{deck} slide {self.slide} {self.shape} {self.where}"


@dataclass
class PictureTag:
    """A picture whose alt text is a data tag (``{{ region.visual }}``): swapped per audience."""

    slide: int
    shape: str
    element: etree._Element  # the p:pic
    slide_part: object

    @property
    def expression(self) -> str:
        """Return the alt text holding the tag."""
        return self.element.find("p:nvPicPr/p:cNvPr", NS).get("descr", "")


@dataclass
class DeckText:
    """Everything translatable in one deck, and the XML parts it was read from."""

    units: list[TextUnit] = field(default_factory=list)
    shadows: list[tuple[int, etree._Element]] = field(default_factory=list)  # (slide, a:p or c:v)
    pictures: list[PictureTag] = field(default_factory=list)
    blob_parts: dict[object, etree._Element] = field(default_factory=dict)  # parts python-pptx keeps as bytes

    def flush(self) -> None:
        """Write the XML of parts python-pptx holds only as bytes (diagram parts) back into them."""
        for part, root in self.blob_parts.items():
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def read_deck(prs) -> DeckText:
    """Return the text units of every slide of ``prs``, in reading order."""
    found = DeckText()
    for number, slide in enumerate(prs.slides, 1):
        _SlideReader(found, number, slide).read()
    return found


class _SlideReader:
    def __init__(self, found: DeckText, number: int, slide):
        self.found, self.number, self.slide = found, number, slide

    def read(self) -> None:
        self.tree(self.slide.shapes._spTree, self.slide.shapes, "text")
        if self.slide.has_notes_slide:
            notes = self.slide.notes_slide
            for sp in notes.shapes._spTree.iterfind("p:sp", NS):
                ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
                if ph is not None and ph.get("type") == "body":
                    self.paragraphs(sp, "notes", "notes", None)

    def add(self, shape: str, where: str, kind: str, element, marked=None, frame=None) -> None:
        self.found.units.append(TextUnit(self.number, shape, where, kind, element, marked, frame))

    def tree(self, tree, parent, kind: str) -> None:
        for child in tree:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag in ("sp", "cxnSp"):
                self.paragraphs(child, _label(child), kind, parent._shape_factory(child))
            elif tag == "grpSp":
                self.tree(child, parent._shape_factory(child).shapes, kind)
            elif tag == "graphicFrame":
                self.frame(child)
            elif tag == "pic":
                self.picture(child)
            elif tag == "AlternateContent":
                self.alternate(child, parent, kind)

    def alternate(self, element, parent, kind: str) -> None:
        choice = element.find("mc:Choice", NS)
        if choice is not None:
            self.tree(choice, parent, kind)
        for p in element.iterfind("mc:Fallback//a:p", NS):
            self.found.shadows.append((self.number, p))

    def paragraphs(self, shape, label: str, kind: str, frame) -> None:
        body = shape.find("p:txBody", NS)
        if body is None:
            return
        for index, p in enumerate(body.iterfind("a:p", NS), 1):
            self.paragraph(p, label, f"paragraph {index}", kind, frame)

    def paragraph(self, p, label: str, where: str, kind: str, frame=None) -> None:
        marked = read_paragraph(p)
        if any(ch.isalpha() for ch in marked.plain):
            self.add(label, where, kind, p, marked, frame)

    def picture(self, element) -> None:
        descr = element.find("p:nvPicPr/p:cNvPr", NS).get("descr", "")
        if "{{" in descr:
            self.found.pictures.append(PictureTag(self.number, _label(element), element, self.slide.part))

    def frame(self, element) -> None:
        data = element.find("a:graphic/a:graphicData", NS)
        uri = data.get("uri") if data is not None else ""
        label = _label(element)
        if uri == _URI_TABLE:
            for r, row in enumerate(data.iterfind("a:tbl/a:tr", NS), 1):
                for c, cell in enumerate(row.iterfind("a:tc", NS), 1):
                    for index, p in enumerate(cell.iterfind("a:txBody/a:p", NS), 1):
                        self.paragraph(p, label, f"cell r{r}c{c} paragraph {index}", "table")
        elif uri == _URI_CHART:
            self.chart(data.find("c:chart", NS), label)
        elif uri == _URI_DIAGRAM:
            self.diagram(data.find("dgm:relIds", NS), label)

    def chart(self, ref, label: str) -> None:
        part = self.slide.part.related_part(ref.get(qn("r:id")))
        root = part._element
        for p in root.iterfind("c:chart/c:title/c:tx/c:rich/a:p", NS):
            self.paragraph(p, label, "title", "chart")
        for axis in _AXES:
            for index, p in enumerate(root.iterfind(f"c:chart/c:plotArea/{axis}/c:title/c:tx/c:rich/a:p", NS), 1):
                self.paragraph(p, label, f"{axis[2:]} title {index}", "chart")
        series = root.findall("c:chart/c:plotArea//c:ser", NS)
        for index, ser in enumerate(series, 1):
            for v in ser.iterfind("c:tx/c:strRef/c:strCache/c:pt/c:v", NS):
                self.label(v, label, f"series {index} name")
        for number, ser in enumerate(series):
            values = ser.findall("c:cat//c:strCache/c:pt/c:v", NS) + ser.findall("c:cat/c:strLit/c:pt/c:v", NS)
            for index, v in enumerate(values, 1):
                if number == 0:
                    self.label(v, label, f"category {index}")
                else:  # every series repeats the categories: one message, the same words everywhere
                    self.found.shadows.append((self.number, v))

    def label(self, v, shape: str, where: str) -> None:
        if any(ch.isalpha() for ch in v.text or ""):
            self.add(shape, where, "chart", v)

    def diagram(self, ids, label: str) -> None:
        data_part = self.slide.part.related_part(ids.get(qn("r:dm")))
        root = self._blob_root(data_part)
        for point in root.iterfind("dgm:ptLst/dgm:pt", NS):
            if point.get("type") in _SKIP_POINTS:
                continue
            for index, p in enumerate(point.iterfind("dgm:t/a:p", NS), 1):
                self.paragraph(p, label, f"point {point.get('modelId')} paragraph {index}", "diagram")
        for rel in self.slide.part.rels.values():
            if rel.reltype == _RT_DRAWING and not rel.is_external:
                drawn = self._blob_root(rel.target_part)
                self.found.shadows += [(self.number, p) for p in drawn.iterfind(".//dsp:txBody/a:p", NS)]

    def _blob_root(self, part) -> etree._Element:
        if hasattr(part, "_element"):
            return part._element
        if part not in self.found.blob_parts:
            self.found.blob_parts[part] = parse_part(part.blob, "HQ deck", str(part.partname).lstrip("/"))
        return self.found.blob_parts[part]


def _label(element) -> str:
    """Return a shape's name and id as messages show it: ``'Title 1' (#2)``."""
    props = element.find("./*/p:cNvPr", NS)
    if props is None:
        return "'shape'"
    return f"'{props.get('name', '')}' (#{props.get('id', '')})"


def text_outline(prs) -> list[tuple]:
    """Return the deck's visible text as (place, runs) rows, each run (formatting key, text).

    Runs of equal formatting are merged, proofing attributes ignored: two decks with equal
    outlines show the same words in the same formatting, however their runs are cut.
    """
    from generator.hq.markers import format_key, inline_items

    found = read_deck(prs)
    rows = []
    for unit in found.units + [TextUnit(s, "", "shadow", "shadow", e) for s, e in found.shadows]:
        if unit.element.tag.endswith("}v"):
            rows.append((unit.slide, unit.shape, unit.where, (("", unit.element.text or ""),)))
            continue
        runs: list[list[str]] = []
        for item in inline_items(unit.element):
            is_run = etree.QName(item).localname == "r"
            key = format_key(item.find(qn("a:rPr"))) if is_run else etree.QName(item).localname
            text = item.findtext(qn("a:t")) or "" if is_run else ""
            if runs and runs[-1][0] == key and is_run:
                runs[-1][1] += text
            else:
                runs.append([key, text])
        rows.append((unit.slide, unit.shape, unit.where, tuple(tuple(r) for r in runs if r[1] or not r[0].startswith("<"))))
    return rows
