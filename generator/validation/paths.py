"""Check file references: they exist and stay inside the season or project folder.

Specs travel between reviewers' machines, so a path must be relative and must not
leave the project: absolute paths, ``..`` escapes, URLs and UNC shares are refused.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.spec import KeyPath, LoadedYaml, did_you_mean
from generator.validation.context import SeasonView

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
PROJECT_MARKERS = ("pyproject.toml", ".git")


def project_root(season_root: Path) -> Path:
    """Return the nearest folder above ``season_root`` holding pyproject.toml or .git (else the season)."""
    here = season_root.absolute()
    for folder in (here, *here.parents):
        if any((folder / marker).exists() for marker in PROJECT_MARKERS):
            return folder
    return here


def path_problem(text: str, base: Path, project: Path) -> tuple[str, str | None] | None:
    """Return (message, hint) when ``text`` is not a safe, existing path relative to ``base``."""
    if _URL.match(text):
        return "URLs are not allowed here", "download the file into the season folder and give its relative path"
    if text.startswith(("\\\\", "//")):
        return "network (UNC) paths are not allowed", "copy the file into the season folder"
    if _DRIVE.match(text) or Path(text).is_absolute():
        return "absolute paths are not allowed", "give the path relative to the season folder"
    target = Path(os.path.normpath(base.absolute() / text))
    if not target.is_relative_to(project):
        return "the path leaves the project folder", "keep files inside the season or project"
    if not target.exists():
        siblings = [p.name for p in target.parent.iterdir()] if target.parent.is_dir() else []
        return f"file not found: {text}", did_you_mean(target.name, siblings)
    return None


def check_paths(view: SeasonView) -> None:
    """Record findings for unsafe or missing paths in season.yaml and every deck spec."""
    project = project_root(view.root)
    spec, doc = view.spec, view.season_doc
    refs: list[tuple[KeyPath, str]] = [(("template", "path"), spec.template.path), (("brand",), spec.brand)]
    if spec.template.profile:
        refs.append((("template", "profile"), spec.template.profile))
    refs += [(("sources", name, "path"), source.path) for name, source in spec.sources.items()]
    refs += [(("hq", index, "path"), deck.path) for index, deck in enumerate(spec.hq)]
    for path, text in refs:
        _check(view, doc, path, text, project)
    for _, deck, deck_doc, _ in view.decks():
        for index, slide in enumerate(deck.slides):
            for at, image in ((("slides", index, "image"), slide.image),
                              (("slides", index, "left", "image"), slide.left and slide.left.image),
                              (("slides", index, "right", "image"), slide.right and slide.right.image)):
                if image and "{" not in image:
                    _check(view, deck_doc, at, image, project)


def _check(view: SeasonView, doc: LoadedYaml, path: KeyPath, text: str, project: Path) -> None:
    problem = path_problem(text, view.root, project)
    if problem:
        view.add(doc.finding(path, *problem))


def unsafe_paths(view: SeasonView) -> set[KeyPath]:
    """Return the season.yaml key paths whose files must not be opened (unsafe or missing)."""
    project = project_root(view.root)
    spec = view.spec
    refs = {("template", "path"): spec.template.path, ("brand",): spec.brand,
            ("template", "profile"): spec.template.profile or ""}
    refs.update({("sources", n, "path"): s.path for n, s in spec.sources.items()})
    return {k for k, v in refs.items() if v and path_problem(v, view.root, project)}
