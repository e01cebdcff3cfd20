"""Load a season folder: ``season.yaml`` plus every deck spec it names."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Finding, Location, SpecError
from generator.spec.loader import LoadedYaml, load_yaml
from generator.spec.model import DeckSpec, SeasonSpec
from generator.spec.paths import escape_problem, project_root
from generator.spec.validate import validate_document

SEASON_FILE = "season.yaml"


@dataclass(frozen=True)
class Season:
    """A validated season: its folder, its spec, and the deck specs it builds."""

    root: Path
    spec: SeasonSpec
    decks: dict[str, DeckSpec]
    documents: dict[str, LoadedYaml] = field(default_factory=dict, compare=False, repr=False)

    def path(self, relative: str) -> Path:
        """Return ``relative`` resolved against the season folder."""
        return (self.root / relative).resolve()

    def document(self, file: Path) -> LoadedYaml | None:
        """Return the loaded YAML (with its line marks) of ``file``, however the season's path was given.

        The documents are keyed by the path the season was read with (relative for
        ``kitgen build decks/fw26``), so keys and ``file`` are compared resolved.
        """
        target = file.resolve()
        return next((doc for name, doc in self.documents.items() if Path(name).resolve() == target), None)

    def catalog_file(self, language: str) -> Path:
        """Return the PO catalog of ``language`` in the season's locale folder (``locale/<language>.po``)."""
        return catalog_file(self.path(self.spec.locale_dir), language)

    def deck_spec_file(self, deck_name: str) -> str:
        """Return the deck spec file name of deck ``deck_name`` as the season names it."""
        own = next((d.spec for d in self.spec.decks if d.name == deck_name), None)
        return own if own is not None else next(d.path for d in self.spec.hq if d.name == deck_name)


def catalog_file(locale_dir: Path, language: str) -> Path:
    """Return the PO catalog of ``language`` in ``locale_dir``: the one rule for ``<language>.po``."""
    return Path(locale_dir) / f"{language}.po"


def season_file(path: Path) -> Path:
    """Return the season.yaml for ``path`` (a season folder or the file itself)."""
    return path / SEASON_FILE if path.is_dir() else path


@dataclass
class SeasonDraft:
    """Return value of :func:`read_season`: whatever loaded, and every structural problem."""

    file: Path
    spec: SeasonSpec | None = None
    decks: dict[str, DeckSpec] = field(default_factory=dict)
    documents: dict[str, LoadedYaml] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def season(self) -> Season:
        """Return the loaded season (only call when ``spec`` is set)."""
        assert self.spec is not None
        return Season(self.file.parent.resolve(), self.spec, self.decks, self.documents)


def read_season(path: Path) -> SeasonDraft:
    """Return the season at ``path`` as far as it loads, with every YAML and schema problem."""
    file = season_file(path)
    draft = SeasonDraft(file)
    if not file.is_file():
        draft.findings.append(Finding(Location(file), "", "no season.yaml here",
                                      "pass a season folder such as decks/fw26"))
        return draft
    draft.spec = _load(file, SeasonSpec, draft.documents, draft.findings)
    if draft.spec is not None:
        draft.findings += _duplicate_deck_names(draft.spec, draft.documents[str(file)])
        project = project_root(file.parent)
        for index, deck in enumerate(draft.spec.decks):
            deck_file = file.parent / deck.spec
            escape = escape_problem(deck.spec, file.parent, project)
            if escape:  # never opened: its first line would show in the error
                draft.findings.append(draft.documents[str(file)].finding(("decks", index, "spec"), *escape))
                continue
            if not deck_file.is_file():
                draft.findings.append(draft.documents[str(file)].finding(
                    ("decks", index, "spec"), f"deck spec '{deck.spec}' not found"))
                continue
            model = _load(deck_file, DeckSpec, draft.documents, draft.findings)
            if model is not None:
                draft.decks[deck.name] = model
    draft.findings.sort(key=finding_order)
    return draft


def load_season(path: Path) -> Season:
    """Return the validated season at ``path``; raise SpecError listing every problem."""
    draft = read_season(path)
    if draft.findings:
        raise SpecError(draft.findings)
    return draft.season()


def _load(file: Path, model: type, documents: dict[str, LoadedYaml], findings: list[Finding]):
    try:
        loaded = load_yaml(file, display=display_path(file))
    except SpecError as exc:
        findings.extend(exc.findings)
        return None
    documents[str(file)] = loaded
    value, problems = validate_document(loaded, model)
    findings.extend(problems)
    return value


def display_path(file: Path) -> str:
    """Return ``file`` relative to the working folder when it is inside it (shorter messages)."""
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def _duplicate_deck_names(spec: SeasonSpec, loaded: LoadedYaml) -> list[Finding]:
    seen: set[str] = set()
    findings = []
    for index, deck in enumerate(spec.decks):
        if deck.name in seen:
            findings.append(loaded.finding(("decks", index, "name"), f"deck name '{deck.name}' is used twice"))
        seen.add(deck.name)
    return findings


def finding_order(finding: Finding) -> tuple[str, int, int]:
    """Return the sort key of a finding: file, line, column."""
    loc = finding.location
    return (str(loc.file), loc.line or 0, loc.column or 0)
