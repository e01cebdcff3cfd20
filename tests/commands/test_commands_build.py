"""``kitgen build`` from the shell: what a rebuild with nothing changed imports."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SAMPLE_SEASON

from generator.stamps import STAMP_FILE

#: what only making something new needs: native charts and trackers (xlsxwriter), checklist workbooks
#: (openpyxl), chart pictures (matplotlib), filling, fitting and checking decks (and the fonts they
#: measure), the trackers' figures and sheets; rich draws the progress bar, shown only on a terminal
NOT_FOR_A_KEPT_BUILD = ("openpyxl", "xlsxwriter", "matplotlib", "generator.fill", "generator.fit", "generator.check",
                        "fontTools", "rich", "generator.delivery.trackers.tables", "generator.delivery.trackers.workbook",
                        "generator.delivery.trackers.sheets")


def _build(out, *checks: str) -> subprocess.CompletedProcess:
    script = ("import sys; from generator.cli import cli\n"
              f"cli(['build', {str(SAMPLE_SEASON)!r}, '--out', {str(out)!r}, '--only', 'retailer-kit',"
              " '--region', 'CA', '--jobs', '1'], standalone_mode=False)\n" + "\n".join(checks))
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_a_build_with_nothing_changed_imports_no_writer_of_new_files(tmp_path):
    """A rebuild that keeps every deck, kit and tracker never pays for the libraries that write them."""
    first = _build(tmp_path / "out")
    assert first.returncode == 0, first.stderr
    assert "kits, 6 trackers and 5 CSV tables," in first.stdout
    (tmp_path / "out" / STAMP_FILE).unlink()  # the build itself decides, deck by deck, what to keep
    checks = [f"assert {name!r} not in sys.modules, '{name} imported'" for name in NOT_FOR_A_KEPT_BUILD]
    again = _build(tmp_path / "out", *checks)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Built 0 decks"), again.stdout
    assert "6 trackers (6 unchanged, kept) and 5 CSV tables" in again.stdout


#: the engine: a season whose inputs and outputs are as the last build's stamp recorded never loads it
NOT_FOR_AN_UNCHANGED_SEASON = ("pandas", "pptx", "pydantic", "yaml", "generator.build.pipeline", "generator.spec.model",
                               "generator.delivery.deliverables")


def test_a_build_with_nothing_changed_since_its_stamp_loads_no_engine(tmp_path):
    """The second identical build answers from the stamp: the same summary, without loading pandas or python-pptx."""
    first = _build(tmp_path / "out")
    assert first.returncode == 0, first.stderr
    checks = [f"assert {name!r} not in sys.modules, '{name} imported'" for name in NOT_FOR_AN_UNCHANGED_SEASON]
    again = _build(tmp_path / "out", *checks)
    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    assert lines[0].startswith("Built 0 decks (16 unchanged, kept), 311 slides, 32 charts in "), lines[0]
    assert lines[0].endswith(" (nothing changed since the last build)")
    assert lines[1:] == ["As of 2026-12-31 (the latest month in the data): monthly figures are for 2026-12",
                         "Delivered 10 kits, 6 trackers (6 unchanged, kept) and 5 CSV tables, report.html"]
