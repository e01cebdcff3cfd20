"""Localize stage: Babel formatting, gettext catalogs and the sandboxed text renderer.

The face is :class:`TextRenderer` (translate and interpolate a text for one
:class:`LocaleContext`, from :class:`Catalogs`); the translator workflow
(extract, update, status) lives in :mod:`generator.i18n.catalogs`.
"""

from __future__ import annotations

from generator.i18n.localize import Catalogs, LocaleContext, TextRenderer

__all__ = ["Catalogs", "LocaleContext", "TextRenderer"]
