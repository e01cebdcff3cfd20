"""A stable key for a chart request, for caching rendered PNGs between runs.

The key is :func:`generator.cache_key.cache_key` of the request, so kitgen's code and the
library versions count too. Computing one never imports matplotlib (versions are read from
package metadata): a build whose charts all come from the cache does not pay for it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.cache_key import cache_key
from generator.charts.model import ChartRequest

# kitgen's code hash already redraws on any code change; bump this when the cache entries' own layout changes
DRAWING_VERSION = "10"


def chart_cache_key(request: ChartRequest) -> str:
    """Return the sha256 hex key of the request (as canonical JSON), the drawing version and the style file text."""
    # the style by its text, not its path: a Dask worker holds the brand folder at another place
    fields = {**dataclasses.asdict(request), "style": Path(request.style).name if request.style else None}
    return cache_key("chart", fields, DRAWING_VERSION, style_text(request.style))


def style_text(style: str | None) -> str:
    """Return the style sheet's text ("" when none or unreadable)."""
    if not style:
        return ""
    try:
        return Path(style).read_text(encoding="utf-8")
    except OSError:
        return ""
