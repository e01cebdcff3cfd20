"""The one result type of deck checks."""

from __future__ import annotations

from dataclasses import dataclass

PACKAGE = "[package]"  # the ``part`` of a problem that concerns the whole deck file


@dataclass(frozen=True)
class Problem:
    """One reason PowerPoint would refuse or repair a deck: ``deck: part: message``."""

    deck: str
    part: str
    message: str

    def __str__(self) -> str:
        return f"{self.deck}: {self.part}: {self.message}"
