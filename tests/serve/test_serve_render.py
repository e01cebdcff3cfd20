"""The kept-alive LibreOffice: pictures from it, and its replacement by a fresh one after many conversions."""

from __future__ import annotations

import os
import shutil
import threading
from io import BytesIO
from pathlib import Path

import pytest
from pptx import Presentation

from generator.errors import RenderError
from generator.serve import render
from generator.serve.render import SlideRenderer
from generator.serve.session import ReviewSession


def _can_render() -> bool:
    """Return True when LibreOffice, a Python with its uno bridge, and pdftoppm are all here."""
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        return False
    try:
        render._uno_python()
    except RenderError:
        return False
    return True


needs_libreoffice = pytest.mark.skipif(
    not _can_render(),
    reason="needs LibreOffice, its Python bridge and poppler: apt-get install -y libreoffice-impress python3-uno "
           "poppler-utils")


def _one_slide_deck(title: str) -> bytes:
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = title
    buffer = BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.libreoffice
@needs_libreoffice
def test_a_worn_libreoffice_is_replaced_and_the_fresh_one_renders(monkeypatch):
    monkeypatch.setattr(render, "RECYCLE_AFTER", 2)
    renderer = SlideRenderer()
    renderer.start()
    try:
        assert renderer.ready, renderer.hint
        first = renderer._office.process.pid
        pictures = [renderer.render(_one_slide_deck(f"Slide {n}"), 1) for n in range(2)]
        assert all(p[0].startswith(b"\xff\xd8") for p in pictures)  # JPEG
        assert renderer.worn
        renderer.recycle()
        assert renderer._office.process.pid != first and not _alive(first)
        assert not renderer.worn and renderer.conversions == 0
        assert renderer.render(_one_slide_deck("After"), 1)[0].startswith(b"\xff\xd8")
    finally:
        renderer.stop()
    assert renderer._office is None


class _WornRenderer:
    """A renderer that is worn until recycled, and records when it was."""

    ready = True

    def __init__(self) -> None:
        self.worn, self.recycled = True, threading.Event()

    def recycle(self) -> None:
        self.worn = False
        self.recycled.set()


def test_the_session_recycles_a_worn_renderer_once_nothing_waits(tmp_path):
    renderer = _WornRenderer()
    session = ReviewSession(tmp_path, tmp_path / "out", renderer)
    session._recycle_when_worn()
    assert renderer.recycled.wait(5)
    session._recycling.join(5)
    session._recycle_when_worn()  # no longer worn: nothing more starts
    assert not session._recycling.is_alive() and not renderer.worn
