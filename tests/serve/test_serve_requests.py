"""Requests the review server refuses, sent to its ASGI application directly: another host name whatever
--host says, work asked by another site's page, bad paths and slide numbers (a 4xx, never a traceback),
and a URL's control characters escaped in the log.

Starlette's TestClient needs httpx, which kitgen's extras do not install: a request here is one ASGI call.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from dataclasses import dataclass
from urllib.parse import unquote, urlencode

import pytest

from serve_helpers import Project, review_project  # noqa: F401 -- fixtures
from generator.serve.app import review_app
from generator.serve.safety import HostCheck, escaped
from generator.serve.session import ReviewSession
from generator.serve.watch import season_inputs
from generator.serve.safety import served_roots

CA = "/api/deck/en/CA-market-meeting.pptx"
PORT = 8000


@pytest.fixture(scope="module")
def session(review_project: Project, tmp_path_factory) -> ReviewSession:
    """Return a session of a copy of the review project, checked and built once (no threads, no pictures)."""
    copy = Project(tmp_path_factory.mktemp("requests") / "project")
    shutil.copytree(review_project.root, copy.root, symlinks=True)
    built = ReviewSession(copy.season, copy.out)
    built._check()
    built._build_due.clear()  # as the build thread does before it builds
    built._build_all()
    assert built.status == "ready", built.failure
    return built


@dataclass
class Answer:
    status_code: int
    text: str


class AsgiClient:
    """GET requests sent to an ASGI application in this thread; the default Host names the server it was made for."""

    def __init__(self, app, host: str):
        self.app, self.host = app, host

    def get(self, path: str, headers: dict[str, str] | None = None, params: dict[str, str] | None = None) -> Answer:
        raw, _, query = path.partition("?")
        query = urlencode(params) if params else query
        sent = {"host": self.host, **{k.lower(): v for k, v in (headers or {}).items()}}
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": unquote(raw), "raw_path": raw.encode(), "query_string": query.encode(),
                 "root_path": "", "headers": [(k.encode(), v.encode("latin-1")) for k, v in sent.items()],
                 "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", PORT)}
        return asyncio.run(self._call(scope))

    async def _call(self, scope: dict) -> Answer:
        status, body, asked = [0], bytearray(), [False]

        async def receive() -> dict:
            if asked[0]:  # the response is sent: the client then goes away (ends an event stream)
                await asyncio.sleep(0.05)
                return {"type": "http.disconnect"}
            asked[0] = True
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))

        await self.app(scope, receive, send)
        return Answer(status[0], body.decode("utf-8", errors="replace"))


def _client(session: ReviewSession, host: str = "127.0.0.1") -> AsgiClient:
    inputs = season_inputs(session.season_dir)
    roots = served_roots(inputs.season_dir, inputs.template, inputs.profile, inputs.brand_dir)
    name = f"[{host}]" if ":" in host else host
    return AsgiClient(review_app(session, roots, host, PORT), f"{name}:{PORT}")


@pytest.fixture
def client(session: ReviewSession) -> AsgiClient:
    session.viewed.clear()
    session.focus = None
    return _client(session)


# ------------------------------------------------------------ b. the Host check, always on
@pytest.mark.parametrize("bind", ["127.0.0.1", "127.1", "0.0.0.0", "::1"])
def test_a_rebound_host_name_is_refused_whatever_the_bind(session, bind):
    client = _client(session, bind)
    response = client.get("/api/season", headers={"Host": f"attacker.example:{PORT}"})
    assert response.status_code == 400
    assert response.text.startswith(f"refused host 'attacker.example:{PORT}': this server answers ")
    for host in ("localhost", "127.0.0.1", "[::1]"):
        assert client.get("/api/season", headers={"Host": f"{host}:{PORT}"}).status_code == 200
    assert client.get("/api/season", headers={"Host": "localhost:9999"}).status_code == 400  # another port


def test_the_host_check_answers_the_given_name_and_loopback_with_the_port():
    check = HostCheck("127.1", PORT)
    assert check.allowed == {"127.1:8000", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"}
    assert check.refusal("127.1:8000") is None and check.refusal("LOCALHOST:8000") is None
    assert check.refusal("review.example:8000") == ("refused host 'review.example:8000': this server answers "
                                                     "127.0.0.1:8000, 127.1:8000, [::1]:8000, localhost:8000")
    assert check.refusal("192.168.1.4:8000") is not None  # an address only on a wildcard bind
    everywhere = HostCheck("0.0.0.0", PORT)
    assert everywhere.refusal("192.168.1.4:8000") is None and everywhere.refusal("[fe80::1]:8000") is None
    assert everywhere.refusal("192.168.1.4:9") is not None and everywhere.refusal("nas.example:8000") is not None


# ------------------------------------------------------------ c. work only for the page itself
def test_a_cross_site_request_is_refused_and_queues_nothing(session, client):
    response = client.get(CA, headers={"Sec-Fetch-Site": "cross-site"})
    assert (response.status_code, response.text) == (
        403, "refused: a request from another site (Sec-Fetch-Site: cross-site); only the review page asks this")
    assert session.viewed == set() and session.focus is None  # no deck shown: no render queued
    assert client.get(CA, headers={"Sec-Fetch-Site": "same-site"}).status_code == 403
    response = client.get(CA, headers={"Origin": "http://attacker.example"})
    assert (response.status_code, response.text) == (
        403, "refused: a request from another site (Origin: http://attacker.example); only the review page asks this")
    assert client.get("/api/season", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert client.get("/events", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert session.viewed == set()


def test_the_page_itself_is_served(session, client):
    assert client.get(CA, headers={"Sec-Fetch-Site": "same-origin", "Origin": f"http://127.0.0.1:{PORT}"}
                      ).status_code == 200
    assert session.focus == "en/CA-market-meeting.pptx" and "fr/CA-market-meeting.pptx" in session.viewed
    assert client.get(CA + "?slide=3", headers={"Sec-Fetch-Site": "none"}).status_code == 200  # the address bar
    assert session.focus_slide == 3


# ------------------------------------------------------------ d. control characters escaped in the log
def test_a_urls_escape_sequences_are_escaped_in_the_log(client, caplog):
    with caplog.at_level(logging.WARNING):
        assert client.get("/slides/%1b%5b2J%1b%5d0;owned%07.jpg").status_code == 403
    line = "\n".join(r.getMessage() for r in caplog.records)
    assert "\x1b" not in line and "\x07" not in line
    assert r"refused /slides/\x1b[2J\x1b]0;owned\x07.jpg: refused slide picture" in line


def test_escaped_writes_control_characters_as_python_does():
    assert escaped("a\x1b[2Jb\nc\td\x00\x7f\x9b é") == r"a\x1b[2Jb\nc\td\x00\x7f\x9b é"


# ------------------------------------------------------------ e. bad requests: a 4xx, no traceback
def test_a_symlink_loop_is_refused(session, client, caplog):
    (session.season_dir / "loop-a").symlink_to(session.season_dir / "loop-b")
    (session.season_dir / "loop-b").symlink_to(session.season_dir / "loop-a")
    with caplog.at_level(logging.WARNING):
        response = client.get("/files/season/loop-a")
    assert (response.status_code, response.text) == (403, "refused path 'loop-a': a symlink loop")
    assert not any(r.exc_info for r in caplog.records)


def test_a_name_too_long_is_refused(client, caplog):
    name = "x" * 300
    with caplog.at_level(logging.WARNING):
        response = client.get(f"/files/season/{name}")
    assert (response.status_code, response.text) == (403, f"refused path {name[:200]!r}…: file name too long")
    assert not any(r.exc_info for r in caplog.records)
    assert client.get(f"/api/deck/{name}").status_code == 404
    assert client.get(f"/slides/{name}.jpg").status_code == 403


@pytest.mark.parametrize("slide, shown", [("²", "'²'"), ("1" * 5000, repr("1" * 40)), ("0", "'0'"),
                                          ("-1", "'-1'"), ("", "''"), ("٣", "'٣'")])
def test_a_slide_that_is_not_a_slide_number_is_a_bad_request(client, slide, shown):
    response = client.get(CA, params={"slide": slide})
    assert (response.status_code, response.text) == (400, f"refused slide {shown}: not a slide number (1 to 9999)")


# ------------------------------------------------------------ f. a deck's findings, from every language
def test_a_deck_lists_the_findings_of_each_of_its_languages_once(session, client):
    french = session.decks["fr/CA-market-meeting.pptx"]
    kept = french.fit, french.missing
    french.fit, french.missing = [{"slide": 3, "message": "text overflows its box"}], ["Not shown anywhere"]
    try:
        deck = json.loads(client.get(CA).text)
    finally:
        french.fit, french.missing = kept
    assert [(f["language"], f["slide"], f["message"]) for f in deck["findings"]] == [
        ("fr", 3, "text overflows its box"), ("fr", 0, "no fr translation: 'Not shown anywhere'")]
