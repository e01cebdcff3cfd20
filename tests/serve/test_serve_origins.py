"""Errors pinned on their slides whatever the season's path: relative (the README's `kitgen serve decks/fw26`)
or absolute, and decks kept from a build run in another working folder or another copy of the project."""

from __future__ import annotations

from pathlib import Path

from serve_helpers import Client, Project, project, review_project  # noqa: F401 -- fixtures
from generator.serve import ReviewServer, ServeOptions
from generator.serve.views import origin_file

CA = "/api/deck/en/CA-market-meeting.pptx"


def test_a_relative_season_path_pins_a_spec_error_on_its_slide_with_its_editor_link(project: Project, monkeypatch):
    monkeypatch.chdir(project.root)
    # the decks are kept from the fixture's build, which recorded them in another copy of the project
    server = ReviewServer(Path("decks/fw26"), ServeOptions(Path("build/fw26"), port=0, render=False))
    server.start()
    client = Client(server)
    try:
        client.season_when(lambda s: s["status"] == "ready", what="the first build")
        project.edit("title: Agenda\n", "titel: Agenda\n")
        client.season_when(lambda s: s["status"] == "failed", what="the error")
        slides = client.json(CA)["languages"]["en"]["slides"]
        pinned = [(s["number"], f["line"], f["editor"]) for s in slides for f in s["findings"] if f["kind"] == "spec"]
        spec = project.meeting.resolve()
        assert pinned == [(2, 11, f"vscode://file{spec}:11:5")]
    finally:
        server.stop()


def test_an_origin_recorded_elsewhere_names_the_served_season_file(project: Project, tmp_path: Path):
    season, spec = project.season.resolve(), project.meeting.resolve()
    assert origin_file("decks/fw26/decks/market_meeting.yaml", season, project.root) == spec  # as served
    assert origin_file("decks/fw26/decks/market_meeting.yaml", season, season) == spec  # built from the project
    assert origin_file("decks/market_meeting.yaml", season, tmp_path) == spec  # built from the season folder
    assert origin_file("/elsewhere/decks/fw26/decks/market_meeting.yaml", season, tmp_path) == spec  # moved
    assert origin_file("/elsewhere/nothing.yaml", season, tmp_path) == Path("/elsewhere/nothing.yaml")
