"""Incremental builds: unchanged decks are kept, one retailer's change rebuilds only what shows it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.build.pipeline import BuildOptions, build_season
from generator.delivery.kits import KitMaker
from generator.spec import load_season

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from season_copy import copy_season, touch_retailer_training  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "decks" / "fw26"
RETAILERS = ("004101", "004102")  # two Mexican retailers, each with training sessions


@pytest.fixture(scope="module")
def season(tmp_path_factory) -> Path:
    return copy_season(SAMPLE, tmp_path_factory.mktemp("incremental") / "decks" / "fw26")


def _build(season: Path, out: Path, force: bool = False):
    options = BuildOptions(out, only=("market-meeting", "retailer-kit"), regions=("MX",), retailers=RETAILERS, force=force,
                           cache_dir=season.parent / "charts")
    return build_season(season, options)


def _rebuilt(result) -> set[str]:
    return {d.job.output for d in result.decks if not d.reused}


def test_unchanged_inputs_rebuild_nothing_and_one_retailer_change_rebuilds_its_decks(season: Path):
    out = season.parent / "out"
    first = _build(season, out)
    outputs = {d.job.output for d in first.decks}
    assert _rebuilt(first) == outputs and len(outputs) == 3
    before = {o: (out / o).read_bytes() for o in outputs}

    second = _build(season, out)
    assert _rebuilt(second) == set()
    assert [d.job.output for d in second.decks] == [d.job.output for d in first.decks]
    assert {o: (out / o).read_bytes() for o in outputs} == before
    assert (out / "manifest.json").read_bytes()  # the manifest still lists every deck
    assert second.slides == first.slides
    assert second.warnings == first.warnings  # kept decks still report missing translations and fit

    touch_retailer_training(season, RETAILERS[0])
    third = _build(season, out)
    assert _rebuilt(third) == {"es/MX-market-meeting.pptx", f"es/{RETAILERS[0]}-partner-kit.pptx"}

    assert _rebuilt(_build(season, out, force=True)) == outputs


def test_new_kitgen_code_or_a_library_upgrade_rebuilds_every_deck(season: Path, monkeypatch):
    import generator.cache_key as recipe

    out = season.parent / "out-versions"
    outputs = {d.job.output for d in _build(season, out).decks}
    real = recipe.installed_version
    monkeypatch.setattr(recipe, "installed_version", lambda d: "0.0" if d == "zlib-ng" else real(d))
    monkeypatch.setattr(recipe, "environment", recipe.environment.__wrapped__)  # the versions read again
    assert _rebuilt(_build(season, out)) == outputs
    monkeypatch.setattr(recipe, "code_hash", lambda: "other code")  # every commit is 0.1.0: the code counts
    assert _rebuilt(_build(season, out)) == outputs


def test_a_changed_output_file_is_rebuilt(season: Path):
    out = season.parent / "out2"
    _build(season, out)
    victim = out / f"es/{RETAILERS[1]}-partner-kit.pptx"
    victim.write_bytes(b"edited by hand")
    assert _rebuilt(_build(season, out)) == {f"es/{RETAILERS[1]}-partner-kit.pptx"}


def test_a_touched_but_identical_output_is_kept_and_its_time_recorded(season: Path):
    """Size and time decide without reading the deck; a new time alone costs one hash, then is remembered."""
    import json
    import os

    from generator.build.incremental import STATE_FILE

    out = season.parent / "out3"
    _build(season, out)
    name = f"es/{RETAILERS[0]}-partner-kit.pptx"
    deck = out / name
    os.utime(deck, ns=(deck.stat().st_atime_ns, deck.stat().st_mtime_ns + 5_000_000_000))
    assert _rebuilt(_build(season, out)) == set()
    record = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))["decks"][name]
    assert (record["size"], record["mtime_ns"]) == (deck.stat().st_size, deck.stat().st_mtime_ns)



def test_kept_decks_are_read_only_when_delivery_asks(season: Path):
    out = season.parent / "out5"
    _build(season, out)
    again = _build(season, out)
    kept = [d for d in again.decks if d.reused]
    assert kept and all(d.data == b"" for d in kept)
    again.read_kept_decks()
    assert all(d.data == (out / d.job.output).read_bytes() for d in kept)


def test_kits_of_kept_decks_are_kept_without_reading_the_decks(season: Path):
    """A kit's key takes a kept deck's recorded hash; its bytes are read only to make the kit again."""
    out = season.parent / "out-kits"
    first = _build(season, out)
    made = {k.output: k.data for k in KitMaker(load_season(season), out).kits(first.decks, {})}
    for output, data in made.items():
        (out / output).parent.mkdir(exist_ok=True)
        (out / output).write_bytes(data)
    again = _build(season, out)
    kits = KitMaker(load_season(season), out).kits(again.decks, {})
    assert [k.kept for k in kits] == [True, True] and all(d.data == b"" for d in again.decks)
    (out / kits[0].output).unlink()  # a kit lost: made again from the kept decks, the same bytes
    remade = KitMaker(load_season(season), out).kits(again.decks, {})
    assert [k.kept for k in remade] == [False, True] and remade[0].data == made[remade[0].output]


def test_pictures_no_output_uses_are_dropped_from_the_builds_own_chart_cache(season: Path):
    out = season.parent / "out6"
    options = BuildOptions(out, regions=("MX",), retailers=RETAILERS)
    build_season(season, options)
    cache = out / ".kitgen-cache" / "charts"
    used = {p.name for p in cache.glob("*/*.png")}
    stray = cache / "00" / ("0" * 64 + ".png")
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"a picture of data that changed since")
    build_season(season, options)  # every deck kept, every picture still in use
    assert not stray.exists() and {p.name for p in cache.glob("*/*.png")} == used


def test_a_shared_chart_cache_is_never_pruned(season: Path):
    shared = season.parent / "shared-charts"
    stray = shared / "00" / ("0" * 64 + ".png")
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"another build's picture")
    build_season(season, BuildOptions(season.parent / "out7", regions=("MX",), retailers=RETAILERS, cache_dir=shared))
    assert stray.exists()


def _change_december_sales(season: Path, retailer_id: str) -> None:
    """Sell one more watch in the as-of month (December 2026) at ``retailer_id``: the month's figures move."""
    path = season / "data" / "sales.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(f"2026-12-01,{retailer_id},"))
    cells = lines[index].rstrip("\n").split(",")
    cells[6] = str(int(cells[6]) + 1)  # sellout_units
    lines[index] = ",".join(cells) + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def test_the_decks_kept_are_the_ones_a_fresh_build_makes(tmp_path: Path):
    """Scoping by audience, period and figures keeps exactly the decks whose bytes would not change."""
    season = copy_season(SAMPLE, tmp_path / "decks" / "fw26")

    def build(out: Path, force: bool = False):
        return build_season(season, BuildOptions(out, only=("market-meeting", "monthly-call", "retailer-kit",
                                                            "solenne-launch"), regions=("MX",), retailers=RETAILERS,
                                                 force=force, cache_dir=tmp_path / "charts"))

    def same_as_fresh(result, name: str) -> None:
        fresh = build(tmp_path / name, force=True)
        assert {d.job.output: (tmp_path / name / d.job.output).read_bytes() for d in fresh.decks} == \
            {d.job.output: (tmp_path / "out" / d.job.output).read_bytes() for d in result.decks}

    build(tmp_path / "out")
    touch_retailer_training(season, RETAILERS[0])  # a July session: the season's table shows it, the month's does not
    result = build(tmp_path / "out")
    assert _rebuilt(result) == {"es/MX-market-meeting.pptx", f"es/{RETAILERS[0]}-partner-kit.pptx"}
    same_as_fresh(result, "fresh-1")

    _change_december_sales(season, RETAILERS[1])  # the month's figures move: the region's, which every deck quotes
    result = build(tmp_path / "out")
    assert _rebuilt(result) == {d.job.output for d in result.decks}
    same_as_fresh(result, "fresh-2")
