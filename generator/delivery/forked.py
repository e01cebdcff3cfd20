"""Work done in a child process forked for it, while this process goes on with its own.

The child inherits every object this process holds (nothing is pickled on the way in) and
sends back what the work returned, pickled. It is for work whose inputs are loaded already
and whose result is small: the KPI trackers, made on the second core while the parent plans
the decks and forks the workers that build them.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
from typing import Any, Callable

log = logging.getLogger(__name__)


def can_fork() -> bool:
    """Return True where a child process can inherit this one's objects (fork: Linux)."""
    return sys.platform.startswith("linux")


class ForkedCall:
    """Run ``work()`` in a child process forked now; :meth:`result` waits for what it returned."""

    def __init__(self, work: Callable[[], Any]):
        context = multiprocessing.get_context("fork")
        self._reader, writer = context.Pipe(duplex=False)
        self._process = context.Process(target=_run_child, args=(work, writer), name="kitgen-forked", daemon=True)
        self._process.start()
        writer.close()  # the child holds its end: the reader sees EOF if the child dies without an answer

    def result(self) -> tuple[bool, Any]:
        """Return ``(True, value)`` once the child returned ``value``; ``(False, None)`` if it failed in any way.

        The child's exception is not sent back (not every exception pickles): a caller that gets
        False does the work itself, which raises the same error with everything it carries.
        """
        try:
            done, value = self._reader.recv()  # before join: a large answer fills the pipe until it is read
        except (EOFError, OSError):
            done, value = False, None
        finally:
            self._reader.close()
            self._process.join()
        return done, value


def _run_child(work: Callable[[], Any], writer) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (kitgen serve's sets a flag)
    try:
        answer = (True, work())
    except BaseException as exc:  # noqa: BLE001 -- the parent does the work again and reports it
        log.debug("forked work failed: %s", exc)
        answer = (False, None)
    try:
        writer.send(answer)
    except Exception as exc:  # noqa: BLE001 -- a value that does not pickle: the parent does the work itself
        log.debug("forked work's answer not sent: %s", exc)
        writer.send((False, None))
    finally:
        writer.close()
