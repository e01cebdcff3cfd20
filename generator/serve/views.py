"""What the review page receives: the season's deck list and findings, and one deck's slides.

Findings are pinned on the slides they concern: text-fit findings name their slide; a
validation error lands on the slides built from the spec slide around its line; a missing
translation on the slides that show its English fallback.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import quote

from generator.errors import Finding
from generator.serve.safety import ServedRoot
from generator.serve.session import DeckState, ReviewSession
from generator.serve.slides import SlideView

AUDIENCES = {"region": "Region decks", "retailer": "Retailer decks", "once": "Season decks"}
_PLACEHOLDER = re.compile(r"{{.*?}}|{%.*?%}")


def season_payload(session: ReviewSession, roots: dict[str, ServedRoot]) -> dict:
    """Return the page's view of the season: status, renderer, findings and every deck."""
    with session.lock:
        renderer = session.renderer
        return {
            **session.headline(),
            "season": session.season_dir.resolve().name,
            "stale": any(d.stale for d in session.decks.values()),
            "failure": session.failure,
            "renderer": {"state": renderer.state if renderer else "off", "hint": renderer.hint if renderer else
                         "slide pictures are off (--no-render)"},
            "problems": [finding_payload(f, roots, session) for f in session.problems],
            "pending": session.pending_pictures(),
            "decks": [_deck_entry(d) for d in session.decks.values()],
        }


def _deck_entry(state: DeckState) -> dict:
    return {"id": state.output, "deck": state.deck, "audience": state.audience,
            "group": AUDIENCES.get(state.audience, state.audience), "audience_id": state.audience_id,
            "label": state.deck + (f" {state.audience_id}" if state.audience_id else ""),
            "language": state.language, "stale": state.stale,
            "findings": len(state.fit) + len(state.missing)}


def deck_payload(session: ReviewSession, state: DeckState, roots: dict[str, ServedRoot]) -> dict:
    """Return one deck for the page: its slides with pictures and pins, its languages, its findings."""
    with session.lock:
        languages = session.languages_of(state)
        pins = {d.output: _pins(session, d, roots) for d in languages}
        # every language's own findings (its overflows, its missing translations), the season's spec ones once
        findings = [{**pin, "language": d.language} for d in languages for number in
                    [*sorted(n for n in pins[d.output] if n), 0] for pin in pins[d.output].get(number, [])
                    if pin["kind"] != "spec" or d is state]
        return {**_deck_entry(state),
                "languages": {d.language: {"id": d.output, "slides": _slides(session, d, pins[d.output])}
                              for d in languages},
                "render_error": session.render_errors.get(state.output, ""),
                "findings": findings}


def _slides(session: ReviewSession, state: DeckState, pins: dict[int, list[dict]]) -> list[dict]:
    return [{"number": s.number, "title": s.title, "layout": s.layout, "texts": list(s.texts),
             "charts": list(s.charts), "stale": state.stale,
             "image": f"/slides/{s.key}.jpg" if session.pictures.has(s.key) else None,
             "findings": pins.get(s.number, [])} for s in session._slides(state)]


def _pins(session: ReviewSession, state: DeckState, roots: dict[str, ServedRoot]) -> dict[int, list[dict]]:
    """Return the deck's findings by slide number (0: the deck as a whole)."""
    slides = session._slides(state)
    pins: dict[int, list[dict]] = {}
    for fit in state.fit:
        number = int(fit["slide"])
        pins.setdefault(number, []).append({"kind": "fit", "severity": "warning", "message": fit["message"],
                                            "slide": number, **_links(session, state, number, len(slides), roots)})
    for text in state.missing:
        for number in _showing(slides, text) or [0]:
            pins.setdefault(number, []).append({"kind": "translation", "severity": "warning", "slide": number,
                                                "message": f"no {state.language} translation: {text!r}",
                                                **_links(session, state, number, len(slides), roots)})
    for finding in session.problems:
        for number in _spec_slides(session, state, finding, len(slides)):
            pins.setdefault(number, []).append({**finding_payload(finding, roots, session), "slide": number})
    return pins


