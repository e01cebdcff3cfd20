"""Language variants of a visual: ``visual.fr.png`` beside ``visual.png`` is its French version.

A picture that carries words (a campaign visual, a poster) is drawn once per language; the deck's
language picks the variant wherever a picture is placed (spec images, HQ picture swaps, the
visuals of a retailer kit). The rule lives here, below every stage that places pictures.
"""

from __future__ import annotations

from pathlib import Path


def variant_file(path: Path, language: str) -> Path:
    """Return where the ``language`` variant of ``path`` is (``a/visual.png`` -> ``a/visual.fr.png``)."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def localized_file(path: Path, language: str) -> Path:
    """Return the ``language`` variant of ``path`` when that file exists, else ``path`` itself."""
    variant = variant_file(path, language)
    return variant if variant.is_file() else path


def has_variants(path: Path, languages: tuple[str, ...] | list[str]) -> bool:
    """Return True when a variant of ``path`` exists for any of ``languages`` (the picture carries words)."""
    return any(variant_file(path, language).is_file() for language in languages)

