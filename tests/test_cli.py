"""The kitgen command line through click's CliRunner: help, exact error messages, kits."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import QUEBEC_RETAILER, ROOT, SAMPLE_SEASON

from generator.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _season_copy(tmp_path: Path) -> Path:
    """Return a copy of the sample project (season, templates, brand) whose relative paths still work."""
    season = tmp_path / "decks" / "fw26"
    shutil.copytree(SAMPLE_SEASON, season)
    for name in ("templates", "brand_assets"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "pyproject.toml").write_text("")  # marks the project folder the spec paths must stay in
    return season


def test_help_lists_the_commands(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "kit", "check", "template"):
        assert f"  {command} " in result.output


def test_build_on_a_folder_without_season(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'nowhere'}: no season.yaml here "
                             "(pass a season folder such as decks/fw26)\n")
    assert result.exc_info[0] is SystemExit and "Traceback" not in result.output


def test_spec_typo_is_located_and_nothing_is_written(runner, tmp_path, monkeypatch):
    season = _season_copy(tmp_path)
    spec = season / "decks" / "market_meeting.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("    title: Agenda", "    tittle: Agenda"),
                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build", "decks/fw26", "--out", "out"])
    assert result.exit_code == 1
    line = spec.read_text(encoding="utf-8").splitlines().index("    tittle: Agenda") + 1
    assert result.output == (f"Error: decks/fw26/decks/market_meeting.yaml:{line}:5: slides[1].tittle: "
                             "unknown key (did you mean 'title'?)\n")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.pptx"))


def test_kit_builds_the_retailers_decks(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["kit", QUEBEC_RETAILER, "--season", str(SAMPLE_SEASON), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Built 2 decks")
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*.pptx"))
    assert files == [f"en/{QUEBEC_RETAILER}-partner-kit.pptx", f"fr/{QUEBEC_RETAILER}-partner-kit.pptx"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {d["audience_id"] for d in manifest["decks"]} == {QUEBEC_RETAILER}


def test_kit_of_an_unknown_retailer(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["kit", "999999", "--season", str(SAMPLE_SEASON), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output == "Error: no retailer '999999' in the season (see the retailers source)\n"
    assert not (out / "manifest.json").exists()  # an earlier build's manifest is not replaced by an empty one


def test_python_dash_m_generator():
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout and "build" in result.stdout


@pytest.mark.parametrize("option, value, message", [
    ("--only", "market-meting", "no deck 'market-meting' in the season (did you mean 'market-meeting'?)"),
    ("--region", "QC", "no region 'QC' in the season (known: US-E, US-W, CA, MX)"),
])
def test_build_with_an_unknown_name_writes_nothing(runner, tmp_path, option, value, message):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(SAMPLE_SEASON), "--out", str(out), option, value])
    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"
    assert not (out / "manifest.json").exists()


def test_a_build_that_draws_no_chart_never_imports_matplotlib(tmp_path):
    """matplotlib costs 0.3 s to import: only drawing a chart may pay for it."""
    out = tmp_path / "out"
    script = ("import sys; from pathlib import Path; from generator.build.pipeline import BuildOptions, build_season;"
              f"o = BuildOptions(Path({str(out)!r}), only=('retailer-kit',), retailers=('004101', '004102'), jobs=1);"
              f"build_season(Path({str(SAMPLE_SEASON)!r}), o)")
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert first.returncode == 0, first.stderr
    again = subprocess.run([sys.executable, "-c", script + "; assert 'matplotlib' not in sys.modules, 'imported'"],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert again.returncode == 0, again.stderr
    # rebuilt with --force, in this process and by two workers: every chart comes from the cache
    for rebuild in (script.replace("jobs=1", "jobs=1, force=True"), script.replace("jobs=1", "jobs=2, force=True")):
        done = subprocess.run([sys.executable, "-c", rebuild + "; assert 'matplotlib' not in sys.modules, 'imported'"],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
