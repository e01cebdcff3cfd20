"""Translator workflow stage: the season's messages, extracted, merged into each language's catalog, counted.

The face: :func:`collect_texts` (every translatable message of the specs and data, located),
:func:`extract_messages`, :func:`update_catalogs` and :func:`coverage` (``kitgen i18n
extract/update/status``), :func:`catalog_languages`, :func:`catalog_path` and
:func:`message_status` (validation's translation checks).
"""

from __future__ import annotations

from generator.translation.texts import SpecText, collect_texts, is_slide_text
from generator.translation.workflow import (
    Counts, Coverage, UpdateStats, catalog_languages, catalog_path, coverage, extract_messages, message_status,
    update_catalogs, wanted_keys,
)

__all__ = ["Counts", "Coverage", "SpecText", "UpdateStats", "catalog_languages", "catalog_path", "collect_texts",
           "coverage", "extract_messages", "is_slide_text", "message_status", "update_catalogs", "wanted_keys"]
