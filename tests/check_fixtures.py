"""A small clean deck made with python-pptx, and tools to break it one way at a time."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from io import BytesIO

from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

Edit = Callable[[bytes], bytes] | bytes | None  # new content, a transform, or None to drop


def good_deck() -> bytes:
    """Return a deck with a title slide and a slide holding picture, chart, table and notes."""
    deck = Presentation()
    title = deck.slides.add_slide(deck.slide_layouts[0])
    title.shapes.title.text = "Maison Orvelle — Solenne"
    title.placeholders[1].text = "Autumn/Winter 2026"
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Sell-out by collection"
    slide.shapes.add_picture(_png(), Inches(0.5), Inches(1.5), Inches(1), Inches(1))
    data = CategoryChartData()
    data.categories = ["Solenne", "Veyrac", "Lumeris"]
    data.add_series("Units", (120, 85, 60))
    slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(2), Inches(1.5), Inches(5), Inches(3), data)
    table = slide.shapes.add_table(2, 2, Inches(2), Inches(5), Inches(4), Inches(1)).table
    table.cell(0, 0).text = "Collection"
    table.cell(0, 1).text = "Units"
    slide.notes_slide.notes_text_frame.text = "Lead with Solenne."
    out = BytesIO()
    deck.save(out)
    return out.getvalue()


def _png() -> BytesIO:
    image = BytesIO()
    Image.new("RGB", (8, 8), (120, 90, 40)).save(image, "PNG")
    image.seek(0)
    return image


def rewrite(deck: bytes, edits: dict[str, Edit], extra_members: tuple[tuple[str, bytes], ...] = ()) -> bytes:
    """Return a copy of a deck zip with parts replaced, transformed, dropped or added."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(deck)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            edit = edits.get(name, lambda data: data)
            content = edit(source.read(name)) if callable(edit) else edit
            if content is not None:
                target.writestr(name, content)
        for name in sorted(set(edits) - set(source.namelist())):
            target.writestr(name, edits[name])
        for name, content in extra_members:
            target.writestr(name, content)
    return out.getvalue()


def read_part(deck: bytes, name: str) -> bytes:
    """Return one member of a deck zip."""
    with zipfile.ZipFile(BytesIO(deck)) as archive:
        return archive.read(name)


def rel_id(deck: bytes, rels_part: str, type_suffix: str) -> str:
    """Return the id of the first relationship of a type in a .rels part."""
    for match in re.finditer(rb"<Relationship [^>]*>", read_part(deck, rels_part)):
        element = match.group().decode()
        if re.search(rf'Type="[^"]*{type_suffix}"', element):
            return re.search(r'Id="([^"]+)"', element).group(1)
    raise AssertionError(f"no {type_suffix} relationship in {rels_part}")


def sub(pattern: str, replacement: str, count: int = 1) -> Callable[[bytes], bytes]:
    """Return an edit that applies one regex substitution (and fails loudly if it cannot)."""

    def edit(data: bytes) -> bytes:
        changed, done = re.subn(pattern.encode(), replacement.encode(), data, count=count)
        assert done, f"pattern {pattern!r} not found"
        return changed

    return edit
