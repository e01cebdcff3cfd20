"""The review server over HTTP (outlines only): the page, its JSON, season files, and a live edit cycle."""

from __future__ import annotations

import json

from serve_helpers import Client, project, review_project, served  # noqa: F401 -- fixtures

DECKS = ["en/US-E-market-meeting.pptx", "en/US-W-market-meeting.pptx", "en/CA-market-meeting.pptx",
         "fr/CA-market-meeting.pptx", "es/MX-market-meeting.pptx"]
CA = "/api/deck/en/CA-market-meeting.pptx"


def test_the_page_and_its_assets_are_served(served):
    status, page = served.get("/")
    assert status == 200 and b'<script src="/static/app.js">' in page
    assert served.get("/static/app.js")[0] == 200
    assert served.get("/static/app.css")[0] == 200


def test_the_season_lists_its_decks_and_says_pictures_are_off(served):
    season = served.json("/api/season")
    meetings = [d["id"] for d in season["decks"] if d["id"].endswith("-market-meeting.pptx")]
    assert meetings == DECKS  # beside them, the HQ decks' localized copies the season declares
    assert season["problems"] == [] and not season["stale"]
    assert season["renderer"] == {"state": "off", "hint": "slide pictures are off (--no-render)"}


def test_a_deck_shows_its_slides_in_each_language(served):
    deck = served.json(CA)
    assert list(deck["languages"]) == ["en", "fr"]
    english, french = deck["languages"]["en"]["slides"], deck["languages"]["fr"]["slides"]
    assert len(english) == len(french) > 10
    assert (english[1]["title"], french[1]["title"]) == ("Agenda", "Ordre du\u00a0jour")  # no lone last word
    assert english[1]["image"] is None  # outlines only


def test_season_files_are_served_and_nothing_else(served):
    status, spec = served.get("/files/season/decks/market_meeting.yaml")
    assert status == 200 and spec.startswith(b"# yaml-language-server")
    assert served.get("/files/template/orvelle_master.pptx")[0] == 200
    assert served.get("/files/profile/orvelle_master.profile.yaml")[0] == 200
    assert served.get("/files/brand/brand.yaml")[0] == 200
    assert served.get("/files/season/..%2F..%2Fpyproject.toml") == (
        403, b"refused path '../../pyproject.toml': '..' and empty parts are not served")
    assert served.get("/files/season/%2Fetc%2Fpasswd")[0] == 403
    assert served.get("/files/template/make_master.py")[0] == 403
    assert served.get("/files/season/no-such-file.yaml")[0] == 404
    assert served.get("/files/home/.bashrc")[0] == 404
    assert served.get("/slides/..%2F..%2Fmanifest.json.jpg")[0] == 404  # no route: a key has no slash
    assert served.get("/slides/manifest.jpg") == (403, b"refused slide picture 'manifest': not a slide key")
    assert served.get("/api/deck/../../etc/passwd")[0] == 404


def test_a_request_for_another_host_name_is_refused(served):
    # a page elsewhere reaching the loopback server through a rebound DNS name
    assert served.get("/api/season", host="attacker.example")[0] == 400


def test_an_edit_rebuilds_the_deck_and_a_broken_spec_shows_located_errors(served, project):
    project.edit("title: Agenda\n", "title: Agenda for the partners\n")
    served.season_when(lambda s: s["status"] == "ready" and
                       served.json(CA)["languages"]["en"]["slides"][1]["title"] == "Agenda for the\u00a0partners",
                       what="the new title")
    french = served.json("/api/deck/fr/CA-market-meeting.pptx")["languages"]["fr"]["slides"][1]
    assert french["title"] == "Agenda for the\u00a0partners"  # English until translated, and said so on the slide
    fallback = [f for f in french["findings"] if f["kind"] == "translation"]
    assert [(f["message"], f["view"]) for f in fallback] == [
        ("no fr translation: 'Agenda for the partners'", "/files/season/decks/market_meeting.yaml#L10")]
    assert fallback[0]["editor"].endswith("/decks/fw26/decks/market_meeting.yaml:10:1")
    warnings = {f["message"] for f in french["findings"] if f["kind"] == "spec"}  # validation's, at the title's line
    assert "'fr' translation missing for 'Agenda for the partners'" in warnings

    project.edit("title: Agenda for the partners\n", "titel: Agenda\n")  # line 11, inside slide 2
    season = served.season_when(lambda s: s["status"] == "failed", what="the error")
    assert season["stale"] and all(d["stale"] for d in season["decks"])
    error = next(p for p in season["problems"] if p["severity"] == "error")
    assert (error["file"].endswith("decks/fw26/decks/market_meeting.yaml"), error["line"], error["column"]) == (
        True, 11, 5)
    assert error["editor"].startswith("vscode://file/") and error["editor"].endswith("market_meeting.yaml:11:5")
    assert error["view"] == "/files/season/decks/market_meeting.yaml#L11"
    deck = served.json(CA)
    slides = deck["languages"]["en"]["slides"]
    assert slides[1]["title"] == "Agenda for the\u00a0partners" and slides[1]["stale"]  # the last good slide
    assert [f["line"] for f in slides[1]["findings"]] == [11]  # pinned on the slide it concerns
    assert all(not s["findings"] for s in slides[2:])

    project.edit("titel: Agenda\n", "title: Agenda\n")
    season = served.season_when(lambda s: s["status"] == "ready", what="the fix")
    assert season["problems"] == [] and not season["stale"]
    assert json.dumps(served.json(CA)).count('"stale": true') == 0


def test_without_libreoffice_the_page_gets_outlines_and_the_install_hint(project, monkeypatch):
    from generator.serve import ReviewServer, ServeOptions

    monkeypatch.setattr("generator.serve.render.shutil.which", lambda name: None)
    server = ReviewServer(project.season, ServeOptions(project.out, port=0, render=True))
    server.start()
    try:
        season = Client(server).season_when(lambda s: s["status"] == "ready" and s["renderer"]["state"] == "missing")
        assert "apt-get install -y libreoffice-impress python3-uno poppler-utils" in season["renderer"]["hint"]
        slides = Client(server).json(CA)["languages"]["en"]["slides"]
        assert slides[1]["image"] is None and slides[1]["texts"][0] == "Agenda"
    finally:
        server.stop()
