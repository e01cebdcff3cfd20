"""Native chart parts: named and related exactly as python-pptx's own add_chart does, without its walks."""

from __future__ import annotations

import zipfile
from io import BytesIO

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE

from generator.fill.chart_parts import add_chart_frame
from generator.geometry import EMU_PER_INCH, Box

BOX = Box(EMU_PER_INCH, EMU_PER_INCH, 6 * EMU_PER_INCH, 3 * EMU_PER_INCH)


def _data(offset: float) -> CategoryChartData:
    data = CategoryChartData()
    data.categories = ["Solenne", "Veyrac"]
    data.add_series("FW26", (1.0 + offset, 2.0))
    return data


def _deck(add) -> dict[str, bytes]:
    """Return the parts of a deck with three slides holding four charts, each added by ``add``."""
    prs = Presentation()
    slides = [prs.slides.add_slide(prs.slide_layouts[6]) for _ in range(3)]
    for index, slide in enumerate(slides + slides[:1]):
        add(slide, index)
    buffer = BytesIO()
    prs.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist() if not name.startswith("docProps/")}


def test_charts_are_named_related_and_written_as_python_pptx_does():
    ours = _deck(lambda slide, i: add_chart_frame(slide, XL_CHART_TYPE.COLUMN_CLUSTERED, BOX, _data(i)))
    theirs = _deck(lambda slide, i: slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, BOX.left, BOX.top,
                                                           BOX.width, BOX.height, _data(i)))
    assert sorted(ours) == sorted(theirs)
    assert "ppt/charts/chart4.xml" in ours and "ppt/embeddings/Microsoft_Excel_Sheet4.xlsx" in ours
    for name in ours:
        assert _comparable(ours[name], name) == _comparable(theirs[name], name), name


def _comparable(blob: bytes, name: str) -> bytes:
    """Return the part's bytes; for a workbook its sheet, as its properties carry the second it was made."""
    if not name.endswith(".xlsx"):
        return blob
    with zipfile.ZipFile(BytesIO(blob)) as workbook:
        return workbook.read("xl/worksheets/sheet1.xml")
