"""Open the finished decks a season declares (``hq:`` in season.yaml), with the master's pre-flight checks."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation

from generator.errors import TemplateError
from generator.hq.reader import DeckText, read_deck
from generator.spec import HqDeckDef, Season
from generator.template import read_template_bytes


@dataclass(frozen=True)
class HqDeck:
    """A declared HQ deck: its declaration and the file it names."""

    spec: HqDeckDef
    file: Path

    def open(self):
        """Return a fresh python-pptx presentation of the deck (each copy is made from its own)."""
        return open_deck(self.file, self.blob())

    def blob(self) -> bytes:
        """Return the deck's bytes after the pre-flight checks (zip bombs, encryption, macros)."""
        return read_template_bytes(self.file)

    def text(self) -> tuple[object, DeckText]:
        """Return a fresh presentation and its text units."""
        prs = self.open()
        return prs, read_deck(prs)


def open_deck(file: Path, blob: bytes):
    """Return python-pptx's view of ``blob``; TemplateError naming ``file`` if it cannot parse it."""
    try:
        return Presentation(io.BytesIO(blob))
    except Exception as exc:  # python-pptx raises KeyError, ValueError, lxml errors... on damaged parts
        raise TemplateError(f"{file}: PowerPoint content cannot be read ({type(exc).__name__}: {exc}); "
                            "open it in PowerPoint and save it again") from exc


def hq_decks(season: Season) -> list[HqDeck]:
    """Return the HQ decks ``season`` declares, in order."""
    return [HqDeck(spec, season.path(spec.path)) for spec in season.spec.hq]


def find_hq_deck(season: Season, name_or_path: str) -> HqDeck | None:
    """Return the declared HQ deck called ``name_or_path`` (its name, or its path as declared)."""
    return next((d for d in hq_decks(season) if name_or_path in (d.spec.name, d.spec.path)), None)
