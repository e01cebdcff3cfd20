"""Tables and charts carried from HQ decks take the brand's style instead of PowerPoint's defaults."""

from __future__ import annotations

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from generator.fill import Look
from generator.fill.restyle import TABLE_SIZE, restyle_carried

LOOK = Look(ink="#101B2D", gold="#B8975A", ivory="#F7F3EA", stone="#D9D2C3", slate="#5B6676",
            positive="#2E7D5B", negative="#A63D40", heading_font="Cambria", body_font="Calibri")


def _office_slide():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    table = slide.shapes.add_table(3, 2, Inches(1), Inches(1), Inches(6), Inches(2)).table
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
            cell.text_frame.paragraphs[0].runs[0].font.size = Pt(18)
    data = CategoryChartData()
    data.categories = ["Steel", "Gold"]
    data.add_series("Units", (420, 160))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(4), Inches(6), Inches(3),
                                   data).chart
    chart.value_axis.has_major_gridlines = True
    return slide


def test_a_carried_table_and_chart_take_the_house_style():
    slide = _office_slide()
    assert restyle_carried([slide], LOOK) == 2
    table = next(s for s in slide.shapes if s.has_table).table
    assert table._tbl.tblPr.find(qn("a:tableStyleId")) is None
    assert str(table.cell(0, 0).fill.fore_color.rgb) == "101B2D"
    assert table.cell(1, 0).text_frame.paragraphs[0].runs[0].font.size == Pt(TABLE_SIZE)
    chart = next(s for s in slide.shapes if s.has_chart).chart
    assert not chart.value_axis.has_major_gridlines
    assert chart.plots[0].has_data_labels
    assert str(chart.plots[0].series[0].format.fill.fore_color.rgb) == "101B2D"


def test_a_carried_scatter_chart_keeps_its_axes_and_takes_the_colours():
    from pptx.chart.data import XyChartData

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    data = XyChartData()
    data.add_series("Units").add_data_point(1.0, 2.0)
    chart = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER, Inches(1), Inches(1), Inches(6), Inches(3), data).chart
    assert restyle_carried([slide], LOOK) == 1
    assert chart.value_axis.visible  # its axes carry the values: no plot-wide labels to replace them
    assert str(chart.plots[0].series[0].format.fill.fore_color.rgb) == "101B2D"
