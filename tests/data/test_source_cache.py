"""The disk cache of typed data files: reused across processes, keyed by content, never written on errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from generator.build.pipeline import BuildOptions
from generator.data import source_cache, sources
from generator.data.source_cache import disk_cache
from generator.data.sources import read_source
from generator.spec.model import SourceDef

SOURCE = SourceDef(path="data.csv", dtypes={"retailer_id": "str"})


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Each read starts as in a new process: nothing remembered in memory."""
    monkeypatch.setattr(sources, "_READ_CACHE", {})


def _season(tmp_path: Path, text: str = "retailer_id,units\n003101,2\n") -> Path:
    (tmp_path / "data.csv").write_text(text, encoding="utf-8")
    return tmp_path


def _no_parsing(monkeypatch) -> None:
    def refuse(*_args):
        raise AssertionError("the file was parsed again")
    monkeypatch.setattr(sources, "read_csv_cells", refuse)


def test_second_process_reads_the_typed_table_from_disk(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    root = _season(tmp_path)
    with disk_cache(cache):
        first = read_source(SOURCE, root)
    assert len(list(cache.glob("*.pickle"))) == 1
    monkeypatch.setattr(sources, "_READ_CACHE", {})
    _no_parsing(monkeypatch)
    with disk_cache(cache):
        again = read_source(SOURCE, root)
    pd.testing.assert_frame_equal(first, again)
    assert again["retailer_id"].tolist() == ["003101"]


def test_changed_file_is_parsed_again_and_the_old_entry_dropped(tmp_path):
    cache = tmp_path / "cache"
    with disk_cache(cache):
        read_source(SOURCE, _season(tmp_path))
    old = {p.name for p in cache.glob("*.pickle")}
    with disk_cache(cache):
        frame = read_source(SOURCE, _season(tmp_path, "retailer_id,units\n003101,5\n"))
    assert frame["units"].tolist() == [5]
    new = {p.name for p in cache.glob("*.pickle")}
    assert len(new) == 1 and new != old


def test_damaged_entry_is_ignored(tmp_path):
    cache = tmp_path / "cache"
    with disk_cache(cache):
        read_source(SOURCE, _season(tmp_path))
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    sources._READ_CACHE.clear()
    with disk_cache(cache):
        assert read_source(SOURCE, tmp_path)["units"].tolist() == [2]


def test_failed_block_writes_nothing(tmp_path):
    cache = tmp_path / "cache"
    with pytest.raises(RuntimeError), disk_cache(cache):
        read_source(SOURCE, _season(tmp_path))
        raise RuntimeError("a spec error, say")
    assert not cache.exists()


def test_outside_a_block_nothing_touches_the_disk(tmp_path):
    read_source(SOURCE, _season(tmp_path))
    assert source_cache._block.get() is None


def test_build_keeps_the_cache_in_the_output_folder(tmp_path):
    assert BuildOptions(tmp_path / "out").data_cache_dir == tmp_path / "out" / ".kitgen-cache" / "data"


def test_tables_read_from_memory_keep_their_entries(tmp_path):
    cache = tmp_path / "cache"
    with disk_cache(cache):
        read_source(SOURCE, _season(tmp_path))
    with disk_cache(cache):  # same process: the table comes from memory
        read_source(SOURCE, tmp_path)
        (tmp_path / "other.csv").write_text("a\n1\n", encoding="utf-8")
        read_source(SourceDef(path="other.csv"), tmp_path)
    assert len(list(cache.glob("*.pickle"))) == 2


def test_each_thread_has_a_block_of_its_own(tmp_path):
    """kitgen serve checks on one thread while it builds on another: their caches must not mix."""
    import threading

    season, seen = _season(tmp_path), {}

    def check():
        seen["other thread"] = source_cache._block.get()

    with disk_cache(tmp_path / "cache"):
        read_source(SOURCE, season)
        thread = threading.Thread(target=check)
        thread.start()
        thread.join()
    assert seen["other thread"] is None and list((tmp_path / "cache").glob("*.pickle"))
