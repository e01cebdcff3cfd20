"""Native, editable PowerPoint charts (``render: native``) from resolved ChartContent.

The chart carries its data in an embedded workbook, so a market manager can edit
it in PowerPoint. Colours come from the brand's chart palette, number formats
from the deck's locale (a CLDR pattern turned into an Excel number format code).
Excel format codes always use "," for grouping and "." for decimals; PowerPoint
shows them with the viewer's own separators, so only the symbol placement and
spacing (e.g. fr_CA ``#,##0" $"``) follow the deck's locale.

Kinds without a fitting PowerPoint chart type (waterfall, bullet, gantt) return
False so the caller draws a picture instead.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from babel import Locale
from babel.numbers import get_currency_symbol
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Pt

from generator.charts.model import to_finite
from generator.fill.chart_parts import add_chart_frame
from generator.fill.text import clean_text, safe_chart_label
from generator.geometry import Box
from generator.resolve.content import ChartContent

log = logging.getLogger(__name__)

CHART_TYPES = {"bar": XL_CHART_TYPE.COLUMN_CLUSTERED, "stacked_bar": XL_CHART_TYPE.COLUMN_STACKED,
               "line": XL_CHART_TYPE.LINE_MARKERS, "donut": XL_CHART_TYPE.DOUGHNUT}
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


def supports_native(kind: str) -> bool:
    """Return whether ``kind`` has a native PowerPoint chart type."""
    return kind in CHART_TYPES


def add_native_chart(slide, chart: ChartContent, box: Box, look: NativeLook):
    """Return the graphic frame of a native chart for ``chart`` placed in ``box``, or None if unsupported."""
    if not supports_native(chart.kind) or not chart.series:
        log.debug("chart %s has no native form; drawn as a picture", chart.kind)
        return None
    number_format = excel_number_format(chart.value_format, look.locale, look.currency)
    frame = add_chart_frame(slide, CHART_TYPES[chart.kind], box, chart_data(chart, number_format))
    frame.name = "Chart"
    frame._element.nvGraphicFramePr.cNvPr.set("descr", clean_text(chart.title or chart.kind))  # alt text
    _style(frame.chart, chart, look, number_format)
    return frame


def chart_data(chart: ChartContent, number_format: str) -> CategoryChartData:
    """Return the chart's categories and series as python-pptx chart data (gaps stay blank)."""
    data = _ChartData(number_format=number_format)
    data.categories = [safe_chart_label(c) for c in chart.categories]
    count = len(chart.categories)
    for series in chart.series:
        data.add_series(safe_chart_label(series.name), [to_finite(v) for v in series.finite(count)])
    return data


def _style(pptx_chart, chart: ChartContent, look: NativeLook, number_format: str) -> None:
    pptx_chart.font.size = Pt(look.font_size)
    pptx_chart.font.name = look.font
    pptx_chart.has_legend = chart.kind == "donut" or len(chart.series) > 1
    if pptx_chart.has_legend:
        pptx_chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        pptx_chart.legend.include_in_layout = False
    if chart.kind == "donut":
        _colour_points(pptx_chart.plots[0].series[0], look)
        return
    for index, series in enumerate(pptx_chart.plots[0].series):
        _colour_series(series, chart.series[index].kind, _colour(look.palette, index), look, chart.kind)
    axis = pptx_chart.value_axis
    axis.tick_labels.number_format = number_format
    axis.tick_labels.number_format_is_linked = False
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb("#E4DED6")


def _colour_series(series, kind: str, colour: str, look: NativeLook, chart_kind: str) -> None:
    colour = look.muted if kind == "ly" else colour
    if chart_kind == "line":
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


@lru_cache(maxsize=64)
def excel_number_format(value_format: str, locale: str, currency: str) -> str:
    """Return the Excel number format code of ``value_format`` in ``locale`` (e.g. fr_CA currency ``#,##0" $"``)."""
    loc = Locale.parse(locale)
    if value_format == "currency":
        return _excel_pattern(loc.currency_formats["standard"].pattern, "#,##0",
                              get_currency_symbol(currency, locale))
    if value_format == "percent":
        return _excel_pattern(loc.percent_formats[None].pattern, "0.0", "")
    if value_format == "multiple":
        return '0.0"\u00d7"'
    return "#,##0"


def _excel_pattern(cldr: str, digits: str, symbol: str) -> str:
    """Return a CLDR pattern's positive part with its number replaced by ``digits`` and literals quoted."""
    positive = cldr.split(";")[0]
    number = re.search(r"[#0][#0,.]*", positive)
    if number is None:
        return digits
    before, after = positive[:number.start()], positive[number.end():]
    return _literal(before, symbol) + digits + _literal(after, symbol)


def _literal(text: str, symbol: str) -> str:
    """Return pattern text as Excel literals: ``%`` stays live, everything else is quoted."""
    parts = re.split(r"(%)", text.replace("\u00a4", symbol))
    return "".join(p if p == "%" else (f'"{p}"' if p else "") for p in parts)


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
