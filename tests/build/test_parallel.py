"""Parallel builds give the same bytes as a single-process build."""

from __future__ import annotations

from pathlib import Path

from generator.build.builder import DeckJob
from generator.build.parallel import chunks
from generator.build.pipeline import BuildOptions, build_season

SAMPLE = Path(__file__).resolve().parents[2] / "decks" / "fw26"


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.pptx"))
            if ".kitgen-cache" not in p.parts}


def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path):
    results = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        options = BuildOptions(out, only=("market-meeting", "retailer-kit"), regions=("MX",),
                                   retailers=("004101", "004102", "004103"), jobs=jobs)
        results[jobs] = build_season(SAMPLE, options)
    one, two = _files(tmp_path / "jobs1"), _files(tmp_path / "jobs2")
    assert len(one) == 4 and one == two
    assert (tmp_path / "jobs1" / "manifest.json").read_bytes() == (tmp_path / "jobs2" / "manifest.json").read_bytes()
    assert [d.job for d in results[1].decks] == [d.job for d in results[2].decks]
    assert len(results[2].worker_peak_mb) == 2


def _kit_jobs(count: int) -> list[DeckJob]:
    return [DeckJob("kit", "retailer", str(rid), lang, "x", "USD", f"{lang}/{rid}")
            for rid in range(count) for lang in ("en", "fr")]


def test_chunks_keep_order_and_never_split_an_audience():
    jobs = _kit_jobs(40)
    parts = chunks(jobs, 2)
    assert [j for part in parts for j in part] == jobs
    assert all(part[0].language == "en" and part[-1].language == "fr" for part in parts)


def test_chunks_shrink_to_one_audience_at_the_end_so_the_workers_finish_together():
    sizes = [len(part) for part in chunks(_kit_jobs(500), 2)]  # 1,000 decks, two per retailer
    assert sizes[0] == 62 and sizes[-4:] == [2, 2, 2, 2]
    assert all(later <= earlier for earlier, later in zip(sizes, sizes[1:]))


def test_a_few_jobs_go_one_per_chunk_so_no_worker_idles():
    jobs = _kit_jobs(2)
    assert chunks(jobs, 2) == [[job] for job in jobs]


def test_a_chart_that_cannot_be_drawn_names_its_deck_and_writes_nothing(tmp_path: Path, monkeypatch):
    import pytest

    import generator.charts.render as render
    from generator.errors import RenderError

    def fails(canvas, request, theme):
        raise ValueError("cannot convert float NaN to integer")

    monkeypatch.setitem(render.FLAT_DRAWERS, "line", fails)  # forked workers inherit the patch
    out = tmp_path / "out"
    with pytest.raises(RenderError) as error:
        build_season(SAMPLE, BuildOptions(out, only=("retailer-kit",), retailers=("004101", "004102"), jobs=2))
    assert str(error.value).startswith("es/004101-partner-kit.pptx: chart ")
    assert "(line) could not be drawn: cannot convert float NaN to integer; check its data" in str(error.value)
    assert not list(out.rglob("*.pptx"))
