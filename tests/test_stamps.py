"""Run stamps: a run is answered from its record only while nothing it read or wrote changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import stamps
from generator.cli import cli

KEY = stamps.run_key("test", {"strict": False})


@pytest.fixture
def season(tmp_path: Path) -> Path:
    folder = tmp_path / "season"
    (folder / "data").mkdir(parents=True)
    (folder / "season.yaml").write_text("season: x\n", encoding="utf-8")
    (folder / "data" / "sales.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


def _run(season: Path, out: Path, template: Path | None = None) -> Path:
    """Return the stamp file of a pretend run that reads the season (and ``template``) and writes one deck."""
    with stamps.Recorder(KEY, [season], out) as recorder:
        (season / "season.yaml").read_text(encoding="utf-8")
        if template:
            template.read_bytes()
        out.mkdir(exist_ok=True)
        (out / "deck.pptx").write_bytes(b"deck")
        (out / ".kitgen-cache").mkdir(exist_ok=True)
        (out / ".kitgen-cache" / "chart.png").write_bytes(b"png")
    stamp = recorder.stamp({"decks": 1})
    assert stamp is not None
    (out / stamps.STAMP_FILE).write_bytes(stamp.to_bytes())
    return out / stamps.STAMP_FILE


def test_an_unchanged_run_gets_its_report_back(season: Path, tmp_path: Path) -> None:
    stamp_file = _run(season, tmp_path / "out")
    assert stamps.current_report(stamp_file, KEY, tmp_path / "out") == {"decks": 1}


def test_a_file_touched_without_a_change_still_counts_as_unchanged(season: Path, tmp_path: Path) -> None:
    stamp_file = _run(season, tmp_path / "out")
    (season / "season.yaml").write_text("season: x\n", encoding="utf-8")  # new time, same content
    assert stamps.current_report(stamp_file, KEY, tmp_path / "out") == {"decks": 1}


@pytest.mark.parametrize("change", ["edit an input", "add a file", "remove a file", "edit a file read outside",
                                    "edit an output", "remove an output", "add an output"])
def test_any_change_runs_again(season: Path, tmp_path: Path, change: str) -> None:
    template, out = tmp_path / "master.pptx", tmp_path / "out"
    template.write_bytes(b"master")
    stamp_file = _run(season, out, template)
    {"edit an input": lambda: (season / "data" / "sales.csv").write_text("a,b\n1,3\n", encoding="utf-8"),
     "add a file": lambda: (season / "data" / "stock.csv").write_text("a\n", encoding="utf-8"),
     "remove a file": lambda: (season / "data" / "sales.csv").unlink(),
     "edit a file read outside": lambda: template.write_bytes(b"master 2"),
     "edit an output": lambda: (out / "deck.pptx").write_bytes(b"deck, edited in PowerPoint"),
     "remove an output": lambda: (out / "deck.pptx").unlink(),
     "add an output": lambda: (out / "notes.txt").write_text("x", encoding="utf-8")}[change]()
    assert stamps.current_report(stamp_file, KEY, out) is None


def test_caches_are_neither_inputs_nor_outputs(season: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    stamp_file = _run(season, out)
    (out / ".kitgen-cache" / "chart.png").unlink()
    (season / "__pycache__").mkdir()
    (season / "__pycache__" / "x.pyc").write_bytes(b"")
    assert stamps.current_report(stamp_file, KEY, out) == {"decks": 1}


def test_another_key_runs_again(season: Path, tmp_path: Path) -> None:
    stamp_file = _run(season, tmp_path / "out")
    assert stamps.current_report(stamp_file, stamps.run_key("test", {"strict": True}), tmp_path / "out") is None


def test_a_stamp_that_is_not_json_runs_again(season: Path, tmp_path: Path) -> None:
    stamp_file = _run(season, tmp_path / "out")
    stamp_file.write_text("{", encoding="utf-8")
    assert stamps.current_report(stamp_file, KEY, tmp_path / "out") is None


def test_an_edit_made_while_the_run_went_on_leaves_no_stamp(season: Path, tmp_path: Path) -> None:
    with stamps.Recorder(KEY, [season], tmp_path / "out") as recorder:
        (season / "season.yaml").read_text(encoding="utf-8")
        (season / "season.yaml").write_text("season: y\n", encoding="utf-8")  # the reviewer saved meanwhile
    assert recorder.stamp({}) is None


def test_the_inputs_are_the_files_read_and_the_season_folder(season: Path, tmp_path: Path) -> None:
    template = tmp_path / "master.pptx"
    template.write_bytes(b"master")
    with stamps.Recorder(KEY, [season], tmp_path / "out") as recorder:
        template.read_bytes()
        Path(stamps.__file__).read_bytes()  # kitgen's own files count in the key, not as inputs
        (tmp_path / "written.txt").write_text("x", encoding="utf-8")  # written, not read
    stamp = recorder.stamp({})
    assert stamp is not None
    assert sorted(stamp.inputs) == sorted([str(season / "data" / "sales.csv"), str(season / "season.yaml"), str(template)])


def test_validate_answers_an_unchanged_season_from_its_stamp(tmp_path: Path) -> None:
    """The second run prints the same report; after an edit the new problem shows at once."""
    season = tmp_path / "fw26"
    season.mkdir()
    (season / "season.yaml").write_text("season: {code: FW26}\n", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["validate", str(season)])
    again = runner.invoke(cli, ["validate", str(season)])
    assert (again.exit_code, again.output) == (first.exit_code, first.output) and first.exit_code == 1
    assert len(list((stamps.user_cache_dir() / "validate").glob("*.json"))) >= 1
    (season / "season.yaml").write_text("season: [\n", encoding="utf-8")
    edited = runner.invoke(cli, ["validate", str(season)])
    assert edited.exit_code == 1 and edited.output != first.output
    assert f"{season / 'season.yaml'}:" in edited.output


# ------------------------------------------------------------ a build's key: its option fields
def _other_value(field: dataclasses.Field, value: object) -> object:
    """Return a value of ``field`` other than ``value``; a field of a type not seen before fails the test."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, str, tuple)):
        return value + {int: 1, str: "-other", tuple: ("other",)}[type(value)]
    if isinstance(value, Path):
        return value / "other"
    others = {"Path | None": Path("/elsewhere"), "str | None": "other", "dt.date | None": dt.date(2026, 9, 30)}
    if str(field.type) not in others:
        pytest.fail(f"option field {field.name}: give the test a value of type {field.type} to try in the stamp key")
    return others[str(field.type)]


