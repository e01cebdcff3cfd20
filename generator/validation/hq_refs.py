"""Check the HQ decks a season declares and the slides deck specs include from them.

An HQ deck's data tags are checked like spec text, against the names of its audience
(and, for included slides, of the including deck's audience); a problem is located by
deck file, slide and shape, with a did-you-mean.
"""

from __future__ import annotations

from generator.errors import Finding, KitgenError, Location
from generator.hq import HqDeck, find_hq_deck, hq_decks
from generator.spec import did_you_mean, display_path
from generator.validation.names import deck_scope, text_problems
from generator.validation.context import SeasonView
from generator.validation.paths import path_problem, project_root

def check_hq(view: SeasonView) -> None:
    """Record findings for HQ decks that cannot be read, clash by name, or hold unknown data tags."""
    season = view.draft.season()
    names = {deck.name for deck in view.spec.decks}
    texts: dict[str, list] = {}
    for index, deck in enumerate(hq_decks(season)):
        if deck.spec.name in names:
            view.add(view.season_doc.finding(("hq", index, "name"), f"'{deck.spec.name}' is already a deck's name"))
        names.add(deck.spec.name)
        if path_problem(deck.spec.path, view.root, project_root(view.root)):
            continue  # reported by check_paths
        try:
            texts[deck.spec.name] = _tagged(deck)
        except KitgenError as exc:
            view.add(view.season_doc.finding(("hq", index, "path"), exc.message, "export the deck again from PowerPoint"))
            continue
        _check_tags(view, deck, texts[deck.spec.name], deck.spec.audience)
    _check_includes(view, season, texts)

def _tagged(deck: HqDeck) -> list[tuple[int, str, str, int]]:
    """Return (slide, shape, text, slide count) of every unit and picture holding a data tag."""
    prs, text = deck.text()
    count = len(prs.slides)
    found = [(u.slide, f"shape {u.shape}", u.plain, count) for u in text.units if "{{" in u.plain or "{%" in u.plain]
    found += [(p.slide, f"picture {p.shape}", p.expression, count) for p in text.pictures]
    return found or [(0, "", "", count)]

def _check_tags(view: SeasonView, deck: HqDeck, tagged: list, audience: str, slides: set[int] | None = None,
                via: str = "") -> None:
    scope = deck_scope(view, audience)
    for slide, shape, text, _ in tagged:
        if not text or (slides is not None and slide not in slides):
            continue
        for message, hint in text_problems(text, scope, audience):
            where = Location(display_path(deck.file))
            view.add(Finding(where, f"slide {slide}, {shape}", message + via, hint))

def _check_includes(view: SeasonView, season, texts: dict[str, list]) -> None:
    known = [d.name for d in view.spec.hq] + [d.path for d in view.spec.hq]
    for name, deck_spec, doc, audience in view.decks():
        for index, slide in enumerate(deck_spec.slides):
            if slide.include is None:
                continue
            at = ("slides", index, "include")
            deck = find_hq_deck(season, slide.include.deck)
            if deck is None:
                hint = did_you_mean(slide.include.deck, known) or "declare it under 'hq:' in season.yaml"
                view.add(doc.finding(at + ("deck",), f"no HQ deck '{slide.include.deck}' in season.yaml", hint))
                continue
            tagged = texts.get(deck.spec.name)
            if tagged is None:
                continue
            count = tagged[0][3]
            beyond = [n for n in slide.include.numbers if not 1 <= n <= count]
            if beyond:
                view.add(doc.finding(at + ("slides",), f"slide {beyond[0]} is not in {deck.spec.path} "
                                     f"(it has {count} slides)"))
            if audience != deck.spec.audience:
                _check_tags(view, deck, tagged, audience, set(slide.include.numbers),
                            f" (in the slides deck '{name}' includes for audience '{audience}')")
