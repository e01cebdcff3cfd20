"""Keep Python's cycle collector off the objects a build starts with.

A process that has imported pandas, python-pptx, Babel, Jinja and matplotlib holds
about 150,000 long-lived objects, and a build adds its season, data and master.
A full ("oldest generation") collection walks all of them, about 60 ms, and even
a build that keeps every deck triggers one: an eighth of a rebuild of a few decks,
a third of a build with nothing to do. Freezing the objects that
exist when a build starts (``gc.freeze``) leaves them out of every collection while
it runs; the build's own garbage is still collected. They are unfrozen afterwards,
so nothing is kept alive past the build. Forked workers inherit the frozen set.

Only a build on the main thread freezes: ``kitgen serve`` builds on a thread of its own
while its other threads check and render, and freezing would take their garbage (whole
decks' XML trees) out of collections too. The server collects after each cycle instead.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def older_objects_frozen() -> Iterator[None]:
    """Leave the objects that exist on entry out of garbage collections until the block ends.

    Nested blocks, or a caller that froze objects itself, leave the freezing to the outermost owner;
    off the main thread nothing is frozen.
    """
    if gc.get_freeze_count() or threading.current_thread() is not threading.main_thread():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def freeze_for_fork() -> None:
    """Leave every object that exists now out of the collections of processes forked next (main thread only).

    A forked worker's collections would otherwise walk the season and data the parent loaded,
    writing to the pages that hold them and so copying them (about 0.1 s of the workers' CPU over
    the sample's cold build, measured). They are unfrozen with the outer :func:`older_objects_frozen` block.
    """
    if gc.get_freeze_count() and threading.current_thread() is threading.main_thread():
        gc.freeze()
