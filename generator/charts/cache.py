"""A disk cache of rendered chart pictures, shared by builds and worker processes.

Entries are named by :func:`generator.charts.chart_cache_key` (a hash of the data,
kind, words, locale, palette, style text, box size, dpi and library versions), so
an entry never goes stale: a change to any input gives a new key. After a build,
:meth:`ChartCache.prune` removes the pictures no output uses any more. Each entry is
``<key[:2]>/<key>.png`` plus ``<key>.json`` beside it (alt text and cut-off note); both are written through
:func:`generator.writer.write_atomic`, so a reader never sees half a file even when
two workers store the same chart at once.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from generator.charts.model import RenderedChart
from generator.errors import OutputError
from generator.writer import remove_files, write_atomic

log = logging.getLogger(__name__)
_WORDS = ".json"  # beside each picture: its alt text and cut-off note


class ChartCache:
    """Rendered charts on disk under ``folder``, looked up by content key."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _paths(self, key: str) -> tuple[Path, Path]:
        shard = self.folder / key[:2]
        return shard / f"{key}.png", shard / f"{key}{_WORDS}"

    def get(self, key: str, width_emu: int, height_emu: int) -> RenderedChart | None:
        """Return the cached chart of ``key``, or None when it is not (or not wholly) cached."""
        png_path, words_path = self._paths(key)
        try:
            words = json.loads(words_path.read_bytes())
            png = png_path.read_bytes()
            alt_text, cut_off = str(words["alt_text"]), str(words["cut_off"])
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return RenderedChart(png, width_emu, height_emu, alt_text, cut_off)  # a cut-off chart is reported again

    def put(self, key: str, chart: RenderedChart) -> None:
        """Store ``chart`` under ``key``; a cache that cannot be written only costs speed."""
        png_path, words_path = self._paths(key)
        words = {"alt_text": chart.alt_text, "cut_off": chart.cut_off}
        try:
            write_atomic(png_path, chart.png)  # the picture first: get() reads the words as the "complete" mark
            write_atomic(words_path, json.dumps(words, ensure_ascii=False).encode("utf-8"))
        except OutputError as exc:
            log.warning("chart cache not written (%s); charts will be redrawn next time "
                        "(check the free space and permissions of that folder)", exc)

    def prune(self, keep: set[str]) -> None:
        """Remove every cached chart whose key is not in ``keep``; a cache that cannot be tidied only costs disk."""
        names = {f"{key}{suffix}" for key in keep for suffix in (".png", _WORDS)}
        try:
            shards = [shard for shard in self.folder.iterdir() if shard.is_dir()] if self.folder.is_dir() else []
            for shard in shards:
                remove_files(shard, "*.*", keep=names)
        except (OSError, OutputError) as exc:
            log.warning("old chart pictures not removed from the cache (%s); they only take disk space "
                        "(the .kitgen-cache folder may be deleted at any time)", exc)
