"""Copy a season into a small project folder elsewhere (for benchmarks and incremental-build tests).

The sample season points at the master and brand with repository-relative paths
(``../../templates``); the copy brings those folders along at the same relative
places and marks the new project root, so the paths validate and resolve as before.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

_RELATIVE_REF = re.compile(r"^\s*(?:path|profile|brand):\s*(\.\./\S+)$", re.MULTILINE)


def copy_season(source: Path, dest: Path) -> Path:
    """Return ``dest`` holding a copy of the season ``source`` and of the folders it references outside itself."""
    source = source.resolve()
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns(".kitgen*"))
    ups = 0
    for reference in _RELATIVE_REF.findall((source / "season.yaml").read_text(encoding="utf-8")):
        folder = Path(reference).parent
        ups = max(ups, folder.parts.count(".."))
        target = Path(_normalize(dest / folder))
        if not target.exists():
            shutil.copytree(Path(_normalize(source / folder)), target)
    root = Path(_normalize(dest / Path(*([".."] * ups)))) if ups else dest
    (root / "pyproject.toml").touch()  # the project marker the path checks look for
    return dest


def _normalize(path: Path) -> str:
    return os.path.normpath(path)


def touch_retailer_training(season: Path, retailer_id: str) -> None:
    """Change one training session of ``retailer_id`` (one more attendee): that retailer's data only."""
    path = season / "data" / "trainings.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        cells = line.rstrip("\n").split(",")
        if len(cells) > 1 and cells[1] == retailer_id:
            cells[-1] = str(int(cells[-1]) + 1)
            lines[index] = ",".join(cells) + "\n"
            break
    else:
        raise ValueError(f"no training row for retailer {retailer_id}")
    path.write_text("".join(lines), encoding="utf-8")
