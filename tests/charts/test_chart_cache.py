"""The disk chart cache: a picture comes back with its alt text and cut-off note; damaged entries are misses."""

from __future__ import annotations

from generator.charts import RenderedChart
from generator.charts.cache import ChartCache

KEY = "ab" + "0" * 62


def test_a_chart_comes_back_with_its_words(tmp_path):
    cache = ChartCache(tmp_path)
    cache.put(KEY, RenderedChart(b"png", 10, 20, "Bar chart: Montréal", "some labels are cut off"))
    assert cache.get(KEY, 10, 20) == RenderedChart(b"png", 10, 20, "Bar chart: Montréal", "some labels are cut off")
    assert sorted(p.name for p in (tmp_path / "ab").iterdir()) == [f"{KEY}.json", f"{KEY}.png"]


def test_a_damaged_or_half_written_entry_is_a_miss(tmp_path):
    cache = ChartCache(tmp_path)
    cache.put(KEY, RenderedChart(b"png", 10, 20, "chart"))
    (tmp_path / "ab" / f"{KEY}.json").write_text("{not json", encoding="utf-8")
    assert cache.get(KEY, 10, 20) is None
    (tmp_path / "ab" / f"{KEY}.json").unlink()
    assert cache.get(KEY, 10, 20) is None and (cache.hits, cache.misses) == (0, 2)


def test_prune_keeps_both_files_of_a_chart_in_use(tmp_path):
    cache = ChartCache(tmp_path)
    other = "ab" + "1" * 62
    for key in (KEY, other):
        cache.put(key, RenderedChart(b"png", 10, 20, "chart"))
    (tmp_path / "ab" / f"{KEY}.txt").write_text("an entry of an older kitgen", encoding="utf-8")
    cache.prune({KEY})
    assert sorted(p.name for p in (tmp_path / "ab").iterdir()) == [f"{KEY}.json", f"{KEY}.png"]
