"""Native, editable PowerPoint charts (``render: native``) from resolved ChartContent.

The chart carries its data in an embedded workbook, so a market manager can edit
it in PowerPoint. Colours are the picture charts' (charts.chart_colors: the brand's fixed
colour of a scenario or category, the chart palette's free colours after), number formats
from the deck's locale (a CLDR pattern turned into an Excel number format code), the value
axis on the one unit and precision of the chart's figures, as a picture's ticks are.
Excel format codes always use "," for grouping and "." for decimals; PowerPoint
shows them with the viewer's own separators, so only the symbol placement and
spacing (e.g. fr_CA ``#,##0" $"``) follow the deck's locale.

Which chart type a kind becomes is its descriptor's ``native`` (generator/charts/kinds/);
a kind without one gets None, so the caller draws a picture instead. Styling follows the
chart type's family (parts of a whole, lines, bars), never the kind's name.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import cached_property

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Pt

from generator.charts import chart_colors, chart_kind
from generator.formats import excel_number_format, excel_scale_format, figure_scale, finite_number as to_finite
from generator.fill.chart_parts import add_chart_frame
from generator.fill.text import clean_text, safe_chart_label
from generator.geometry import Box
from generator.resolve import ChartContent

log = logging.getLogger(__name__)

# one series as parts of a whole: coloured point by point, always with a legend, and no value axis
WHOLE_TYPES = frozenset({XL_CHART_TYPE.DOUGHNUT, XL_CHART_TYPE.DOUGHNUT_EXPLODED, XL_CHART_TYPE.PIE,
                         XL_CHART_TYPE.PIE_EXPLODED})
# series drawn as strokes: coloured lines with markers, last year's dashed
LINE_TYPES = frozenset({XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.LINE_STACKED,
                        XL_CHART_TYPE.LINE_MARKERS_STACKED})
# series stacked on one another: a vertical legend, which PowerPoint lists top segment first, as the stack reads
STACKED_TYPES = frozenset({XL_CHART_TYPE.COLUMN_STACKED, XL_CHART_TYPE.BAR_STACKED, XL_CHART_TYPE.AREA_STACKED})
# the embedded workbook's creation date: xlsxwriter writes the time of the build, so no two builds were the same bytes
WORKBOOK_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class NativeLook:
    """What a native chart takes from the brand and the deck's locale."""

    palette: tuple[str, ...]
    muted: str
    font: str
    locale: str
    currency: str
    font_size: float = 9.0
    fixed: tuple[tuple[str, str], ...] = ()  # the brand's colour per category value (Brand.category_colours)
    scenarios: tuple[tuple[str, str], ...] = ()  # the brand's colour per scenario kind: ty, ly, target

    def colors(self, chart: ChartContent) -> tuple[str, ...]:
        """Return the colour of each part of ``chart`` (series, or categories of a whole), as its picture has them."""
        return chart_colors(chart.kind, chart.categories, chart.series, self.palette, dict(self.fixed),
                            dict(self.scenarios), chart.category_keys)


def chart_type(kind: str) -> XL_CHART_TYPE | None:
    """Return the PowerPoint chart type the chart kind registry gives ``kind``, or None when it has none."""
    try:
        name = chart_kind(kind).native
    except KeyError:
        return None
    return getattr(XL_CHART_TYPE, name) if name else None


def supports_native(kind: str) -> bool:
    """Return whether ``kind`` has a native PowerPoint chart type."""
    return chart_type(kind) is not None


def add_native_chart(slide, chart: ChartContent, box: Box, look: NativeLook):
    """Return the graphic frame of a native chart for ``chart`` placed in ``box``, or None if unsupported."""
    xl_type = chart_type(chart.kind)
    if xl_type is None or not chart.series:
        log.debug("chart %s has no native form; drawn as a picture", chart.kind)
        return None
    number_format = excel_number_format(chart.value_format, look.locale, look.currency)
    frame = add_chart_frame(slide, xl_type, box, chart_data(chart, number_format))
    frame.name = "Chart"
    frame._element.nvGraphicFramePr.cNvPr.set("descr", clean_text(chart.title or chart.kind))  # alt text
    _style(frame.chart, chart, xl_type, look, axis_format(chart, look))
    tag_language(frame.chart._chartSpace, look.locale.replace("_", "-"))
    return frame


