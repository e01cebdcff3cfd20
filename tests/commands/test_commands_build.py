"""``kitgen build`` from the shell: what a rebuild with nothing changed imports."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SAMPLE_SEASON

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
    assert "kits, 6 trackers," in first.stdout
    checks = [f"assert {name!r} not in sys.modules, '{name} imported'" for name in NOT_FOR_A_KEPT_BUILD]
    again = _build(tmp_path / "out", *checks)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Built 0 decks"), again.stdout
    assert "6 trackers (6 unchanged, kept)" in again.stdout
