"""Present validation findings: sorted text with the offending line shown, or JSON for machines."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.errors import Finding, Tally
from generator.spec import finding_order


@dataclass(frozen=True)
class Report:
    """Every finding of one validation run; ``strict`` counts warnings as errors."""

    findings: tuple[Finding, ...]
    strict: bool = False

    @classmethod
    def of(cls, findings: list[Finding], strict: bool = False) -> "Report":
        """Return a report of ``findings`` sorted by file and line, repeats dropped."""
        unique = list(dict.fromkeys(findings))
        return cls(tuple(sorted(unique, key=finding_order)), strict)

    def is_error(self, finding: Finding) -> bool:
        """Return True when ``finding`` fails the run."""
        return finding.severity == "error" or self.strict

    @property
    def errors(self) -> list[Finding]:
        """Return the findings that fail the run."""
        return [f for f in self.findings if self.is_error(f)]

    @property
    def ok(self) -> bool:
        """Return True when nothing fails the run."""
        return not self.errors

    def summary(self) -> str:
        """Return ``N error(s), M warning(s)``."""
        errors = len(self.errors)
        return f"{errors} error(s), {len(self.findings) - errors} warning(s)"

    def text(self, verbose: bool = False) -> str:
        """Return the errors, then the warnings, each with its source line and a caret, then the summary.

        Findings of one tally (the texts a catalog lacks) are summed up in one line;
        ``verbose`` lists them after it, one line each.
        """
        ordered = sorted(self.findings, key=lambda f: not self.is_error(f))  # stable: file order within each
        blocks = [self._block(f) for f in ordered if f.tally is None]
        tallies: dict[tuple[Tally, bool], list[Finding]] = {}
        for finding in ordered:
            if finding.tally is not None:
                tallies.setdefault((finding.tally, self.is_error(finding)), []).append(finding)
        for (tally, error), members in tallies.items():
            blocks.append(self._tally_line(tally, error, members, verbose))
            blocks += [f"  {f.location}: {f.message}" for f in members] if verbose else []  # the hint is said above
        return "\n".join([*blocks, self.summary()])

    def _tally_line(self, tally: Tally, error: bool, members: list[Finding], verbose: bool) -> str:
        hint = "; ".join(filter(None, [members[0].hint, None if verbose else "'kitgen validate --verbose' lists them"]))
        return finding_line(Finding(tally.location, "", f"{len(members)} {tally.what}", hint,
                                    "error" if error else "warning"), error)

    def _block(self, finding: Finding) -> str:
        lines = [finding_line(finding, self.is_error(finding))]
        loc = finding.location
        source = finding.source_line if finding.source_line is not None else _file_line(str(loc.file), loc.line)
        if source is not None and loc.line:
            shown = source.replace("\t", " ")
            lines.append(f"  {loc.line:>4} | {shown}")
            if loc.column:
                lines.append(f"       | {' ' * (loc.column - 1)}^")
        return "\n".join(lines)

    def json(self) -> str:
        """Return the findings as a JSON list of {file, line, column, key, message, hint, severity}."""
        rows = [{"file": str(f.location.file), "line": f.location.line, "column": f.location.column,
                 "key": f.key, "message": f.message, "hint": f.hint,
                 "severity": "error" if self.is_error(f) else "warning"} for f in self.findings]
        return json.dumps(rows, indent=2, ensure_ascii=False)


def finding_line(finding: Finding, error: bool = True) -> str:
    """Return ``file:line:col: key: message (hint)``; warnings say so before the message."""
    if error or finding.severity == "error":
        return str(finding)
    text = f"{finding.location}: " + (f"{finding.key}: " if finding.key else "") + "warning: " + finding.message
    return text + (f" ({finding.hint})" if finding.hint else "")


def _file_line(file: str, line: int | None) -> str | None:
    path = Path(file).absolute()
    if not line or not path.is_file() or path.suffix.lower() in (".xlsx", ".xlsm", ".pptx"):
        return None
    rows = _lines(str(path), path.stat().st_mtime_ns)
    return rows[line - 1] if 0 < line <= len(rows) else None


@lru_cache(maxsize=64)
def _lines(file: str, _mtime: int) -> tuple[str, ...]:
    raw = Path(file).read_bytes()[:2_000_000]
    for codec in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return tuple(text.splitlines())
    return ()

