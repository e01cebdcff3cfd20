"""Native chart parts of a deck, named the way python-pptx names them, without its package walks.

python-pptx names a new chart part and its embedded workbook by walking the whole package for
the first free number, twice per chart: on a long deck that walk costs more than the chart. A
deck's charts are only added here while it is filled, so the part names are read once per
package and every name handed out is added to them.
"""

from __future__ import annotations

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart

from generator.geometry import Box
from generator.ooxml import package_record

_RECORD = "_kitgen_part_names"


def add_chart_frame(slide, chart_type, box: Box, chart_data):
    """Return the graphic frame of a new native chart on ``slide``, as python-pptx's ``add_chart`` makes it."""
    package = slide.part.package
    chart_part = ChartPart.load(_next_name(package, ChartPart.partname_template), CT.DML_CHART, package,
                                chart_data.xml_bytes(chart_type))
    workbook = EmbeddedXlsxPart(_next_name(package, EmbeddedXlsxPart.partname_template),
                                EmbeddedXlsxPart.content_type, package, chart_data.xlsx_blob)
    chart_part.chart_workbook.xlsx_part = workbook
    shapes = slide.shapes
    frame = shapes._add_chart_graphicFrame(slide.part.relate_to(chart_part, RT.CHART),
                                           box.left, box.top, box.width, box.height)
    shapes._recalculate_extents()
    return shapes._shape_factory(frame)


def _next_name(package, template: str) -> PackURI:
    """Return the first free part name of ``template`` counting from 1, marked as taken.

    python-pptx counts down from one more than the number of such parts instead; on the decks kitgen fills,
    whose parts have no gaps, both give the same name.
    """
    names = package_record(package, _RECORD, lambda p: {str(part.partname) for part in p.iter_parts()})
    number = 1
    while template % number in names:
        number += 1
    names.add(template % number)
    return PackURI(template % number)
