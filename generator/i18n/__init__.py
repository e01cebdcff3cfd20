"""Localize stage: Babel formatting, gettext catalogs and the sandboxed text renderer.

The face is :class:`TextRenderer` (translate and interpolate a text for one
:class:`LocaleContext`, from :class:`Catalogs`); the translator workflow
(extract, update, status) is the :mod:`generator.translation` stage; PO files are read and written by
:mod:`generator.i18n.po`.
"""

from __future__ import annotations

from generator.i18n.localize import Catalogs, LocaleContext, TextRenderer
from generator.i18n.po import catalog_bytes, read_catalog, save_catalog

__all__ = ["Catalogs", "LocaleContext", "TextRenderer", "catalog_bytes", "read_catalog", "save_catalog"]
