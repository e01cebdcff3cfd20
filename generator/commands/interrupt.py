"""SIGTERM ends a build as Ctrl-C does: a build stopped by ``kill``, a CI job's timeout or a
container's shutdown removes its staging folder, stops its workers and exits with click's
``Aborted!`` (exit code 1), instead of dying on the spot and leaving both behind."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Return a context (or decorator) in which SIGTERM raises KeyboardInterrupt in the main thread."""
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield
        return

    def interrupt(signum, frame) -> None:
        # A second SIGTERM during the clean-up ends the process at once; the next build removes what is left.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
