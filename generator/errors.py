"""The one exception tree of kitgen.

Every error a user can cause derives from :class:`KitgenError`, itself a
``click.ClickException``: the CLI prints the message and exits non-zero, never a
traceback. Library callers catch ``KitgenError``. Wrap lower errors with
``raise SomeError(...) from exc`` so the cause stays available to ``--debug``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click


class KitgenError(click.ClickException):
    """Base of every kitgen error; ``str(err)`` is the user-facing message."""

    exit_code = 1

    def format_message(self) -> str:
        return self.message


@dataclass(frozen=True)
class Location:
    """Where in an input file a problem sits (1-based line and column)."""

    file: Path | str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = str(self.file)
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


@dataclass(frozen=True)
class Tally:
    """Findings of one kind that a report sums up in one line, e.g. the texts one catalog lacks."""

    location: Location
    what: str  # after the count: "text(s) without a 'fr' translation"


@dataclass(frozen=True)
class Finding:
    """One located problem: ``file:line:col: key.path: message (hint)``."""

    location: Location
    key: str
    message: str
    hint: str | None = None
    severity: str = "error"  # "error" or "warning"
    source_line: str | None = field(default=None, compare=False)
    tally: Tally | None = field(default=None, compare=False)

    def __str__(self) -> str:
        text = f"{self.location}: "
        if self.key:
            text += f"{self.key}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class SpecError(KitgenError):
    """One or more problems in YAML specs; carries every finding."""

    def __init__(self, findings: list[Finding] | Finding):
        self.findings = [findings] if isinstance(findings, Finding) else list(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


class DataError(KitgenError):
    """A data source cannot be read or does not hold what a spec asks for."""


class CellError(DataError):
    """A data file cell (or line) that cannot be read as its source declares."""

    def __init__(self, location: Location, column: str | None, message: str, hint: str | None = None):
        self.location = location
        self.column = column
        self.problem = message
        self.hint = hint
        where = f"column '{column}': " if column else ""
        super().__init__(f"{location}: {where}{message}" + (f" ({hint})" if hint else ""))


class TemplateError(KitgenError):
    """An HQ master template or its profile cannot be used."""


class PackageError(KitgenError):
    """An Office package from outside refused before parsing: it unpacks too big, lies about sizes, or holds a DOCTYPE."""

    def __init__(self, file: str, where: str, problem: str):
        self.file, self.where, self.problem = file, where, problem  # where: "part ppt/x.xml", "member y" or ""
        super().__init__(": ".join(piece for piece in (file, where, problem) if piece))


class LocalizeError(KitgenError):
    """A locale, catalog or text interpolation problem."""


class MarkerError(LocalizeError):
    """A translation of an HQ paragraph whose formatting markers (``<g1>…</g1>``, ``<x2/>``) do not match its source's."""


class RenderError(KitgenError):
    """A chart or slide could not be rendered."""


class FitError(KitgenError):
    """Text does not fit its box even at the smallest allowed size."""


class CheckError(KitgenError):
    """A generated deck fails a structural check."""


class OutputError(KitgenError):
    """An output file could not be written."""


class ToolMissingError(KitgenError):
    """A system program (LibreOffice, pdftoppm) is needed but not installed."""


class ClusterError(KitgenError):
    """A Dask cluster cannot be reached, or its workers cannot build the decks as this machine would."""


class ServeError(KitgenError):
    """The review server cannot start as asked, or refuses a request (an unsafe path, a public bind)."""
