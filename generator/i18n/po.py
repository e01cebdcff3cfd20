"""PO catalog files: reading one, writing one (Babel's pofile); where one lives is ``spec.season.catalog_file``.

The one place kitgen reads or writes gettext files: the text renderer, the translator
workflow and validation all go through it, so a broken file gets the same message everywhere.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from generator.errors import LocalizeError
from generator.writer import write_atomic

PO_WIDTH = 0  # no wrapping: one line per string keeps placeholders whole and diffs readable


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    """Return the PO/POT catalog at ``path``."""
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=language)
    except OSError as exc:
        raise LocalizeError(f"{path}: cannot read the catalog: {exc.strerror}") from exc
    except Exception as exc:  # Babel raises several types for a broken PO file
        raise LocalizeError(f"{path}: cannot read the catalog: {exc}") from exc


def catalog_bytes(catalog: Catalog) -> bytes:
    """Return ``catalog`` as PO text, unwrapped (obsolete messages kept as ``#~``, old sources as ``#|``)."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=PO_WIDTH, include_previous=True)  # "#| msgid" shows a fuzzy entry's old source
    return buffer.getvalue()


def save_catalog(catalog: Catalog, path: Path) -> None:
    """Write ``catalog`` to ``path`` (PO catalogs are committed inputs, like the specs)."""
    write_atomic(path, catalog_bytes(catalog))
