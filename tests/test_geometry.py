"""Boxes: aspect fitting never stretches, columns split evenly."""

from __future__ import annotations

import pytest

from generator.geometry import EMU_PER_INCH, Box

WIDE = Box(100, 200, 8 * EMU_PER_INCH, 4 * EMU_PER_INCH)


def _inside(inner: Box, outer: Box) -> bool:
    return (inner.left >= outer.left and inner.top >= outer.top and
            inner.left + inner.width <= outer.left + outer.width and
            inner.top + inner.height <= outer.top + outer.height)


@pytest.mark.parametrize("aspect", [0.5, 1.0, 1.5, 2.0, 3.0, 16 / 9])
def test_fit_aspect_keeps_the_aspect_inside_the_box(aspect):
    fitted = WIDE.fit_aspect(aspect)
    assert _inside(fitted, WIDE)
    assert fitted.aspect == pytest.approx(aspect, rel=1e-5)
    # the box is filled along one side and centred along the other
    assert fitted.width == WIDE.width or fitted.height == WIDE.height


def test_fit_aspect_centres_a_tall_image():
    fitted = WIDE.fit_aspect(1.0)
    assert fitted == Box(100 + 2 * EMU_PER_INCH, 200, 4 * EMU_PER_INCH, 4 * EMU_PER_INCH)


def test_fit_aspect_same_aspect_and_invalid_aspect():
    assert WIDE.fit_aspect(2.0) == WIDE
    assert WIDE.fit_aspect(0) == WIDE


def test_split_columns_even_with_gaps():
    columns = Box(0, 10, 1000, 50).split_columns(3, 50)
    assert [c.left for c in columns] == [0, 350, 700]
    assert {c.width for c in columns} == {300}
    assert all(c.top == 10 and c.height == 50 for c in columns)
    assert Box(0, 0, 1000, 50).split_columns(1, 50) == [Box(0, 0, 1000, 50)]


def test_split_columns_stay_inside():
    box = Box(7, 0, 1003, 10)
    columns = box.split_columns(4, 13)
    assert all(_inside(c, box) for c in columns)


def test_inset_and_inches():
    assert Box(0, 0, 100, 60).inset(10, 5) == Box(10, 5, 80, 50)
    assert Box(0, 0, 10, 10).inset(20, 20).width == 1
    assert (WIDE.width_in, WIDE.height_in, WIDE.aspect) == (8.0, 4.0, 2.0)
    assert Box(0, 0, 5, 0).aspect == 0.0
