"""A stable key for a chart request, for caching rendered PNGs between runs."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import babel
import matplotlib
import zlib_ng

from generator.charts.model import ChartRequest
from generator.charts.style import style_text

DRAWING_VERSION = "4"  # bump when drawing code changes the pixels of an unchanged request


def chart_cache_key(request: ChartRequest) -> str:
    """Return the sha256 hex of the request's canonical JSON, library versions and style file text."""
    payload = {
        "request": dataclasses.asdict(request),
        "matplotlib": matplotlib.__version__,
        "babel": babel.__version__,
        "zlib_ng": zlib_ng.__version__,  # the PNG deflate: another version may encode other bytes
        "drawing": DRAWING_VERSION,
        "style_text": style_text(request.style),
    }
    text = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
