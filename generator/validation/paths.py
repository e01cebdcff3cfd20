"""Check file references: they exist and stay inside the season or project folder.

The rule itself (relative, no ``..`` escape, no symbolic link out, no URL or UNC share)
is the spec stage's :func:`generator.spec.path_problem`; the deck specs are held to it
as they load, every other file a season names here, before anything opens it.
"""

from __future__ import annotations

from pathlib import Path

from generator.spec import KeyPath, LoadedYaml, escape_problem, name_problem, path_problem, project_root
from generator.validation.context import SeasonView

__all__ = ["check_output_names", "check_paths", "leads_out", "path_problem", "project_root", "unsafe_paths"]


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
    locale = escape_problem(spec.locale_dir, view.root, project) or _catalog_escape(view, project)
    if locale:
        view.add(doc.finding(("locale_dir",), *locale))
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


def _catalog_escape(view: SeasonView, project: Path) -> tuple[str, str] | None:
    """Return the problem of the first translation catalog that leads out of the project (symbolic link)."""
    folder = view.root / view.spec.locale_dir
    catalogs = sorted(folder.glob("*.po")) + sorted(folder.glob("*.pot")) if folder.is_dir() else []
    return next((p for p in (escape_problem(str(c.relative_to(view.root)), view.root, project) for c in catalogs)
                 if p), None)


def leads_out(view: SeasonView) -> bool:
    """Return whether a file the season names leads out of the project (then no later check may open it)."""
    project = project_root(view.root)
    spec = view.spec
    named = [spec.template.path, spec.template.profile or "", spec.brand, spec.locale_dir,
             *(s.path for s in spec.sources.values()), *(d.path for d in spec.hq), *(d.spec for d in spec.decks)]
    return any(escape_problem(text, view.root, project) for text in named if text) or bool(
        _catalog_escape(view, project))


def check_output_names(view: SeasonView) -> None:
    """Record findings for output file names (decks, HQ copies, trackers) longer than a file system allows."""
    spec, doc = view.spec, view.season_doc
    named = [(("decks", i, "filename"), d.filename, ".pptx") for i, d in enumerate(spec.decks)]
    named += [(("hq", i, "filename"), d.filename, ".pptx") for i, d in enumerate(spec.hq)]
    named += [(("trackers", i, "filename"), t.filename, ".xlsx") for i, t in enumerate(spec.trackers)]
    for path, template, suffix in named:
        problem = template and name_problem(template, suffix)
        if problem:
            view.add(doc.finding(path, *problem))
