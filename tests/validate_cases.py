"""Build a bad-input case: the minimal season plus one case's edits, in a throwaway project folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "minimal_season"
CASES = FIXTURES / "bad_specs"
REPO = Path(__file__).resolve().parent.parent
CASE_FILE, EXPECTED_FILE = "case.yaml", "expected.txt"


def case_names() -> list[str]:
    """Return the name of every bad-input case folder."""
    return sorted(p.name for p in CASES.iterdir() if (p / EXPECTED_FILE).is_file())


def make_case(name: str | None, project: Path) -> tuple[Path, list[str]]:
    """Return the season folder of case ``name`` (None: the base alone) under ``project``, and CLI arguments.

    The project gets a copy of the repository's template and brand kit (copies: a symbolic link
    out of the project is refused) and a pyproject.toml marker, so path checks see the same layout
    as a real checkout.
    """
    season = project / "season"
    shutil.copytree(BASE, season)
    (project / "pyproject.toml").write_text("")
    for shared in ("templates", "brand_assets"):
        shutil.copytree(REPO / shared, project / shared)
    if name is None:
        return season, []
    case = CASES / name
    for file in case.rglob("*"):
        if file.is_file() and file.name not in (CASE_FILE, EXPECTED_FILE):
            target = season / file.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
    spec = yaml.safe_load((case / CASE_FILE).read_text("utf-8")) if (case / CASE_FILE).is_file() else {}
    for file, edits in (spec.get("replace") or {}).items():
        target = season / file
        text = target.read_text("utf-8")
        for old, new in edits:
            assert old in text, f"{name}: '{old}' not in {file}"
            text = text.replace(old, new, 1)
        target.write_text(text, "utf-8")
    return season, list(spec.get("args") or [])


def expected_line(name: str) -> str:
    """Return the exact first finding line case ``name`` must produce."""
    return (CASES / name / EXPECTED_FILE).read_text("utf-8").strip()
