"""Validation stage: every problem of a season, located, before anything renders.

``read_season`` gives YAML and schema problems; the cross-checks here add what
needs the season as a whole: data sources and columns, filter values, template
roles, file paths, ``{{ names }}``, locales, tracker sources and translations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.data import DataStore
from generator.errors import Finding, SpecError
from generator.spec import (
    SEASON_FILE, DeckSpec, Season, SeasonDraft, display_path, load_yaml, read_season, validate_document,
)
from generator.template import Master
from generator.validation.context import SeasonView
from generator.validation.codes import check_codes
from generator.validation.coverage import check_coverage
from generator.validation.data_refs import check_data_refs, check_source_texts
from generator.validation.hq_refs import check_hq
from generator.validation.names import check_names
from generator.validation.paths import check_output_names, check_paths, leads_out, unsafe_paths
from generator.validation.report import Report, finding_line
from generator.validation.season_refs import check_brand, check_locales, check_regions, check_template
from generator.validation.trackers import check_trackers
from generator.validation.translations import check_translations
from generator.validation.visuals import check_visuals

__all__ = ["CheckedSeason", "Report", "check_season", "checked_report", "cross_check", "finding_line", "load_valid_season",
           "validate_path"]


@dataclass(frozen=True)
class CheckedSeason:
    """A season that passed every check, with the data and master the checks loaded (a build reuses them)."""

    season: Season
    store: DataStore | None
    master: Master | None
    warnings: tuple[str, ...] = ()  # what did not fail the checks but must be said (totals lines left out)


def cross_check(draft: SeasonDraft) -> list[Finding]:
    """Return the findings of every cross-check of a season whose season.yaml loaded."""
    return [] if draft.spec is None else _checked_view(draft).findings


def _checked_view(draft: SeasonDraft) -> SeasonView:
    """Return the view of ``draft`` (its spec loaded) after every cross-check, findings recorded."""
    view = SeasonView(draft)
    unsafe = unsafe_paths(view)
    view.blocked = {path[1] for path in unsafe if path[0] == "sources"}
    check_paths(view)
    for name in draft.spec.sources:  # every source is read once, used or not
        view.frame(name)
    check_template(view, unsafe)
    check_brand(view, unsafe)
    check_visuals(view, unsafe)
    check_locales(view)
    check_regions(view)
    check_data_refs(view)
    check_source_texts(view)
    check_trackers(view)
    check_coverage(view)
    check_names(view)
    check_output_names(view)
    check_codes(view)
    check_hq(view)
    if not leads_out(view):  # the texts to translate are read from the files the season names
        check_translations(view)  # every run, errors or not: the same warnings each time
    return view


def validate_path(path: Path, *, strict: bool = False) -> Report:
    """Return every problem of the season folder (or the one spec file) at ``path``."""
    if path.is_file() and path.name != SEASON_FILE:
        return _validate_spec(path, strict)
    draft = read_season(path)
    return Report.of(draft.findings + cross_check(draft), strict)


def load_valid_season(path: Path, *, strict: bool = False) -> Season:
    """Return the season at ``path`` after every check; raise SpecError when anything fails."""
    return check_season(path, strict=strict).season


def check_season(path: Path, *, strict: bool = False) -> CheckedSeason:
    """Return the season at ``path`` after every check, with what they loaded; raise SpecError when anything fails."""
    report, checked = checked_report(path, strict=strict)
    if checked is None:
        raise SpecError(report.errors)
    return checked


def checked_report(path: Path, *, strict: bool = False) -> tuple[Report, CheckedSeason | None]:
    """Return every problem of the season folder at ``path``, and the checked season when none is an error.

    ``kitgen serve`` shows the one and builds the other: a save is checked once, not again by its build.
    """
    draft = read_season(path)
    view = _checked_view(draft) if draft.spec is not None else None
    report = Report.of(draft.findings + (view.findings if view else []), strict)
    if not report.ok or view is None:
        return report, None
    warnings = tuple(finding_line(f, error=False) for f in report.findings if not report.is_error(f))
    return report, CheckedSeason(draft.season(), view.store, view.master, warnings)


def _validate_spec(path: Path, strict: bool) -> Report:
    season = _season_above(path)
    if season is not None:
        draft = read_season(season)
        report = Report.of(draft.findings + cross_check(draft), strict)
        mine = [f for f in report.findings if Path(f.location.file).resolve() == path.resolve()]
        if any(str(d.resolve()) == str(path.resolve()) for d in map(Path, draft.documents)):
            return Report.of(mine, strict)
    try:
        _, findings = validate_document(load_yaml(path, display=display_path(path)), DeckSpec)
    except SpecError as exc:
        findings = exc.findings
    return Report.of(findings, strict)


def _season_above(path: Path) -> Path | None:
    for folder in list(path.resolve().parents)[:3]:
        if (folder / SEASON_FILE).is_file():
            return folder
    return None

