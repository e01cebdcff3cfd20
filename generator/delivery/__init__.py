"""Delivery: what retailers and the project manager receive from a build.

``deliver(season_dir, result, options)`` runs after :func:`generator.build.pipeline.build_season`:
PDFs beside the decks, a zip kit per retailer, and ``report.html``. It works as a
library call; ``kitgen build --pdf`` is one caller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import lazy_face
from generator.delivery.options import DeliveryOptions, DeliveryResult

if TYPE_CHECKING:  # the names below, for type checkers and IDEs
    from generator.delivery.deliverables import deliver
    from generator.delivery.diff import diff_paths
    from generator.delivery.outline import SlideOutline, presentation_outline
    from generator.delivery.preview import write_preview_sheets

# imported on first use: python-pptx, pandas and the PDF tools cost about 0.1-0.55 s; the options are read before
# delivering
_LATER = {
    "generator.delivery.deliverables": ("deliver",),
    "generator.delivery.diff": ("diff_paths",),
    "generator.delivery.outline": ("SlideOutline", "presentation_outline"),
    "generator.delivery.preview": ("write_preview_sheets",),
}

__all__ = ["DeliveryOptions", "DeliveryResult", "SlideOutline", "deliver", "diff_paths", "presentation_outline",
           "write_preview_sheets"]

__getattr__ = lazy_face(__name__, _LATER)
