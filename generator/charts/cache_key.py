"""A stable key for a chart request, for caching rendered PNGs between runs.

Computing a key never imports matplotlib (library versions are read from package
metadata): a build whose charts all come from the cache does not pay for it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from generator.charts.model import ChartRequest
from generator.versions import installed_version

DRAWING_VERSION = "10"  # bump when drawing code changes the pixels (or the cache entries) of an unchanged request


def chart_cache_key(request: ChartRequest) -> str:
    """Return the sha256 hex of the request's canonical JSON, library versions and style file text."""
    payload = {
        # the style by its text, not its path: a Dask worker holds the brand folder at another place
        "request": {**dataclasses.asdict(request), "style": Path(request.style).name if request.style else None},
        "matplotlib": installed_version("matplotlib"),
        "babel": installed_version("babel"),
        "zlib_ng": installed_version("zlib-ng"),  # the PNG deflate: another version may encode other bytes
        "drawing": DRAWING_VERSION,
        "style_text": style_text(request.style),
    }
    text = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def style_text(style: str | None) -> str:
    """Return the style sheet's text ("" when none or unreadable)."""
    if not style:
        return ""
    try:
        return Path(style).read_text(encoding="utf-8")
    except OSError:
        return ""