@pytest.mark.parametrize("which", ["build", "delivery"])
def test_every_option_field_counts_in_a_builds_stamp_key_unless_excluded(which: str, tmp_path: Path) -> None:
    """A field added to the options later changes the key, unless it is excluded as changing no output."""
    from generator.build.options import BuildOptions
    from generator.commands.build import UNSTAMPED_BUILD, UNSTAMPED_DELIVERY, _run_key
    from generator.delivery.options import DeliveryOptions

    options = {"build": BuildOptions(tmp_path / "out"), "delivery": DeliveryOptions()}
    excluded = {"build": UNSTAMPED_BUILD, "delivery": UNSTAMPED_DELIVERY}[which]
    names = {f.name for f in dataclasses.fields(options[which])}
    assert excluded <= names, f"excluded fields that no longer exist: {sorted(excluded - names)}"
    key = _run_key(tmp_path, options["build"], options["delivery"])
    for field in dataclasses.fields(options[which]):
        changed = {**options, which: dataclasses.replace(options[which], **{
            field.name: _other_value(field, getattr(options[which], field.name))})}
        counts = _run_key(tmp_path, changed["build"], changed["delivery"]) != key
        assert counts == (field.name not in excluded), (
            f"{which} option {field.name} " + ("changes the stamp key but is excluded" if counts else
                                              "changes nothing in the stamp key: a run would replay a stale result"))
