"""Live review: ``kitgen serve`` shows a season's slides and findings in the browser, kept up to date.

``ReviewServer(season_dir, ServeOptions(...))`` watches the season's inputs, rebuilds what a
save changed (the incremental build), renders the changed slides through a LibreOffice kept
running, and tells the open page through server-sent events. ``serve`` runs one until Ctrl+C.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import webbrowser
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ServeError
from generator.serve.safety import LOOPBACK, bind_address, is_loopback, served_roots

__all__ = ["LOOPBACK", "ReviewServer", "ServeOptions", "is_loopback", "open_page", "serve"]
log = logging.getLogger(__name__)
TICK_SECONDS = 1.0  # how often the idle server looks whether it should stop


@dataclass(frozen=True)
class ServeOptions:
    """Where to serve the review page and where the season is built."""

    out_dir: Path
    host: str = LOOPBACK
    port: int = 8000  # 0: any free port (tests)
    public: bool = False  # True when the host was given explicitly: another than loopback is then allowed
    render: bool = True  # False: outlines only, no LibreOffice


class ReviewServer:
    """A review server on a thread of its own (``start``/``stop``), or in the foreground (``run``)."""

    def __init__(self, season_dir: Path, options: ServeOptions):
        try:  # fail here, with the install hint, before anything starts
            import starlette, uvicorn, watchfiles  # noqa: F401, E401
        except ImportError as exc:
            raise ServeError(f"kitgen serve needs {exc.name}: pip install 'kitgen[serve]' "
                             "(make demo and make test install it)") from exc
        self.season_dir, self.options = season_dir, options
        self.host = bind_address(options.host, explicit=options.public)
        self.socket = _bound_socket(self.host, options.port)
        self.port = self.socket.getsockname()[1]
        self._server = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Return the address of the review page."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def run(self) -> None:
        """Serve until interrupted (Ctrl+C), then stop the watcher, the builds and LibreOffice."""
        import uvicorn

        from generator.serve.app import review_app
        from generator.serve.render import SlideRenderer
        from generator.serve.session import ReviewSession
        from generator.serve.watch import Watcher

        session = ReviewSession(self.season_dir, self.options.out_dir,
                                SlideRenderer() if self.options.render else None)
        watcher = Watcher(self.season_dir, self.options.out_dir, session.changed)
        inputs = watcher.inputs
        roots = served_roots(inputs.season_dir, inputs.template, inputs.profile, inputs.brand_dir)
        config = uvicorn.Config(review_app(session, roots, self.host, self.port), log_level="warning",
                                timeout_graceful_shutdown=1, lifespan="off")
        def close() -> None:
            watcher.stop()
            session.stop()

        self._server = _server_class()(config, session.close_streams, close)
        self.session = session
        session.start()
        watcher.start()
        try:
            self._server.run(sockets=[self.socket])
        finally:
            close()  # again when uvicorn's shutdown did it already: stopping twice is harmless
            self.socket.close()

    def start(self) -> None:
        """Serve on a background thread (returns at once; the first build is under way)."""
        self._thread = threading.Thread(target=self.run, name="kitgen-serve", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop a server started with ``start`` and wait until it has."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=90)


def serve(season_dir: Path, options: ServeOptions, *, open_browser: bool = False) -> None:
    """Serve the review page of ``season_dir`` until interrupted."""
    server = ReviewServer(season_dir, options)
    log.info("kitgen serve: %s", server.url)
    if open_browser:
        open_page(server.url)
    server.run()


def open_page(url: str) -> None:
    """Open ``url`` in the default browser once the server had a second to start."""
    threading.Timer(1.0, webbrowser.open, args=(url,)).start()


def _server_class():
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn's server, ending the pages' event streams first when it shuts down (they never end by themselves),
        and the session and watcher last."""

        def __init__(self, config: uvicorn.Config, close_streams, close):
            super().__init__(config)
            self.close_streams, self.close = close_streams, close

        async def main_loop(self) -> None:
            """Look for a shutdown once a second, not ten times: an idle review server then uses no CPU
            beyond its file watcher (uvicorn's date header still changes every second)."""
            counter = 0
            while not await self.on_tick(counter):
                counter = (counter + 10) % 864000  # on_tick renews the date header when counter % 10 == 0
                await asyncio.sleep(TICK_SECONDS)

        async def shutdown(self, sockets=None) -> None:
            self.close_streams()
            await super().shutdown(sockets)
            # uvicorn raises a SIGTERM it caught again once it has shut down, which ends the process
            # before any `finally`: LibreOffice, in a session of its own, would outlive the server
            self.close()

    return Server


def _bound_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    bound = socket.socket(family, socket.SOCK_STREAM)
    bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        bound.bind((host, port))
    except OSError as exc:
        bound.close()
        hint = "pass another --port" if exc.errno == 98 else "check --host"
        raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror} ({hint})") from exc
    bound.listen(64)
    return bound
