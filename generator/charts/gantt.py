"""Gantt timeline drawn flat on a Canvas: one bar per task over dates, coloured by category.

Localized month names run along the top, task names down the left, a category
legend below and an optional "today" line. Laid out in pixels in one pass, like
the category charts: through an Axes, the date axis and its two tick locators made
a gantt four times as costly as a bar chart.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from matplotlib.text import Text

from generator.charts.canvas import Canvas, Frame, tick_pad_points
from generator.charts.legend import Entry, Legend
from generator.charts.model import ChartRequest, Task
from generator.charts.style import Theme
from generator.formats import format_month

TODAY_KEY = "today_date"  # labels[TODAY_KEY] = ISO date; the line is drawn only when given (keeps PNGs deterministic)
BAR_HEIGHT = 0.56  # of a row
ROW_MARGIN = 0.05  # matplotlib's margin around the rows, as a share of their span
MAX_LABEL_SHARE = 0.4  # task names wrap beyond this share of the picture's width
LEGEND_COLUMNS = 5
TODAY_POINTS = 7.5


@dataclass(frozen=True)
class Months:
    """The timeline's span in whole months and its month ticks."""

    first: datetime.date
    end: datetime.date  # the first day after the last month shown
    step: int  # months between ticks: 1, or 2-3 on long spans

    def starts(self) -> list[datetime.date]:
        """Return the month starts that get a grid line (every ``step`` months, the end included)."""
        days, day = [], self.first
        while day <= self.end:
            days.append(day)
            day = _add_months(day, self.step)
        return days

    def labelled(self) -> list[datetime.date]:
        """Return the days that carry a month name: mid-month, or the month starts on long spans."""
        if self.step > 1:
            return self.starts()
        return [day.replace(day=15) for day in self.starts() if day < self.end]


class Timeline:
    """One gantt's frame in pixels and the mapping of dates and rows into it."""

    def __init__(self, canvas: Canvas, request: ChartRequest) -> None:
        self.canvas, self.request, self.tasks = canvas, request, request.tasks
        self.months = month_span(request.tasks)
        span = len(self.tasks) - 1 + BAR_HEIGHT
        self.rows_lo = -BAR_HEIGHT / 2 - ROW_MARGIN * span  # rows sit at 0, 1, 2 ... from the top
        self.rows_hi = len(self.tasks) - 1 + BAR_HEIGHT / 2 + ROW_MARGIN * span
        self.frame = Frame(0, 0, canvas.width, canvas.height)

    def x(self, day: datetime.date) -> float:
        """Return the pixel x of the start of ``day``."""
        total = (self.months.end - self.months.first).days
        return self.frame.left + (day - self.months.first).days / total * self.frame.width

    def y(self, row: float) -> float:
        """Return the pixel y of row position ``row`` (row 0 at the top)."""
        return self.frame.top - (row - self.rows_lo) / (self.rows_hi - self.rows_lo) * self.frame.height


def draw_gantt(canvas: Canvas, request: ChartRequest, theme: Theme) -> None:
    """Draw the tasks top-down with a category legend and an optional "today" line."""
    colors = category_colors(request.tasks, theme)
    plot = Timeline(canvas, request)
    names, months = _task_texts(plot), _month_texts(plot)
    named = [Entry(name, color) for name, color in colors.items() if name]
    legend = Legend(canvas, named, max_columns=LEGEND_COLUMNS) if named else None
    _lay_out(plot, names, months, legend)
    _draw_frame(plot)
    canvas.rectangles([(plot.x(t.start), plot.y(row + BAR_HEIGHT / 2), plot.x(_day_after(t)),
                        plot.y(row - BAR_HEIGHT / 2)) for row, t in enumerate(request.tasks)],
                      [colors[t.category] for t in request.tasks])
    texts = names + months + _today(plot, theme) + (legend.texts if legend else [])
    if legend:
        legend.draw(plot.frame.left, canvas.pad)
    canvas.note_cut_off(texts)


def category_colors(tasks: tuple[Task, ...], theme: Theme) -> dict[str, str]:
    """Return a palette colour per task category, in order of first appearance."""
    names = list(dict.fromkeys(t.category for t in tasks))
    return {name: theme.color(i) for i, name in enumerate(names)}


