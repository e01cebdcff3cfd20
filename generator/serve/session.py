"""A review session: the season's latest build, its findings and slide pictures, kept up to date.

On every change the session validates the season; a season that does not validate keeps
its last good decks, marked stale, beside the located errors. One that does is built
incrementally (only decks whose inputs changed), the deck on screen first, so its
picture comes back before the rest of the season is done. Pictures are rendered for
the decks the page has shown, slide by slide: a slide whose key is unchanged keeps its
picture. Checks, builds and renders run on a thread each (a check does not wait for a
build); the page learns of every change through :meth:`ReviewSession.subscribe`.
"""

from __future__ import annotations

import gc
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.errors import Finding, KitgenError, RenderError, SpecError
from generator.build import BuildOptions, BuildResult, build_season
from generator.serve.pictures import PictureCache
from generator.serve.render import SlideRenderer
from generator.serve.slides import SlideView, deck_slides, slides_only
from generator.validation import CheckedSeason, checked_report

log = logging.getLogger(__name__)
Listener = Callable[[dict], None]
RENDER_BATCH = 2  # slides per LibreOffice call when a whole deck is rendered: a saved slide waits for one batch


@dataclass
class DeckState:
    """One deck of the season as last built: what it is, its slides (read when first needed) and findings."""

    output: str  # the deck's path in the build folder, e.g. ``fr/CA-market-meeting.pptx``: its id
    deck: str
    audience: str
    audience_id: str | None
    language: str
    spec: str  # the deck spec file, as season.yaml names it
    origins: tuple[str, ...] = ()
    fit: list[dict] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    slides: list[SlideView] | None = None
    stale: bool = False

    @property
    def family(self) -> tuple[str, str | None]:
        """Return what the deck's languages share: the deck name and the audience."""
        return self.deck, self.audience_id


