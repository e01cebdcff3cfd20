"""The review page's web application (Starlette): the page, its JSON, slide pictures, season files
and a server-sent event stream that tells the page when something changed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from pathlib import Path

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from generator.errors import ServeError
from generator.serve.safety import HostCheck, ServedRoot, cross_site_refusal, escape_logs, slide_key
from generator.serve.session import ReviewSession
from generator.serve.views import deck_payload, season_payload

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
KEEP_ALIVE_SECONDS = 15
_TEXT_TYPES = {".yaml": "text/plain", ".yml": "text/plain", ".po": "text/plain", ".pot": "text/plain",
               ".csv": "text/plain", ".md": "text/plain", ".json": "application/json"}
_SLIDE = re.compile(r"[0-9]{1,4}")  # ASCII digits only: str.isdigit takes '²', which int() refuses


def review_app(session: ReviewSession, roots: dict[str, ServedRoot], host: str, port: int) -> Starlette:
    """Return the web application of ``session``, answering only requests for ``host`` or loopback at ``port``."""
    escape_logs(__name__, "generator.serve.session", "uvicorn.error", "uvicorn.access")

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    async def season(request: Request) -> Response:
        _from_the_page(request)
        return JSONResponse(await asyncio.to_thread(season_payload, session, roots))

    async def deck(request: Request) -> Response:
        _from_the_page(request)  # a deck shown is rendered: another site must not make the server work
        slide = request.query_params.get("slide", "1")
        if not _SLIDE.fullmatch(slide) or int(slide) == 0:
            return PlainTextResponse(f"refused slide {slide[:40]!r}: not a slide number (1 to 9999)", status_code=400)
        state = await asyncio.to_thread(session.show, request.path_params["output"], int(slide))
        if state is None:
            return PlainTextResponse("no such deck in the season", status_code=404)
        return JSONResponse(await asyncio.to_thread(deck_payload, session, state, roots))

    async def picture(request: Request) -> Response:
        path = session.pictures.path(slide_key(request.path_params["key"]))
        if not path.is_file():
            return PlainTextResponse("no picture of this slide yet", status_code=404)
        # a key names what the slide shows: the picture behind it never changes
        return FileResponse(path, media_type="image/jpeg", headers={"Cache-Control": "max-age=31536000, immutable"})

    async def season_file(request: Request) -> Response:
        root = roots.get(request.path_params["root"])
        if root is None:
            return PlainTextResponse("no such folder", status_code=404)
        try:
            path = root.file(request.path_params["path"])
        except FileNotFoundError:
            return PlainTextResponse("no such file", status_code=404)
        media = _TEXT_TYPES.get(path.suffix.lower())
        return FileResponse(path, media_type=f"{media}; charset=utf-8" if media else None)

    async def events(request: Request) -> Response:
        _from_the_page(request)
        return StreamingResponse(_event_stream(session, request), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    routes = [Route("/", page), Route("/api/season", season), Route("/api/deck/{output:path}", deck),
              Route("/slides/{key}.jpg", picture), Route("/files/{root}/{path:path}", season_file),
              Route("/events", events), Mount("/static", StaticFiles(directory=STATIC), name="static")]
    # a page elsewhere cannot reach the server through a rebound host name, whatever --host says
    middleware = [Middleware(_HostOnly, check=HostCheck(host, port))]
    return Starlette(routes=routes, middleware=middleware, exception_handlers={ServeError: _refused})


class _HostOnly:
    """The Host check in front of the application: a request whose Host does not name this server gets 400."""

    def __init__(self, app: ASGIApp, check: HostCheck):
        self.app, self.check = app, check

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            header = Headers(scope=scope).get("host")
            refusal = "refused: no Host header" if header is None else self.check.refusal(header)
            if refusal is not None:
                log.warning("%s (%s)", refusal, scope.get("path", ""))
                await PlainTextResponse(refusal, status_code=400)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _from_the_page(request: Request) -> None:
    """Raise ServeError (403) for a request another site's page made (Sec-Fetch-Site, Origin)."""
    refusal = cross_site_refusal(request.headers.get("sec-fetch-site"), request.headers.get("origin"),
                                 request.headers.get("host", ""))
    if refusal is not None:
        raise ServeError(refusal)


async def _refused(request: Request, exc: Exception) -> Response:
    log.warning("refused %s: %s", request.url.path, exc)  # escaped by the logger's filter (escape_logs)
    return PlainTextResponse(str(exc), status_code=403)


async def _event_stream(session: ReviewSession, request: Request):
    """Yield an event per change of the session's state, and a comment now and then to keep the line open."""
    loop, queue = asyncio.get_running_loop(), asyncio.Queue(maxsize=1)

    def tell(headline: dict) -> None:
        loop.call_soon_threadsafe(_replace, queue, headline)

    unsubscribe = session.subscribe(tell)
    try:
        yield _event(session.headline())
        while True:  # until the page goes away (Starlette then cancels the stream) or the server closes
            try:
                headline = await asyncio.wait_for(queue.get(), KEEP_ALIVE_SECONDS)
            except TimeoutError:
                yield ": still here\n\n"
                continue
            if headline.get("closing"):
                return
            yield _event(headline)
    finally:
        unsubscribe()


def _replace(queue: asyncio.Queue, headline: dict) -> None:
    """Put ``headline`` in the queue instead of what is waiting there: the page only needs the latest."""
    if queue.full():
        queue.get_nowait()
    queue.put_nowait(headline)


def _event(headline: dict) -> str:
    return f"data: {json.dumps(headline)}\n\n"
