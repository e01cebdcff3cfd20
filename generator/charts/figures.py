"""Figures reused between charts of the same size and style.

A new figure means a new Agg renderer, and matplotlib caches text metrics per
renderer: reusing one figure per (style, size, dpi) lets repeated labels (months,
round axis values) be measured once per process instead of once per chart.
Clearing a figure gives the same pixels as a fresh one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

POOL_SIZE = 6  # each figure holds a canvas buffer of a few megabytes

_local = threading.local()  # figures are not thread-safe: one pool per thread


def pooled_figure(key: tuple[object, ...], size_inches: tuple[float, float], dpi: int) -> Figure:
    """Return a cleared figure for ``key``, made under the current rc parameters on first use."""
    pool = _pool()
    figure = pool.pop(key, None)
    if figure is None:
        figure = Figure(figsize=size_inches, dpi=dpi, facecolor=_saved_facecolor())
        FigureCanvasAgg(figure)
    else:
        _clear(figure)
    pool[key] = figure
    while len(pool) > POOL_SIZE:
        pool.popitem(last=False)
    return figure


def _clear(figure: Figure) -> None:
    """Empty ``figure``; its axes are dropped first since Figure.clear would clear each one just to discard it."""
    for ax in tuple(figure.axes):
        figure.delaxes(ax)
    figure.clear()


def _pool() -> OrderedDict[tuple[object, ...], Figure]:
    """Return this thread's figures, least recently used first."""
    if not hasattr(_local, "figures"):
        _local.figures = OrderedDict()
    return _local.figures


def _saved_facecolor() -> object:
    """Return the page colour ``savefig`` would have used: the pixels are taken from the canvas directly."""
    if matplotlib.rcParams["savefig.transparent"]:
        return "none"
    color = matplotlib.rcParams["savefig.facecolor"]
    return matplotlib.rcParams["figure.facecolor"] if color == "auto" else color