def month_span(tasks: tuple[Task, ...]) -> Months:
    """Return whole months around the tasks, with a tick step that keeps long spans readable."""
    first = min(min(t.start, t.end) for t in tasks).replace(day=1)  # a task may end before it starts
    end = _add_months(max(max(t.start, t.end) for t in tasks).replace(day=1), 1)
    months = (end.year - first.year) * 12 + end.month - first.month
    return Months(first, end, 1 if months <= 12 else 2 if months <= 24 else 3)


def month_tick(day: datetime.date, locale: str, step: int) -> str:
    """Return the short month name, plus the year on each year's first tick when ticks skip months."""
    name = format_month(day, locale)
    return f"{name} {day.year}" if step > 1 and day.month <= step else name


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1)


def _day_after(task: Task) -> datetime.date:
    """Return where a task's bar ends: it covers its last day too (and one day at least)."""
    return max(task.end, task.start) + datetime.timedelta(days=1)  # a reversed task: its start day


# ----------------------------------------------------------------- layout
def _task_texts(plot: Timeline) -> list[Text]:
    texts = [plot.canvas.tick_text("y", t.label, ha="right", va="center_baseline") for t in plot.tasks]
    for text in texts:
        plot.canvas.wrap(text, MAX_LABEL_SHARE * plot.canvas.width)
    return texts


def _month_texts(plot: Timeline) -> list[Text]:
    return [plot.canvas.tick_text("x", month_tick(day, plot.request.locale, plot.months.step), ha="center",
                                  va="bottom") for day in plot.months.labelled()]


def _lay_out(plot: Timeline, names: list[Text], months: list[Text], legend: Legend | None) -> None:
    """Set the frame so month names, task names and legend fit the picture, then place the names."""
    canvas = plot.canvas
    pad, x_pad, y_pad = canvas.pad, canvas.pt(tick_pad_points("x")), canvas.pt(tick_pad_points("y"))
    above = max([canvas.extent(t).height for t in months] + [0.0]) + x_pad
    left = pad + max([canvas.extent(t).width for t in names] + [0.0]) + y_pad
    if legend:
        legend.fit(canvas.width - pad - left)
    below = legend.height() + legend.gap() + 0.02 * canvas.height if legend else 0.0
    plot.frame = Frame(left, pad + below, canvas.width - pad, canvas.height - pad - above)
    for _ in range(2):  # a month name on the last month start may hang over the right edge
        plot.frame = canvas.at_least(_inside_right(plot, months, pad), keep_top=True)
    for row, text in enumerate(names):
        text.set_position((plot.frame.left - y_pad, plot.y(row)))
    for day, text in zip(plot.months.labelled(), months):
        text.set_position((plot.x(day), plot.frame.top + x_pad))


def _inside_right(plot: Timeline, months: list[Text], pad: float) -> Frame:
    """Return the frame narrowed so no month name hangs past the picture's right edge."""
    over = 0.0
    for day, text in zip(plot.months.labelled(), months):
        text.set_position((plot.x(day), 0.0))
        over = max(over, plot.canvas.extent(text).x1 - (plot.canvas.width - pad))
    return replace(plot.frame, right=plot.frame.right - over)


# ----------------------------------------------------------------- drawing
def _draw_frame(plot: Timeline) -> None:
    """Draw the plot background, a grid line at each month start and the spines the style keeps."""
    canvas, frame = plot.canvas, plot.frame
    canvas.plot_box(frame, ("left", "top", "right"))  # no bottom spine: the rows end in the legend's space
    canvas.grid([((plot.x(day), frame.bottom), (plot.x(day), frame.top)) for day in plot.months.starts()
                 if day < plot.months.end])


def _today(plot: Timeline, theme: Theme) -> list[Text]:
    """Draw a thin vertical "today" line with its localized word when labels give a date on the timeline."""
    iso = plot.request.labels.get(TODAY_KEY)
    day = datetime.date.fromisoformat(iso) if iso else None
    if day is None or not plot.months.first <= day <= plot.months.end:
        return []
    canvas, frame, x = plot.canvas, plot.frame, plot.x(day)
    canvas.segments([((x, frame.bottom), (x, frame.top))], theme.color(1), 1.0, zorder=4)
    word = canvas.text(x + canvas.pt(3), frame.top - canvas.pt(2), plot.request.word("today", "Today"),
                       fontsize=TODAY_POINTS, color=theme.color(1), ha="left", va="top")
    return [word]
