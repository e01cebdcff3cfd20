"""The one path policy: every file a season names stays inside the project folder.

Specs travel between reviewers' machines, so a path must be relative and must not
leave the project: absolute paths, ``..`` escapes, URLs, UNC shares and symbolic
links leading out are refused before anything opens the file. The project folder is
the nearest folder above the season holding ``pyproject.toml`` or ``.git``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from generator.spec.validate import did_you_mean

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
PROJECT_MARKERS = ("pyproject.toml", ".git")
#: the longest file name most file systems allow (ext4, APFS, NTFS: 255 bytes or characters)
NAME_MAX = 255


def project_root(season_root: Path) -> Path:
    """Return the nearest folder above ``season_root`` holding pyproject.toml or .git (else the season), resolved."""
    here = season_root.resolve()
    for folder in (here, *here.parents):
        if any((folder / marker).exists() for marker in PROJECT_MARKERS):
            return folder
    return here


def escape_problem(text: str, base: Path, project: Path) -> tuple[str, str] | None:
    """Return (message, hint) when ``text``, relative to ``base``, names a file outside ``project``.

    The path is judged as written (``..``) and then where it really is (symbolic links
    followed); the file itself is never opened.
    """
    if _URL.match(text):
        return "URLs are not allowed here", "download the file into the season folder and give its relative path"
    if text.startswith(("\\\\", "//")):
        return "network (UNC) paths are not allowed", "copy the file into the season folder"
    if _DRIVE.match(text) or Path(text).is_absolute():
        return "absolute paths are not allowed", "give the path relative to the season folder"
    sys.audit("kitgen.path", os.path.abspath(base / text))  # run stamps count it as an input, opened or not
    project = project.resolve()
    if not Path(os.path.normpath(base.resolve() / text)).is_relative_to(project):
        return "the path leaves the project folder", "keep files inside the season or project"
    if not (base / text).resolve().is_relative_to(project):
        return ("the path leads out of the project folder through a symbolic link",
                "copy the file into the season or project instead of linking to it")
    return None


def path_problem(text: str, base: Path, project: Path) -> tuple[str, str | None] | None:
    """Return (message, hint) when ``text`` is not a safe, existing path relative to ``base``."""
    problem = escape_problem(text, base, project)
    if problem:
        return problem
    target = Path(os.path.normpath(base.absolute() / text))
    if not target.exists():
        siblings = [p.name for p in target.parent.iterdir()] if target.parent.is_dir() else []
        return f"file not found: {text}", did_you_mean(target.name, siblings)
    return None


def name_problem(template: str, suffix: str) -> tuple[str, str] | None:
    """Return (message, hint) when the file names made from ``template`` + ``suffix`` are surely too long.

    Only the written parts are counted (a ``{{ tag }}`` adds to them when the deck is built).
    """
    written = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", template, flags=re.DOTALL)
    size = len(written.encode("utf-8")) + len(suffix.encode("utf-8"))
    if size <= NAME_MAX:
        return None
    return (f"the file name is {size} bytes long, more than the {NAME_MAX} the file system allows",
            f"shorten it: at most {NAME_MAX - len(suffix.encode('utf-8'))} bytes before {suffix}")
