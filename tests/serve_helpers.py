"""Fixtures of the review server tests: a small copy of the sample project (the market-meeting decks only,
built once), a private copy per test, and a client of a running server."""

from __future__ import annotations

import http.client
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from generator.build import BuildOptions, build_season
from generator.serve import ReviewServer, ServeOptions

from conftest import ROOT, SAMPLE_SEASON


@dataclass(frozen=True)
class Project:
    """A private copy of the review project: its season folder and its build folder."""

    root: Path

    @property
    def season(self) -> Path:
        return self.root / "decks" / "fw26"

    @property
    def out(self) -> Path:
        return self.root / "build" / "fw26"

    @property
    def meeting(self) -> Path:
        return self.season / "decks" / "market_meeting.yaml"

    def edit(self, old: str, new: str, file: Path | None = None) -> None:
        """Replace ``old`` by ``new`` in a season file (the market-meeting spec by default), as an editor saves."""
        path = file or self.meeting
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path.name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="session")
def review_project(tmp_path_factory) -> Project:
    """Return the project with the five market-meeting decks built (the other decks left out: a quicker build)."""
    project = Project(tmp_path_factory.mktemp("review"))
    shutil.copytree(SAMPLE_SEASON, project.season, ignore=shutil.ignore_patterns(".kitgen*"))
    for name in ("templates", "brand_assets"):
        shutil.copytree(ROOT / name, project.root / name)
    (project.root / "pyproject.toml").write_text("")  # the project folder the spec paths stay in
    season_yaml = project.season / "season.yaml"
    season_yaml.write_text(_meetings_only(season_yaml.read_text(encoding="utf-8")), encoding="utf-8")
    build_season(project.season, BuildOptions(project.out, jobs=2))
    return project


def _meetings_only(season_yaml: str) -> str:
    """Return season.yaml with only the first deck (market-meeting) left in its deck set."""
    kept, in_decks, entries = [], False, 0
    for line in season_yaml.splitlines(keepends=True):
        if line.startswith("decks:"):
            in_decks = True
        elif in_decks and line.strip() and not line.startswith(" "):
            in_decks = False
        entries += in_decks and line.startswith("  - ")
        if not (in_decks and entries > 1 and line.strip()):
            kept.append(line)
    return "".join(kept)


@pytest.fixture
def project(review_project: Project, tmp_path: Path) -> Project:
    """Return a private copy of the built review project, free to edit."""
    copy = Project(tmp_path / "project")
    shutil.copytree(review_project.root, copy.root, symlinks=True)
    return copy


def wait_for(condition: Callable[[], object], timeout: float = 30, what: str = "the condition") -> object:
    """Return the first true value of ``condition()``, polled until ``timeout`` seconds; fail the test after."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"{what} did not happen within {timeout} s")


class Client:
    """Plain HTTP requests to a review server (http.client: paths are sent exactly as written)."""

    def __init__(self, server: ReviewServer):
        self.server = server

    def get(self, path: str, host: str | None = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection(self.server.host, self.server.port, timeout=30)
        try:
            connection.putrequest("GET", path, skip_host=host is not None)
            if host is not None:
                connection.putheader("Host", host)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def json(self, path: str) -> dict:
        status, body = self.get(path)
        assert status == 200, (path, status, body[:300])
        return json.loads(body)

    def season_when(self, condition: Callable[[dict], bool], timeout: float = 60, what: str = "the state") -> dict:
        """Return the season payload once ``condition`` holds for it."""
        return wait_for(lambda: (lambda s: s if condition(s) else None)(self.json("/api/season")), timeout, what)


@pytest.fixture
def served(project: Project):
    """Return a client of a review server (outlines only) on the project, once its first build is done."""
    server = ReviewServer(project.season, ServeOptions(project.out, port=0, render=False))
    server.start()
    client = Client(server)
    try:
        client.season_when(lambda s: s["status"] == "ready", what="the first build")
        yield client
    finally:
        server.stop()
