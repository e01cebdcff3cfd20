"""Boxes on a slide, in EMU (English Metric Units: 914,400 per inch, 12,700 per point)."""

from __future__ import annotations

from dataclasses import dataclass

EMU_PER_INCH = 914_400
EMU_PER_POINT = 12_700


@dataclass(frozen=True)
class Box:
    """A rectangle on a slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def aspect(self) -> float:
        """Return width divided by height."""
        return self.width / self.height if self.height else 0.0

    @property
    def width_in(self) -> float:
        """Return the width in inches."""
        return self.width / EMU_PER_INCH

    @property
    def height_in(self) -> float:
        """Return the height in inches."""
        return self.height / EMU_PER_INCH

    def inset(self, dx: int, dy: int) -> "Box":
        """Return this box shrunk by ``dx`` left and right and ``dy`` top and bottom."""
        return Box(self.left + dx, self.top + dy, max(self.width - 2 * dx, 1), max(self.height - 2 * dy, 1))

    def split_columns(self, count: int, gap: int) -> list["Box"]:
        """Return ``count`` equal side-by-side boxes separated by ``gap``."""
        width = (self.width - gap * (count - 1)) // count
        return [Box(self.left + i * (width + gap), self.top, width, self.height) for i in range(count)]

    def fit_aspect(self, aspect: float) -> "Box":
        """Return the largest box of ``aspect`` centred inside this one (never stretched)."""
        if aspect <= 0:
            return self
        if self.aspect > aspect:
            width = int(self.height * aspect)
            return Box(self.left + (self.width - width) // 2, self.top, width, self.height)
        height = int(self.width / aspect)
        return Box(self.left, self.top + (self.height - height) // 2, self.width, height)
