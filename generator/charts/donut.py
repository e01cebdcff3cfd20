"""Donut chart: one series as shares of a whole, the total in the centre."""

from __future__ import annotations

from matplotlib.axes import Axes

from generator.charts.axes import label_for
from generator.charts.model import ChartRequest
from generator.charts.style import Theme
from generator.formats import format_share

RING = 0.32


def donut_parts(request: ChartRequest) -> list[tuple[str, float]]:
    """Return (category, value) pairs that can be drawn: known and positive."""
    return [(c, v) for _, c, v in _indexed_parts(request)]


def _indexed_parts(request: ChartRequest) -> list[tuple[int, str, float]]:
    """Return (category index, category, value) of the parts that can be drawn, for their colours."""
    values = request.series[0].finite(len(request.categories)) if request.series else []
    return [(i, c, v) for i, (c, v) in enumerate(zip(request.categories, values)) if v is not None and v > 0]


def draw_donut(ax: Axes, request: ChartRequest, theme: Theme) -> None:
    """Draw the ring with "category\\nshare" labels outside and the total inside."""
    parts = _indexed_parts(request)
    total = sum(v for _, _, v in parts)
    names = [f"{c}\n{format_share(v / total, request.locale)}" for _, c, v in parts]
    # a slice keeps its category's colour: resolved per category, or by its place among the categories
    colors = [theme.parts[i] if i < len(theme.parts) and theme.parts[i] else theme.color(n)
              for n, (i, _, _) in enumerate(parts)]
    ax.pie([v for _, _, v in parts], labels=names, colors=colors,
           startangle=90, counterclock=False, labeldistance=1.14,
           wedgeprops=dict(width=RING, edgecolor=theme.background, linewidth=1.2),
           textprops=dict(fontsize=8, color=theme.ink))
    ax.text(0, 0.09, request.word("total", "Total"), ha="center", va="center", fontsize=8, color=theme.muted)
    ax.text(0, -0.1, label_for(request, total), ha="center", va="center", fontsize=13, color=theme.ink)
    ax.set_aspect("equal")
    ax.set_axis_off()
