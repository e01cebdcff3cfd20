"""Delivery: what retailers and the project manager receive from a build.

``deliver(season_dir, result, options)`` runs after :func:`generator.build.pipeline.build_season`:
PDFs beside the decks, a zip kit per retailer, and ``report.html``. It works as a
library call; ``kitgen build --pdf`` is one caller.
"""

from __future__ import annotations

from generator import lazy_face

_FACE = {"DeliveryOptions": "generator.delivery.options", "DeliveryResult": "generator.delivery.options",
         "deliver": "generator.delivery.deliverables",
         "SlideOutline": "generator.delivery.outline", "presentation_outline": "generator.delivery.outline"}
__all__ = sorted(_FACE)

__getattr__ = lazy_face(__name__, _FACE)