def _links(session: ReviewSession, state: DeckState, number: int, slide_count: int,
           roots: dict[str, ServedRoot]) -> dict:
    """Return the editor and file links of the spec slide behind slide ``number`` (none when unknown)."""
    if not 0 < number <= len(state.origins) or len(state.origins) != slide_count:
        return {}
    path, line = _origin(state.origins[number - 1], session.season_dir)
    return {} if path is None else {"editor": _editor(path, line, 1), "view": _served_url(path, roots, line)}


def _editor(path: Path, line: int | None, column: int | None) -> str:
    return f"vscode://file{quote(str(path))}:{line or 1}:{column or 1}"


def _showing(slides: list[SlideView], text: str) -> list[int]:
    """Return the slides whose texts hold the longest literal part of English ``text``."""
    parts = sorted((p.strip() for p in _PLACEHOLDER.split(text)), key=len, reverse=True)
    if not parts or len(parts[0]) < 6:
        return []
    # a slide's text may tie words with no-break spaces (a title's last two): compare spaces as spaces
    return [s.number for s in slides if any(parts[0] in t.replace("\u00a0", " ") for t in s.texts)]


def _spec_slides(session: ReviewSession, state: DeckState, finding: Finding, slide_count: int) -> list[int]:
    """Return the slides built from the spec slide that holds ``finding``'s line (none when unknown)."""
    if not finding.location.line or len(state.origins) != slide_count:
        return []  # a table continued on more slides: the slides no longer line up with their origins
    target = Path(str(finding.location.file)).resolve()
    starts = [(index, line) for index, (file, line) in enumerate(_origin(o, session.season_dir) for o in state.origins)
              if file == target and line <= finding.location.line]
    if not starts:
        return []
    first = max(line for _, line in starts)
    return [index + 1 for index, line in starts if line == first]


def _origin(origin: str, season_dir: Path) -> tuple[Path | None, int]:
    """Return the spec file and line an origin (``file:line:col``) names; (None, 0) for one without a file."""
    parts = origin.rsplit(":", 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return None, 0
    return origin_file(parts[0], season_dir.resolve(), Path.cwd()), int(parts[1])


@functools.lru_cache(maxsize=512)
def origin_file(name: str, season: Path, cwd: Path) -> Path:
    """Return the file an origin's ``name`` stands for in the ``season`` folder served from ``cwd``.

    A build records the file as it was named then: relative to that build's working folder, or
    absolute in a project since moved or copied (a kept deck keeps its record). Resolved here it
    may miss the season served, and no error would ever be pinned: a name outside the season is
    taken as the season's file at the longest tail of the name that exists there.
    """
    path = Path(name)
    resolved = (cwd / path).resolve()
    if resolved.is_relative_to(season) and resolved.is_file():
        return resolved
    parts = path.parts[1:] if path.is_absolute() else path.parts
    for start in range(len(parts)):
        candidate = season.joinpath(*parts[start:])
        if candidate.is_file():
            return candidate.resolve()
    return resolved


def finding_payload(finding: Finding, roots: dict[str, ServedRoot], session: ReviewSession) -> dict:
    """Return a validation finding with links: to the editor (``vscode://``) and to the file on the server."""
    loc = finding.location
    path = Path(str(loc.file)).resolve()
    return {"kind": "spec", "severity": finding.severity, "file": str(loc.file), "line": loc.line,
            "column": loc.column, "key": finding.key, "message": finding.message, "hint": finding.hint,
            "text": str(finding), "editor": _editor(path, loc.line, loc.column),
            "view": _served_url(path, roots, loc.line), "decks": _decks_of(session, path)}


def _served_url(path: Path, roots: dict[str, ServedRoot], line: int | None) -> str | None:
    for name, root in roots.items():
        folder = root.folder.resolve()
        inside = path.is_relative_to(folder) and (root.only is None or path.relative_to(folder).as_posix() in root.only)
        if inside:
            return f"/files/{name}/{quote(path.relative_to(folder).as_posix())}" + (f"#L{line}" if line else "")
    return None


def _decks_of(session: ReviewSession, path: Path) -> list[str]:
    """Return the decks built from the spec file at ``path`` (every deck for season.yaml and the data)."""
    specs = {d.output: (session.season_dir / d.spec).resolve() for d in session.decks.values()}
    mine = [output for output, spec in specs.items() if spec == path]
    return mine or list(specs)
