"""A waterfall of small steps on a large total gets a broken value axis, marked on the bars that stand on zero."""

from __future__ import annotations

import numpy as np

from generator.charts.waterfall import broken_floor


def _levels(opening: float, deltas: list[float]) -> tuple[np.ndarray, np.ndarray]:
    steps = np.array([opening, *deltas])
    bottoms = np.concatenate([[0.0], np.cumsum(steps)[:-1], [0.0]])
    return bottoms, bottoms + np.append(steps, steps.sum())


def test_small_steps_on_a_large_total_start_the_axis_below_the_lowest_level():
    bottoms, ends = _levels(10.4, [1.0, 0.2, 0.2, 0.1, -0.5])
    floor = broken_floor(bottoms, ends)
    assert floor is not None and 9.0 < floor < 10.4


def test_large_steps_or_a_fall_below_zero_keep_the_axis_at_zero():
    assert broken_floor(*_levels(2.0, [3.0, -1.0])) is None
    assert broken_floor(*_levels(1.0, [-2.0, 0.5])) is None
    assert broken_floor(*_levels(5.0, [])) is None
