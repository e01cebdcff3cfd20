"""The review page's web application (Starlette): the page, its JSON, slide pictures, season files
and a server-sent event stream that tells the page when something changed.
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from generator.errors import ServeError
from generator.serve.safety import ServedRoot, is_loopback, slide_key
from generator.serve.session import ReviewSession
from generator.serve.views import deck_payload, season_payload

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
KEEP_ALIVE_SECONDS = 15
_TEXT_TYPES = {".yaml": "text/plain", ".yml": "text/plain", ".po": "text/plain", ".pot": "text/plain",
               ".csv": "text/plain", ".md": "text/plain", ".json": "application/json"}


def review_app(session: ReviewSession, roots: dict[str, ServedRoot], host: str) -> Starlette:
    """Return the web application of ``session``; on a loopback ``host`` only local host names are answered."""

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    async def season(request: Request) -> Response:
        return JSONResponse(await asyncio.to_thread(season_payload, session, roots))

    async def deck(request: Request) -> Response:
        slide = request.query_params.get("slide", "1")
        state = await asyncio.to_thread(session.show, request.path_params["output"], int(slide) if slide.isdigit() else 1)
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
        return StreamingResponse(_event_stream(session, request), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    routes = [Route("/", page), Route("/api/season", season), Route("/api/deck/{output:path}", deck),
              Route("/slides/{key}.jpg", picture), Route("/files/{root}/{path:path}", season_file),
              Route("/events", events), Mount("/static", StaticFiles(directory=STATIC), name="static")]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost", "[::1]", "::1"])] \
        if is_loopback(host) else []  # a page elsewhere cannot reach it through a rebound host name
    return Starlette(routes=routes, middleware=middleware, exception_handlers={ServeError: _refused})


async def _refused(request: Request, exc: Exception) -> Response:
    log.warning("refused %s: %s", request.url.path, exc)
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