def tag_language(chart_space, tag: str) -> None:
    """Tag the chart's text with the deck's language (``fr-CA``): python-pptx writes ``en-US`` whatever the deck.

    PowerPoint proofs and hyphenates chart labels in the language of their text properties
    (``a:defRPr``, ``a:rPr``, ``a:endParaRPr``), and the chart's own ``c:lang`` names its editing language.
    """
    for element in chart_space.iter(qn("a:defRPr"), qn("a:rPr"), qn("a:endParaRPr")):
        element.set("lang", tag)
    lang = chart_space.find(qn("c:lang"))
    if lang is None:  # schema order: c:date1904?, c:lang?, c:roundedCorners?, ...
        lang = OxmlElement("c:lang")
        date1904 = chart_space.find(qn("c:date1904"))
        if date1904 is not None:
            date1904.addnext(lang)
        else:
            chart_space.insert(0, lang)
    lang.set("val", tag)


def axis_format(chart: ChartContent, look: NativeLook) -> str:
    """Return the Excel code of the value axis: the chart's figures on one unit and precision, as pictures show them."""
    count = len(chart.categories)
    values = [v for s in chart.series for v in s.finite(count)]
    if chart_kind(chart.kind).totals == "columns":  # a stack's total sets the unit (its axis reaches it)
        values += [sum(v or 0.0 for v in column) for column in zip(*(s.finite(count) for s in chart.series))]
    return excel_scale_format(figure_scale(values, chart.value_format, look.locale, look.currency))


def chart_data(chart: ChartContent, number_format: str) -> CategoryChartData:
    """Return the chart's categories and series as python-pptx chart data (gaps stay blank)."""
    data = _ChartData(number_format=number_format)
    data.categories = [safe_chart_label(c) for c in chart.categories]
    count = len(chart.categories)
    for series in chart.series:
        data.add_series(safe_chart_label(series.name), [to_finite(v) for v in series.finite(count)])
    return data


def _style(pptx_chart, chart: ChartContent, xl_type: XL_CHART_TYPE, look: NativeLook, number_format: str) -> None:
    pptx_chart.font.size = Pt(look.font_size)
    pptx_chart.font.name = look.font
    whole = xl_type in WHOLE_TYPES
    pptx_chart.has_legend = whole or len(chart.series) > 1
    if pptx_chart.has_legend:
        stacked = xl_type in STACKED_TYPES
        pptx_chart.legend.position = XL_LEGEND_POSITION.RIGHT if stacked else XL_LEGEND_POSITION.BOTTOM
        pptx_chart.legend.include_in_layout = False
    colors = look.colors(chart)
    if whole:
        _colour_points(pptx_chart.plots[0].series[0], look, colors)
        return
    for index, series in enumerate(pptx_chart.plots[0].series):
        resolved = colors[index] if index < len(colors) else ""
        _colour_series(series, chart.series[index].kind, resolved or _colour(look.palette, index), look,
                       xl_type in LINE_TYPES, bool(resolved))
    axis = pptx_chart.value_axis
    axis.tick_labels.number_format = number_format
    axis.tick_labels.number_format_is_linked = False
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb("#E4DED6")


def _colour_series(series, kind: str, colour: str, look: NativeLook, lines: bool, resolved: bool = False) -> None:
    colour = look.muted if kind == "ly" and not resolved else colour
    if lines:
        series.smooth = False
        series.format.line.color.rgb = _rgb(colour)
        series.format.line.width = Pt(1.5 if kind == "ly" else 2)
        if kind == "ly":
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = _rgb(colour)
        return
    if kind == "target":  # IBCS notation: a target is outlined, never filled
        series.format.fill.background()
        series.format.line.color.rgb = _rgb(colour)
        series.format.line.width = Pt(1.25)
        return
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = _rgb(colour)


def _colour_points(series, look: NativeLook, colors: tuple[str, ...] = ()) -> None:
    for index, point in enumerate(series.points):
        point.format.fill.solid()
        resolved = colors[index] if index < len(colors) else ""
        point.format.fill.fore_color.rgb = _rgb(resolved or _colour(look.palette, index))


def _colour(palette: tuple[str, ...], index: int) -> str:
    return palette[index % len(palette)] if palette else "#1F2A44"


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#")[:6].upper())


class _WorkbookWriter(CategoryWorkbookWriter):
    """python-pptx's workbook writer, dating the workbook :data:`WORKBOOK_DATE` instead of now."""

    def _populate_worksheet(self, workbook, worksheet):
        workbook.set_properties({"created": WORKBOOK_DATE})
        super()._populate_worksheet(workbook, worksheet)


class _ChartData(CategoryChartData):
    """Chart data whose embedded workbook comes out the same bytes in every build."""

    @cached_property
    def _workbook_writer(self) -> _WorkbookWriter:
        return _WorkbookWriter(self)
