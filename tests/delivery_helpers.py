"""Helpers shared by the delivery tests: a private copy of the reduced build, and the report's links."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from generator.build.pipeline import BuildResult


def copied_build(reduced_build, folder: Path) -> BuildResult:
    """Return the reduced build's result pointing at a copy of its output in ``folder``."""
    result, out = reduced_build
    shutil.copytree(out, folder, dirs_exist_ok=True)
    return BuildResult(folder, list(result.decks), dict(result.missing_translations), list(result.warnings),
                       result.seconds)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links += [unquote(value) for name, value in attrs if name in ("href", "src") and value]


def report_links(report: Path) -> list[str]:
    """Return every href and src of the report page, URL-decoded."""
    parser = _Links()
    parser.feed(report.read_text(encoding="utf-8"))
    return parser.links


def output_files(folder: Path) -> set[str]:
    """Return every output file of a build folder (not the report page, not hidden caches), relative."""
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    return {f for f in files if f != "report.html" and not any(part.startswith(".") for part in f.split("/"))}


__all__ = ["copied_build", "report_links", "output_files"]
