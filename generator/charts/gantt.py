"""Gantt timeline: one bar per task over dates, coloured by category, localized month ticks."""

from __future__ import annotations

import datetime

from matplotlib.axes import Axes
from matplotlib.dates import MonthLocator, date2num, num2date
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, NullFormatter

from generator.charts.formatting import format_month
from generator.charts.model import ChartRequest, Task
from generator.charts.style import Theme

TODAY_KEY = "today_date"  # labels[TODAY_KEY] = ISO date; the line is drawn only when given (keeps PNGs deterministic)


def draw_gantt(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Draw the tasks top-down with a category legend and an optional "today" line."""
    colors = category_colors(request.tasks, theme)
    for row, task in enumerate(request.tasks):
        start, days = date2num(task.start), (task.end - task.start).days + 1
        ax.barh(row, max(days, 1), 0.56, left=start, color=colors[task.category], zorder=3)
    ax.set_yticks(range(len(request.tasks)), [t.label for t in request.tasks])
    ax.invert_yaxis()
    _month_axis(ax, request)
    _today_line(ax, request, theme)
    _category_legend(ax, colors)


def category_colors(tasks: tuple[Task, ...], theme: Theme) -> dict[str, str]:
    """Return a palette colour per task category, in order of first appearance."""
    names = list(dict.fromkeys(t.category for t in tasks))
    return {name: theme.color(i) for i, name in enumerate(names)}


def _month_axis(ax: Axes, request: ChartRequest) -> None:
    """Grid at each month start; localized short month names mid-month (at month starts on long spans)."""
    step = _set_month_span(ax, request.tasks)
    ax.xaxis.set_major_locator(MonthLocator(interval=step))
    locale = request.locale
    month_names = FuncFormatter(lambda x, _pos: month_tick(num2date(x).date(), locale, step))
    if step == 1:
        ax.xaxis.set_minor_locator(MonthLocator(bymonthday=15))
        ax.xaxis.set_major_formatter(NullFormatter())
        ax.xaxis.set_minor_formatter(month_names)
    else:
        ax.xaxis.set_major_formatter(month_names)
    ax.tick_params(axis="x", which="both", length=0, labeltop=True, labelbottom=False)
    ax.grid(True, axis="x", which="major")
    ax.grid(False, axis="y")
    ax.spines["bottom"].set_visible(False)


def month_tick(day: datetime.date, locale: str, step: int) -> str:
    """Return the short month name, plus the year on each year's first tick when ticks skip months."""
    name = format_month(day, locale)
    return f"{name} {day.year}" if step > 1 and day.month <= step else name


def _set_month_span(ax: Axes, tasks: tuple[Task, ...]) -> int:
    """Set x limits to whole months around the tasks; return the tick step (sparser on long spans)."""
    first = min(t.start for t in tasks).replace(day=1)
    last = max(t.end for t in tasks)
    end = datetime.date(last.year + last.month // 12, last.month % 12 + 1, 1)
    ax.set_xlim(date2num(first), date2num(end))
    months = (end.year - first.year) * 12 + end.month - first.month
    return 1 if months <= 12 else 2 if months <= 24 else 3


def _today_line(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Draw a thin vertical "today" line with its localized word when labels give the date."""
    iso = request.labels.get(TODAY_KEY)
    if not iso:
        return
    x = date2num(datetime.date.fromisoformat(iso))
    ax.axvline(x, color=theme.color(1), linewidth=1.0, zorder=4)
    ax.annotate(request.word("today", "Today"), (x, 1.0), xycoords=("data", "axes fraction"), xytext=(3, -2),
                textcoords="offset points", ha="left", va="top", fontsize=7.5, color=theme.color(1))


def _category_legend(ax: Axes, colors: dict[str, str]) -> None:
    """Show one legend entry per named category below the timeline."""
    named = {name: color for name, color in colors.items() if name}
    if not named:
        return
    handles = [Patch(color=color, label=name) for name, color in named.items()]
    renderer, room = ax.figure.canvas.get_renderer(), ax.figure.bbox.width * 0.95
    for ncols in range(min(len(handles), 5), 0, -1):  # as many columns as the picture's width holds
        legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.02), ncols=ncols,
                           handlelength=1.0, columnspacing=1.4)
        if legend.get_window_extent(renderer).width <= room:
            return
