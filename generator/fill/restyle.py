"""Slides carried from HQ decks, dressed like their neighbours: the brand's table and chart style in
place of PowerPoint's defaults (grey-banded 18 pt tables, charts with gridlines and no labels)."""

from __future__ import annotations

from pptx.oxml.ns import qn
from pptx.shapes.group import GroupShape
from pptx.util import Pt

from generator.fill.shapes import Look, cell_fill
from generator.fill.text import hex_color

TABLE_SIZE = 14.0  # points: a carried table reads as kitgen's own stepped-up tables
CHART_SIZE = 11.0


def restyle_carried(slides, look: Look) -> int:
    """Return how many tables and charts of ``slides`` were given the brand's style."""
    count = 0
    for slide in slides:
        for shape in _shapes(slide.shapes):
            if getattr(shape, "has_table", False) and shape.has_table:
                _restyle_table(shape.table, look)
                count += 1
            elif getattr(shape, "has_chart", False) and shape.has_chart:
                _restyle_chart(shape.chart, look)
                count += 1
    return count


def _shapes(shapes):
    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from _shapes(shape.shapes)
        else:
            yield shape


def _restyle_table(table, look: Look) -> None:
    """Give ``table`` an ink header, ivory bands and the body font; PowerPoint's table style goes."""
    tbl_pr = table._tbl.tblPr
    style_id = tbl_pr.find(qn("a:tableStyleId"))
    if style_id is not None:
        tbl_pr.remove(style_id)
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            cell.fill.solid()
            cell.fill.fore_color.rgb = hex_color(cell_fill(look, header=r == 0, band=r > 0 and r % 2 == 0))
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(TABLE_SIZE)
                    run.font.name = look.body_font
                    run.font.bold = r == 0
                    run.font.color.rgb = hex_color(look.ivory if r == 0 else look.ink)


def _restyle_chart(chart, look: Look) -> None:
    """Give ``chart`` the brand's series colours and labels on the data instead of gridlines."""
    colours = [look.ink, look.gold, look.slate, look.stone, look.positive, look.negative]
    plot = chart.plots[0] if len(chart.plots) else None
    for index, series in enumerate(s for p in chart.plots for s in p.series):
        fill = series.format.fill
        fill.solid()
        fill.fore_color.rgb = hex_color(colours[index % len(colours)])
    # scatter and bubble plots have no plot-wide data labels: their axes carry the values, and stay
    labelled = plot is not None and hasattr(plot._element, "dLbls")
    try:
        axis = chart.value_axis if labelled else None
    except ValueError:  # a pie has no value axis
        axis = None
    if axis is not None:
        axis.has_major_gridlines = False
        axis.has_minor_gridlines = False
        axis.visible = False  # the labels on the bars say the values
    if labelled:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.show_value = True
        labels.font.size = Pt(CHART_SIZE)
        labels.font.color.rgb = hex_color(look.ink)
    chart.font.name = look.body_font
    chart.font.size = Pt(CHART_SIZE)
