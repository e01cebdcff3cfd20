"""The languages decks are written in (a constant a command's options need before any model loads)."""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "fr", "es"]
LANGUAGES: tuple[str, ...] = Language.__args__  # type: ignore[attr-defined]
