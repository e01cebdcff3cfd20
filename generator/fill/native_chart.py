"""Native, editable PowerPoint charts (``render: native``) from resolved ChartContent.

The chart carries its data in an embedded workbook, so a market manager can edit
it in PowerPoint. Colours come from the brand's chart palette, number formats
from the deck's locale (a CLDR pattern turned into an Excel number format code).
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
from pptx.util import Pt

from generator.charts import chart_kind
from generator.formats import excel_number_format, finite_number as to_finite
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
    _style(frame.chart, chart, xl_type, look, number_format)
    return frame


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
        pptx_chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        pptx_chart.legend.include_in_layout = False
    if whole:
        _colour_points(pptx_chart.plots[0].series[0], look)
        return
    for index, series in enumerate(pptx_chart.plots[0].series):
        _colour_series(series, chart.series[index].kind, _colour(look.palette, index), look, xl_type in LINE_TYPES)
    axis = pptx_chart.value_axis
    axis.tick_labels.number_format = number_format
    axis.tick_labels.number_format_is_linked = False
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb("#E4DED6")


def _colour_series(series, kind: str, colour: str, look: NativeLook, lines: bool) -> None:
    colour = look.muted if kind == "ly" else colour
    if lines:
        series.smooth = False
        series.format.line.color.rgb = _rgb(colour)
        series.format.line.width = Pt(1.5 if kind == "ly" else 2)
        if kind == "ly":
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = _rgb(colour)
        return
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = _rgb(colour)


def _colour_points(series, look: NativeLook) -> None:
    for index, point in enumerate(series.points):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(_colour(look.palette, index))


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