class ReviewSession:
    """The live state behind the review page (thread-safe; ``start`` runs it, ``stop`` ends it)."""

    def __init__(self, season_dir: Path, out_dir: Path, renderer: SlideRenderer | None = None):
        self.season_dir, self.out_dir = season_dir, out_dir
        self.renderer = renderer
        self.pictures = PictureCache(out_dir / ".kitgen-cache" / "slides")
        self.decks: dict[str, DeckState] = {}
        self.problems: list[Finding] = []  # the last validation's findings (errors fail, warnings do not)
        self.failure = ""  # a build error without a location
        self.status = "starting"  # starting, checking, building, ready, failed
        self.generation = 0
        self.focus: str | None = None
        self.focus_slide = 1  # the slide on screen: its picture comes before the rest of the deck's
        self.viewed: set[str] = set()  # decks the page has shown: their changed slides are rendered at once
        self.render_errors: dict[str, str] = {}
        self.last_cycle: dict[str, float] = {}  # seconds of each phase of the last change, for the benchmark
        self.lock = threading.RLock()
        self._dirty, self._wanted, self._stopping = threading.Event(), threading.Event(), threading.Event()
        self._build_due = threading.Event()  # set by a check that passed
        self._checked: CheckedSeason | None = None  # what that check loaded: its build does not check again
        self._focus_due = threading.Event()  # set from a change until the deck on screen is built again
        self._listeners: list[Listener] = []
        self._threads: list[threading.Thread] = []
        self._recycling: threading.Thread | None = None  # a fresh LibreOffice starting (SlideRenderer.recycle)

    # ------------------------------------------------------------ running
    def start(self) -> None:
        """Start the check, build and render threads; the first check and build start at once."""
        self._dirty.set()
        loops = ((self._check_loop, "kitgen-check"), (self._build_loop, "kitgen-build"),
                 (self._render_loop, "kitgen-render"))
        for target, name in loops:
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        """Stop both threads (after the build or render under way) and LibreOffice."""
        self._stopping.set()
        for event in (self._dirty, self._build_due, self._wanted):
            event.set()
        if self.renderer is not None:
            self.renderer.stop()  # a render under way fails at once instead of finishing
        for thread in [*self._threads, *([self._recycling] if self._recycling else [])]:
            thread.join(timeout=60)

    def changed(self, paths: set[Path] | None = None) -> None:
        """Note that season files changed: a new check and build follows (one for any number of changes)."""
        log.info("changed: %s", ", ".join(sorted(map(str, paths or ()))) or "(start)")
        self.last_cycle = {"changed": time.perf_counter()}
        self._focus_due.set()  # pictures of other slides wait: the build of the one on screen comes first
        self._dirty.set()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with a short headline after every change of state; return the unsubscriber."""
        with self.lock:
            self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def show(self, output: str, slide: int = 1) -> DeckState | None:
        """Return the deck ``output`` with its slides, now the one on screen at ``slide`` (its pictures come first)."""
        with self.lock:
            state = self.decks.get(output)
            if state is None:
                return None
            self.focus, self.focus_slide = output, slide
            self.viewed.update(d.output for d in self.languages_of(state))
            self._slides(state)
        self._wanted.set()
        return state

    def languages_of(self, state: DeckState) -> list[DeckState]:
        """Return the deck ``state`` in each of its languages (itself included), in season order."""
        with self.lock:
            return [d for d in self.decks.values() if d.family == state.family]

    def close_streams(self) -> None:
        """Tell every listener the server is closing (their event streams end)."""
        with self.lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener({"closing": True})

    def headline(self) -> dict:
        """Return the generation and status, what an event tells the page."""
        return {"generation": self.generation, "status": self.status}

    def _notify(self, only_from: str | None = None, **changes) -> None:
        """Apply ``changes`` (only while the status is ``only_from``, when given) and tell every listener."""
        with self.lock:
            if only_from is not None and self.status != only_from:
                return
            for name, value in changes.items():
                setattr(self, name, value)
            self.generation += 1
            headline, listeners = self.headline(), list(self._listeners)
        for listener in listeners:
            listener(headline)

    # ------------------------------------------------------------ building
    def _check_loop(self) -> None:
        """Validate on every change, at once, even while a build runs: errors need not wait for it."""
        while True:
            self._dirty.wait()
            if self._stopping.is_set():
                return
            self._dirty.clear()
            self._guarded(self._check)

    def _check(self) -> None:
        self._notify(status="checking")
        report, checked = checked_report(self.season_dir)  # on its own thread: a build under way does not hold it up
        self._mark("validated")
        if checked is None:
            self._fail(list(report.findings))
            return
        with self.lock:
            self._checked = checked
        self._notify(status="building", problems=list(report.findings), failure="")
        self._build_due.set()

    def _build_loop(self) -> None:
        warm = False
        while True:
            self._build_due.wait()
            if self._stopping.is_set():
                return
            self._build_due.clear()
            self._guarded(self._build_all)
            if not (self._build_due.is_set() or self._dirty.is_set()):
                warm = warm or _warm_up()
                gc.collect()  # a cycle's decks and checks leave reference cycles: memory stays flat between edits

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:  # noqa: BLE001 -- a bug must not stop the server: show it and go on
            log.exception("kitgen serve: %s failed", step.__name__)
            self._fail([], f"internal error ({type(exc).__name__}: {exc}); see the server's log")

    def _build_all(self) -> None:
        """Build the deck on screen, then the season; only decks whose inputs changed are built."""
        with self.lock:
            focus, checked = self.decks.get(self.focus or ""), self._checked
        built = focus is None or self._build(self._options(focus), checked)
        self._focus_due.clear()
        self._wanted.set()
        if not built:
            return
        self._mark("focus built")
        if self._build(self._options(), checked) and not self._build_due.is_set():
            self._mark("built")
            self._notify(only_from="building", status="ready")  # not over a check under way or failed
            log.info("cycle: %s", ", ".join(f"{k} {v:.2f} s" for k, v in self.last_cycle.items() if k != "changed"))
            self.pictures.prune(self._keys_in_use())

    def _options(self, only: DeckState | None = None) -> BuildOptions:
        # Builds run in this process, never in forked workers: a process forked while the check or render
        # thread is inside lxml inherits lxml's lock held, and its worker hangs in its first parse.
        if only is None:
            return BuildOptions(self.out_dir)
        return BuildOptions(self.out_dir, languages=(only.language,), only=(only.deck,),
                            retailers=(only.audience_id,) if only.audience == "retailer" else (),
                            regions=(only.audience_id,) if only.audience == "region" else ())

    def _build(self, options: BuildOptions, checked: CheckedSeason | None) -> bool:
        try:
            result = build_season(self.season_dir, options, checked=checked)
        except SpecError as exc:
            self._fail(exc.findings)
            return False
        except KitgenError as exc:
            self._fail([], exc.message)
            return False
        self._take(result, partial=bool(options.only))
        return True

    def _take(self, result: BuildResult, *, partial: bool) -> None:
        """Record the decks of ``result``: rebuilt ones get new slides, kept ones keep theirs."""
        with self.lock:
            decks = dict(self.decks) if partial else {}
            specs = _deck_specs(self.out_dir)
            for built in result.decks:
                job, known = built.job, self.decks.get(built.job.output)
                state = DeckState(job.output, job.deck, job.audience, job.audience_id, job.language,
                                  specs.get(job.deck, ""), built.origins,
                                  [f.as_dict() for f in built.fit_findings], sorted(built.missing_translations),
                                  stale=self.status == "failed")  # a save broke the season during the build
                if built.reused and known is not None:
                    state.slides = known.slides
                else:
                    self.render_errors.pop(job.output, None)  # a new deck gets a new try
                    if built.data and job.output in self.viewed:
                        state.slides = deck_slides(built.data)  # compared with the pictures at once
                decks[job.output] = state
            self.decks = decks
        self._notify()
        self._wanted.set()

    def _fail(self, findings: list[Finding], failure: str = "") -> None:
        self._focus_due.clear()
        self._wanted.set()
        with self.lock:
            for state in self.decks.values():
                state.stale = True
            if findings or not failure:
                self.problems = findings
        self._mark("failed")
        self._notify(status="failed", failure=failure)

    def _mark(self, phase: str) -> None:
        if "changed" in self.last_cycle:
            self.last_cycle[phase] = time.perf_counter() - self.last_cycle["changed"]

    # ------------------------------------------------------------ rendering
    def _render_loop(self) -> None:
        if self.renderer is not None:
            self.renderer.start()
            self._notify()
        while not self._stopping.is_set():
            self._wanted.wait()
            self._wanted.clear()
            while not self._stopping.is_set() and (work := self._next_to_render()):
                self._render(*work)
            self._recycle_when_worn()

    def _recycle_when_worn(self) -> None:
        """Replace a LibreOffice worn by its conversions, now that nothing waits, on a thread of its own."""
        if self.renderer is None or not self.renderer.worn or self._stopping.is_set():
            return
        if self._recycling is None or not self._recycling.is_alive():  # the worn one renders on meanwhile
            self._recycling = threading.Thread(target=self.renderer.recycle, name="kitgen-recycle", daemon=True)
            self._recycling.start()

    def _next_to_render(self) -> tuple[str, set[int]] | None:
        """Return the deck to render next and which of its slides.

        First the slide on screen in each language, then the rest of those decks, then every deck
        shown, a few slides at a time: a slide saved meanwhile waits for one batch, not a whole deck.
        """
        if self.renderer is None or not self.renderer.ready:
            return None
        with self.lock:
            focus = self.decks.get(self.focus or "")
            near = [d.output for d in self.languages_of(focus)] if focus else []
            order = [(o, self.focus_slide) for o in near]
            if not self._focus_due.is_set():  # the rest leaves the CPU to the build of the slide on screen
                order += [(o, None) for o in dict.fromkeys(near + sorted(self.viewed))]
            for output, slide in order:
                state = self.decks.get(output)
                if state is not None and output not in self.render_errors:
                    wanted = self._unrendered(state, slide)[:RENDER_BATCH]
                    if wanted:
                        return output, {s.number for s in wanted}
        return None

    def pending_pictures(self) -> int:
        """Return how many slides of the decks shown still wait for their picture (0 without LibreOffice)."""
        if self.renderer is None or not self.renderer.ready:
            return 0
        with self.lock:
            return sum(len(self._unrendered(d)) for o, d in self.decks.items()
                       if o in self.viewed and o not in self.render_errors)

    def _unrendered(self, state: DeckState, slide: int | None = None) -> list[SlideView]:
        return [s for s in self._slides(state) if not self.pictures.has(s.key) and slide in (None, s.number)]

    def _render(self, output: str, numbers: set[int]) -> None:
        started = time.perf_counter()
        try:
            data = (self.out_dir / output).read_bytes()
            slides = deck_slides(data)  # the bytes read, whatever a build does meanwhile
            wanted = [s for s in slides if not self.pictures.has(s.key) and s.number in numbers]
            if not wanted:
                return
            pictures = self.renderer.render(slides_only(data, {s.number for s in wanted}), len(wanted))
        except (OSError, RenderError) as exc:
            if self._stopping.is_set():
                return  # LibreOffice was stopped under the render
            message = exc.message if isinstance(exc, RenderError) else str(exc)
            log.warning("cannot render %s: %s", output, message)
            with self.lock:
                self.render_errors[output] = message
            self._notify()
            return
        for view, picture in zip(wanted, pictures):
            self.pictures.put(view.key, picture)
        with self.lock:
            state = self.decks.get(output)
            if state is not None and state.slides is not None and [s.key for s in state.slides] != \
                    [s.key for s in slides]:
                state.slides = None  # built again meanwhile: read again when next shown
            if output == self.focus and self.focus_slide in numbers and "focus rendered" not in self.last_cycle:
                self._mark("focus rendered")
        log.info("rendered %d slide(s) of %s in %.2f s", len(wanted), output, time.perf_counter() - started)
        self._notify()

    # ------------------------------------------------------------ helpers
    def _slides(self, state: DeckState) -> list[SlideView]:
        """Return the slides of ``state``, read from its file the first time they are needed."""
        if state.slides is None:
            try:
                state.slides = deck_slides((self.out_dir / state.output).read_bytes())
            except OSError:
                state.slides = []
        return state.slides

    def _keys_in_use(self) -> set[str]:
        with self.lock:
            return {s.key for d in self.decks.values() for s in (d.slides or ())}


def _warm_up() -> bool:
    """Import what building a deck needs, while nothing else happens: a first start keeps every deck
    and imports none of it, and the first save would pay for it (seconds on a busy machine)."""
    started = time.perf_counter()
    import generator.check  # noqa: F401
    import generator.fill  # noqa: F401
    import generator.fit  # noqa: F401

    log.info("warmed up in %.2f s", time.perf_counter() - started)
    return True


def _deck_specs(out_dir: Path) -> dict[str, str]:
    """Return the spec file of each deck of the deck set, from the manifest the build just wrote."""
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
        return {d["deck"]: d["spec"] for d in manifest["decks"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
