"""Write a master shaped like one exported from Google Slides, to try kitgen on a foreign master.

Google Slides exports every layout of a bought or copied theme as a custom layout named
after the built-in it was made from, with a suffix per copy (``TITLE_AND_BODY_1_2``);
text placeholders are all ``body`` (no ``subTitle``, no ``obj``), the theme fonts are
Arial, the slide is 10 x 5.625 in, and the section layout (``MAIN_POINT``) has a title
only. Nothing here is copied from a real export: the layouts are written from python-pptx's
default template. ``python -m generator.tools.google_master OUT.pptx``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from generator.ooxml import parse_part

# layout name -> placeholders (type, idx, left, top, width, height in inches, size in pt); the
# default template's layouts are reused in order and their placeholders replaced by these.
LAYOUTS: tuple[tuple[str, tuple[tuple[str, int, float, float, float, float, int], ...]], ...] = (
    ("TITLE_1", (("title", 0, 0.6, 1.35, 8.8, 1.5, 40), ("body", 1, 0.6, 2.95, 8.8, 0.7, 18))),
    ("TITLE_AND_BODY_1_2", (("title", 0, 0.5, 0.45, 9.0, 0.6, 26), ("body", 1, 0.5, 1.2, 9.0, 3.8, 16))),
    ("MAIN_POINT_1", (("title", 0, 0.6, 1.2, 8.8, 2.6, 44),)),
    ("TITLE_AND_TWO_COLUMNS_1", (("title", 0, 0.5, 0.45, 9.0, 0.6, 26), ("body", 1, 0.5, 1.2, 4.35, 3.8, 16),
                                 ("body", 2, 5.15, 1.2, 4.35, 3.8, 16))),
    ("ONE_COLUMN_TEXT_1", (("title", 0, 0.5, 0.5, 2.4, 1.2, 28), ("body", 1, 0.5, 1.8, 2.4, 3.2, 14))),
    ("TITLE_ONLY_1", (("title", 0, 0.5, 0.45, 9.0, 0.6, 26),)),
    ("BLANK_1", ()),
    ("BIG_NUMBER_1", (("title", 0, 0.5, 1.0, 9.0, 1.8, 96), ("body", 1, 0.5, 3.0, 9.0, 0.9, 18))),
    ("CAPTION_ONLY_1", (("body", 1, 0.5, 4.55, 9.0, 0.35, 12),)),
)
SLIDE_NUMBER = ("sldNum", 12, 9.27, 5.1, 0.6, 0.43, 10)
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def build_google_master(out: Path) -> Path:
    """Return ``out`` after writing the Google-Slides-style master there."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(10), Inches(5.625)
    layouts = list(prs.slide_layouts)
    for layout in layouts[len(LAYOUTS):]:
        prs.slide_layouts.remove(layout)
    for layout, (name, placeholders) in zip(layouts, LAYOUTS):
        _rewrite(layout, name, placeholders + (SLIDE_NUMBER,))
    _arial_theme(prs)
    _master_styles(prs.slide_master)
    out.parent.mkdir(parents=True, exist_ok=True)
    prs.save(out)
    return out


def _rewrite(layout, name: str, placeholders) -> None:
    """Give ``layout`` the name and only the placeholders listed (custom, as Google writes it)."""
    layout._element.cSld.set("name", name)
    layout._element.attrib.pop("type", None)
    tree = layout.shapes._spTree
    for shape in list(layout.placeholders):
        tree.remove(shape._element)
    for number, spec in enumerate(placeholders, start=2):
        tree.append(_placeholder(number, *spec))


def _placeholder(number: int, kind: str, idx: int, left: float, top: float, width: float, height: float,
                 size: int):
    ph = f'<p:ph type="{kind}"' + (f' idx="{idx}"' if idx else "") + "/>"
    xml = (f'<p:sp xmlns:p="{_P}" xmlns:a="{_A}"><p:nvSpPr><p:cNvPr id="{number}" name="Google Shape;{number};p{idx}"/>'
           f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
           f'<p:spPr><a:xfrm><a:off x="{Inches(left)}" y="{Inches(top)}"/><a:ext cx="{Inches(width)}" '
           f'cy="{Inches(height)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
           f'<p:txBody><a:bodyPr/><a:lstStyle><a:lvl1pPr><a:defRPr sz="{Pt(size).pt * 100:.0f}"/></a:lvl1pPr>'
           f'</a:lstStyle><a:p><a:endParaRPr lang="en"/></a:p></p:txBody></p:sp>')
    return etree.fromstring(xml)


def _arial_theme(prs) -> None:
    """Set the theme's heading and body fonts to Arial, as Google Slides' default theme has them."""
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme")
    root = parse_part(theme.blob, "master", "theme")
    for latin in root.iter(qn("a:latin")):
        if latin.getparent().tag in (qn("a:majorFont"), qn("a:minorFont")):
            latin.set("typeface", "Arial")
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _master_styles(master) -> None:
    """Set the master's title and body sizes (28 / 18 pt) and its placeholders to the 16:9 slide."""
    styles = master._element.find(qn("p:txStyles"))
    for kind, size in (("p:titleStyle", 2800), ("p:bodyStyle", 1800)):
        for level in styles.find(qn(kind)):
            rpr = level.find(qn("a:defRPr"))
            if rpr is not None:
                rpr.set("sz", str(size if level.tag == qn("a:lvl1pPr") else max(size - 200, 1200)))
    for shape in master.placeholders:
        shape.left, shape.width = Inches(0.5), Inches(9.0)
        shape.top, shape.height = {True: (Inches(0.45), Inches(0.6)), False: (Inches(1.2), Inches(3.8))}[
            shape.placeholder_format.type == 1]  # 1: TITLE
        if shape.placeholder_format.idx in (10, 11, 12):
            shape.top, shape.height = Inches(5.1), Inches(0.43)


def main(argv: list[str] | None = None) -> None:
    """Write the master to the path given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    print(build_google_master(parser.parse_args(argv).out))


if __name__ == "__main__":
    main()
