"""Localize stage: Babel formatting, gettext catalogs and the sandboxed text renderer.

The face is :class:`TextRenderer` (translate and interpolate a text for one
:class:`LocaleContext`, from :class:`Catalogs`); the translator workflow
(extract, update, status) is the :mod:`generator.translation` stage; PO files are read and written by
:mod:`generator.i18n.po`.
"""

from __future__ import annotations

from generator.i18n.data_text import data_values, translated_columns
from generator.i18n.limits import limit_problems
from generator.i18n.localize import (
    PROJECT_STRINGS, Catalogs, LocaleContext, TextRenderer, format_day, format_month, format_value, is_translatable,
)
from generator.i18n.places import (
    PLACE_EXAMPLES, PLACE_FILTERS, PLACE_FORMS, SEASON_CODE_CONTEXT, Term, manager_title_context, place_context,
)
from generator.i18n.po import catalog_bytes, read_catalog, save_catalog

__all__ = ["PLACE_EXAMPLES", "PLACE_FILTERS", "PLACE_FORMS", "PROJECT_STRINGS", "SEASON_CODE_CONTEXT", "Catalogs",
           "LocaleContext", "Term", "TextRenderer", "catalog_bytes", "data_values", "format_day", "format_month",
           "format_value", "is_translatable", "limit_problems", "manager_title_context", "place_context", "read_catalog",
           "save_catalog", "translated_columns"]
