"""Build one deck in memory: context -> resolve -> charts -> fill -> bytes.

A :class:`DeckBuilder` holds what every deck of a season shares (the season,
its data, the master, the brand, the catalogs, a chart cache) and is created
once per process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import threading
import time
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import charts
from generator.charts import ChartCache, ChartRequest, RenderedChart
from generator.data import DataStore, Kpis, MonthKpis, compute_kpis, compute_month_kpis
from generator.errors import OutputError
from generator.geometry import Box
from generator.i18n import (
    SEASON_CODE_CONTEXT, Catalogs, LocaleContext, TextRenderer, manager_title_context, translated_columns,
)
from generator.resolve import ChartContent, DeckContext, DeckMeta, SlideContent, repeat_records, resolve_deck
from generator.spec import Brand, Season, load_brand, load_profile
from generator.writer import deck_bytes

if TYPE_CHECKING:  # deck filling and text fitting (fontTools) are imported when a deck is built: a kept one never is
    from generator.hq import HqLocalizer
    from generator.fill import Look
    from generator.fit import FitFinding
    from generator.template import Master

log = logging.getLogger(__name__)
MEMORY_CHARTS = 256  # rendered charts a process keeps in memory (the disk cache keeps them all)


@dataclass(frozen=True)
class DeckJob:
    """One deck to build: which spec, for whom, in which language, to which file."""

    deck: str
    audience: str
    audience_id: str | None
    language: str
    locale: str
    currency: str
    output: str
    as_of: str = ""  # the as-of day: monthly figures and month names in any deck follow it

    @property
    def label(self) -> str:
        """Return a short name for messages, e.g. ``market-meeting CA fr``."""
        return " ".join(p for p in (self.deck, self.audience_id or "", self.language) if p)


@dataclass
class BuiltDeck:
    """A deck serialized in memory, with what the summary reports about it."""

    job: DeckJob
    data: bytes
    slides: int
    charts: int
    layouts: tuple[str, ...]
    seconds: float
    missing_translations: set[str] = field(default_factory=set)
    phases: dict[str, float] = field(default_factory=dict)  # seconds per stage: data, charts, fill, save, check
    reused: bool = False  # True when an unchanged earlier output was kept (``data`` empty until read_kept_decks)
    fit_findings: list[FitFinding] = field(default_factory=list)  # text that overflows even at the floor
    chart_keys: tuple[str, ...] | None = ()  # chart cache keys of its pictures (None: not known, an old state)
    sha256: str = ""  # a kept deck's recorded hash: its bytes need not be read to know it
    origins: tuple[str, ...] = ()  # "file:line" of the spec slide behind each resolved slide (review pins)
    holes: tuple[str, ...] = ()  # "slide N (file:line): text" of each text that showed "n/a" for a missing figure

    def content_hash(self) -> str:
        """Return the sha256 hex digest of the deck's bytes (the recorded one for a kept deck)."""
        return self.sha256 if self.reused and self.sha256 else hashlib.sha256(self.data).hexdigest()

    def read_back(self, out_dir: Path) -> bytes:
        """Return the deck's bytes: those built, or for a kept deck the file it left in ``out_dir``."""
        if self.data or not self.reused:
            return self.data
        path = out_dir / self.job.output
        try:
            return path.read_bytes()
        except OSError as exc:
            raise OutputError(f"cannot read the kept deck {path}: {exc.strerror}; "
                              "build again (with --force if it keeps failing)") from exc


class DeckBuilder:
    """Builds decks of one season; shares data, master, brand and chart cache between them."""

    def __init__(self, season: Season, template: Path | None = None, profile: Path | None = None,
                 chart_cache: ChartCache | None = None, store: DataStore | None = None,
                 master: Master | None = None):
        """Use ``store`` and ``master`` when given (loaded by validation already), else load them when needed."""
        self.season = season
        spec = season.spec
        self.store = store or DataStore(spec, season.root)
        self.brand, self.brand_dir = load_brand(season.path(spec.brand))
        self.profile_path = profile or season.path(spec.template.profile or _profile_beside(spec.template.path))
        self.template_path = template or season.path(spec.template.path)
        self.catalogs = Catalogs(season.path(spec.locale_dir), translated_columns(spec.sources))
        self._chart_cache: dict[str, RenderedChart] = {}
        self.disk_cache = chart_cache
        self._kpis: dict[tuple[tuple[str, str], ...], Kpis] = {}
        self._month_kpis: dict[tuple[tuple[str, str], ...], MonthKpis] = {}
        self.chart_count = 0
        self.chart_seconds = 0.0
        self._deck_chart_keys: list[str] = []  # the chart cache keys of the deck being built
        self._included: dict[str, Any] = {}  # HQ decks localized for the deck being built, by name
        self._included_roles: list[str] = []  # the role each slide it included was placed on
        self._master = master
        self._font_lookup: threading.Thread | None = None

    @property
    def master(self) -> Master:
        """Return the master, loaded on first use (planning and up-to-date checks never need it)."""
        if self._master is None:
            from generator.template import load_master

            self._master = load_master(self.template_path, load_profile(self.profile_path))
        return self._master

    @cached_property
    def look(self) -> Look:
        """Return the colours and fonts kitgen's own shapes use."""
        return _look(self.brand, self.master)

    def warm_up(self, drawing: bool = False) -> None:
        """Load what every deck needs but no deck should load alone: the master, its fonts, the fill code.

        Called before worker processes fork, so they share one copy instead of each loading it: every
        worker would otherwise import the same modules again (0.29 s of CPU each for the drawing and
        fill code, against 0.27 s once in the parent; on 2 cores a wash in wall time, on 8 a clear
        gain). matplotlib is imported only when ``drawing`` (charts will be drawn: the chart cache is
        empty): a rebuild whose charts are all cached never pays for it.
        """
        self.look  # noqa: B018 -- loads the master
        import generator.check  # noqa: F401 -- every deck built is checked
        import generator.fill  # noqa: F401
        import generator.fit  # noqa: F401

        if drawing:
            from generator.charts import render_chart  # noqa: F401 -- matplotlib
        self.wait_for_fonts()

    def will_draw(self) -> bool:
        """Return True when charts will surely be drawn: the chart cache is missing or empty (a cold build)."""
        folder = self.disk_cache.folder if self.disk_cache is not None else None
        return folder is None or not folder.is_dir() or next(folder.iterdir(), None) is None

    def start_font_lookup(self) -> None:
        """Start finding the files of the master's fonts in a background thread.

        fontconfig answers each font (regular and bold) in a subprocess, ~6 ms apiece, which the
        first deck of every worker would otherwise wait for. :meth:`warm_up` (before forking) and
        :meth:`build` wait for it to end. Only started once the master is loaded (validation loads
        the season's own) and a deck is to be built: a build that keeps every deck never needs it.
        """
        if self._font_lookup is None and self._master is not None:
            names = sorted({self.look.heading_font, self.look.body_font})
            self._font_lookup = threading.Thread(target=_look_up_fonts, args=(names,), name="font lookup")
            self._font_lookup.start()

    def wait_for_fonts(self) -> None:
        """Wait until the font lookup started by :meth:`start_font_lookup` (if any) has ended."""
        if self._font_lookup is not None:
            self._font_lookup.join()

    # ------------------------------------------------------------ context
    def kpis(self, **scope: str) -> Kpis:
        """Return the KPIs of a scope, computed once per process."""
        key = tuple(sorted(scope.items()))
        if key not in self._kpis:
            self._kpis[key] = compute_kpis(self.store, dict(scope))
        return self._kpis[key]

    def month_kpis(self, **scope: str) -> MonthKpis:
        """Return the as-of month's KPIs of a scope, computed once per process."""
        key = tuple(sorted(scope.items()))
        if key not in self._month_kpis:
            self._month_kpis[key] = compute_month_kpis(self.store, dict(scope))
        return self._month_kpis[key]

    def context(self, job: DeckJob, renderer: TextRenderer) -> dict[str, Any]:
        """Return the values deck text can interpolate (season, maison, region, retailer, kpi...)."""
        spec = self.season.spec
        values: dict[str, Any] = {"lang": job.language, "locale": job.locale,
                                  "maison": spec.maison.model_dump(), "_render_default": spec.render}
        values["season"] = self.season_values(renderer)
        values.update(month_values(self.store))
        region_id = job.audience_id if job.audience == "region" else None
        if job.audience == "retailer":
            retailer = self.retailer(job.audience_id or "")
            values["retailer"] = renderer.data_record(spec.retailers, retailer)
            values["kpi"] = self.kpis(retailer_id=str(retailer["retailer_id"]))
            values["month_kpi"] = _Lazy(lambda: self.month_kpis(retailer_id=str(retailer["retailer_id"])))
            region_id = str(retailer["region_id"])
        if region_id:
            region = next(r for r in spec.regions if r.id == region_id)
            values["region"] = {**region.model_dump(), "name": renderer.term(region.name),  # a Term: | in_place
                                "manager_title": renderer.term(region.manager_title, manager_title_context(region.id))}
            values["region_kpi"] = self.kpis(region_id=region_id)
            values.setdefault("kpi", values["region_kpi"])
            values["region_month_kpi"] = _Lazy(lambda: self.month_kpis(region_id=region_id))
            values.setdefault("month_kpi", values["region_month_kpi"])
        return values

    def season_values(self, renderer: TextRenderer) -> dict[str, Any]:
        """Return what text sees of the season: ``code`` as written (file names), ``name`` and ``label`` translated.

        ``label`` is the code readers see: AH26 (automne-hiver) in French, OI26 in Spanish for FW26.
        """
        season = self.season.spec.season
        return {**season.model_dump(), "name": renderer.text(season.name, {}),
                "label": renderer.term(season.code, SEASON_CODE_CONTEXT)}

    def retailer(self, retailer_id: str) -> dict[str, Any]:
        """Return the retailer record with id ``retailer_id``."""
        frame = self.store.frame(self.season.spec.retailers)
        return frame.iloc[self._retailer_rows[retailer_id]].to_dict()

    @cached_property
    def _retailer_rows(self) -> dict[str, int]:
        """Return the row position of each retailer id (first row wins), so a lookup does not scan the frame."""
        ids = self.store.frame(self.season.spec.retailers)["retailer_id"].astype(str)
        return {rid: position for position, rid in reversed(list(enumerate(ids)))}

    def assets(self, renderer: TextRenderer) -> list[dict[str, Any]]:
        """Return the brand's campaign assets as records, titles translated."""
        labels = self.season.spec.labels
        return [{**a.model_dump(), "path": str(self.brand_dir / a.file), "title": renderer.text(a.title, {}),
                 "kind_label": renderer.text(labels.get(a.kind, a.kind), {})} for a in self.brand.assets]

    # ------------------------------------------------------------ building
    def build(self, job: DeckJob) -> BuiltDeck:
        """Return the deck for ``job``, serialized in memory."""
        if job.deck not in self.season.decks:
            return self.build_hq(job)
        from generator.fill import deck_fitter, fill_deck

        started = time.perf_counter()
        self.wait_for_fonts()
        loc = LocaleContext(job.language, job.locale, job.currency)
        renderer = TextRenderer(loc, self.catalogs, self.season.spec.labels)
        missing_before = set(self.catalogs.missing.get(job.language, set()))
        slides = self.resolve(job, renderer)
        resolved = time.perf_counter()
        charts_before, chart_seconds_before = self.chart_count, self.chart_seconds
        self._deck_chart_keys = []
        self._included, self._included_roles = {}, []
        fitter = deck_fitter(self.master, loc.tag)
        prs = fill_deck(self.master, slides, self.look, loc.tag, lambda c, b: self.draw_chart(c, b, loc),
                        lambda slide, c, b: self.draw_native(slide, c, b, loc), fitter=fitter,
                        continued=renderer.word("(continued)"),
                        carry=lambda prs, content, fit: self.carry(prs, content, fit, job, renderer))
        filled = time.perf_counter()
        data = deck_bytes(prs, self._meta(job, renderer))
        missing = self.catalogs.missing.get(job.language, set()) - missing_before
        chart_seconds = self.chart_seconds - chart_seconds_before
        phases = {"data": resolved - started, "charts": chart_seconds,
                  "fill": filled - resolved - chart_seconds - fitter.seconds, "fit": fitter.seconds,
                  "save": time.perf_counter() - filled}
        findings = [replace(f, deck=job.output) for f in fitter.findings]
        return BuiltDeck(job, data, len(prs.slides), self.chart_count - charts_before,
                         self._roles(slides), time.perf_counter() - started, missing, phases,
                         fit_findings=findings, chart_keys=tuple(self._deck_chart_keys),
                         origins=tuple(s.origin for s in slides),
                         holes=tuple(f"{where}: '{text}'" for where, text in renderer.holes))

    def _roles(self, slides: list[SlideContent]) -> tuple[str, ...]:
        """Return the role of every slide built, an included slide's the one its layout was matched to."""
        included = iter(self._included_roles)
        return tuple(next(included, "include") if s.include is not None else s.role for s in slides)

    @cached_property
    def hq(self) -> HqLocalizer:
        """Return the localizer of the season's HQ decks."""
        from generator.hq import HqLocalizer

        return HqLocalizer(self.season.root, self.catalogs, self.master.min_scale)

    def build_hq(self, job: DeckJob) -> BuiltDeck:
        """Return the localized copy of an HQ deck for ``job``, serialized in memory."""
        from generator.hq import find_hq_deck

        started = time.perf_counter()
        renderer = TextRenderer(LocaleContext(job.language, job.locale, job.currency), self.catalogs)
        missing_before = set(self.catalogs.missing.get(job.language, set()))
        deck = find_hq_deck(self.season, job.deck)
        copy = self.hq.copy(deck, renderer, self.context(job, renderer))
        localized = time.perf_counter()
        # HQ's file title is in HQ's language: the copy's own first title, translated, names it in the deck's
        title = _first_title(copy.prs) or copy.prs.core_properties.title or deck.spec.name
        data = deck_bytes(copy.prs, self._meta(job, renderer, title))
        missing = self.catalogs.missing.get(job.language, set()) - missing_before
        layouts = tuple(slide.slide_layout.name for slide in copy.prs.slides)
        return BuiltDeck(job, data, len(copy.prs.slides), 0, layouts, time.perf_counter() - started, missing,
                         {"localize": localized - started, "save": time.perf_counter() - localized},
                         fit_findings=[replace(f, deck=job.output) for f in copy.findings])

    def carry(self, prs, content: SlideContent, fitter, job: DeckJob, renderer: TextRenderer) -> None:
        """Add the HQ slides ``content`` includes to ``prs``, localized for ``job`` and fitted to the season master."""
        from generator.hq import find_hq_deck, include_slides

        deck = find_hq_deck(self.season, content.include.deck)
        if deck is None:
            raise OutputError(f"{content.origin}: no HQ deck '{content.include.deck}' in season.yaml's 'hq'")
        key = deck.spec.name
        if key not in self._included:  # localized once per deck built, however many of its slides are taken
            self._included[key] = self.hq.copy(deck, renderer, self.context(job, renderer), fit=False)
        self._included_roles += include_slides(self._included[key].prs, content.include.slides, prs, self.master, fitter)

    def resolve(self, job: DeckJob, renderer: TextRenderer) -> list[SlideContent]:
        """Return the resolved slides of ``job``."""
        spec_file = self.season.path(self.season.deck_spec_file(job.deck))
        ctx = DeckContext(self.store, renderer, self.context(job, renderer), self.season.spec.labels,
                          self.season.document(spec_file), self.season.root,
                          repeat_records(self.store, self.assets(renderer)),
                          lambda rid: self.kpis(retailer_id=rid),
                          month_kpis_for=lambda rid: _Lazy(lambda: self.month_kpis(retailer_id=rid)))
        return resolve_deck(self.season.decks[job.deck], ctx)

    def chart_request(self, chart: ChartContent, box: Box, loc: LocaleContext) -> ChartRequest:
        """Return the request that draws ``chart`` as a picture of ``box``'s size in the brand's style."""
        return ChartRequest(kind=chart.kind, categories=chart.categories, series=chart.series,
                            width_emu=box.width, height_emu=box.height, locale=loc.locale,
                            currency=loc.currency, value_format=_chart_format(chart.value_format),
                            palette=tuple(self.brand.palette.chart), style=str(self.brand_dir / self.brand.mplstyle),
                            tasks=chart.tasks, target=chart.target, title=chart.title, labels=dict(chart.labels),
                            colors=charts.chart_colors(chart.kind, chart.categories, chart.series,
                                                       self.brand.palette.chart, self.brand.category_colours(),
                                                       self.brand.scenario_colours(), chart.category_keys))

    def draw_chart(self, chart: ChartContent, box: Box, loc: LocaleContext) -> RenderedChart:
        """Return the chart picture for ``box`` (cached by content)."""
        from generator.fill import clean_chart

        chart = clean_chart(chart)  # data-borne words reach matplotlib here, not through slide text
        request = self.chart_request(chart, box, loc)
        self.chart_count += 1
        started = time.perf_counter()
        key = charts.chart_cache_key(request)  # matplotlib is imported with the first chart
        self._deck_chart_keys.append(key)
        if key not in self._chart_cache:
            if len(self._chart_cache) >= MEMORY_CHARTS:  # keep memory flat however big the season
                del self._chart_cache[next(iter(self._chart_cache))]
            self._chart_cache[key] = self._cached_or_rendered(key, request)
        self.chart_seconds += time.perf_counter() - started
        return self._chart_cache[key]

    def _cached_or_rendered(self, key: str, request: ChartRequest) -> RenderedChart:
        cached = self.disk_cache.get(key, request.width_emu, request.height_emu) if self.disk_cache else None
        if cached is not None:
            return cached
        rendered = charts.render_chart(request)
        if self.disk_cache:
            self.disk_cache.put(key, rendered)
        return rendered

    def draw_native(self, slide, chart: ChartContent, box: Box, loc: LocaleContext):
        """Return a native, editable chart added to ``slide`` in ``box``, or None for kinds drawn as pictures."""
        # imported here: python-pptx's chart data pulls in xlsxwriter, which a build drawing no native chart never needs
        from generator.fill import NativeLook, add_native_chart, clean_chart

        started = time.perf_counter()
        chart = clean_chart(chart)
        palette = self.brand.palette
        look = NativeLook(tuple(palette.chart), palette.stone, self.look.body_font, loc.locale, loc.currency,
                          fixed=tuple(self.brand.category_colours().items()),
                          scenarios=tuple(self.brand.scenario_colours().items()))
        frame = add_native_chart(slide, chart, box, look)
        if frame is not None:
            self.chart_count += 1
            self.chart_seconds += time.perf_counter() - started
        return frame

    def _meta(self, job: DeckJob, renderer: TextRenderer, title: str | None = None) -> DeckMeta:
        spec = self.season.spec
        if title is None:
            title = renderer.text(self.season.decks[job.deck].title, self.context(job, renderer))
        modified = dt.datetime.combine(spec.season.start, dt.time())
        season = self.season_values(renderer)  # the file's properties read in the deck's language
        return DeckMeta(title=title, author=spec.maison.name, language=renderer.loc.tag,
                        subject=f"{season['name']} ({season['label']})", keywords=job.audience_id or "",
                        modified=modified)


def _first_title(prs) -> str:
    """Return the text of the first slide's title placeholder ('' when it has none)."""
    for slide in prs.slides:
        title = slide.shapes.title
        text = title.text_frame.text if title is not None and title.has_text_frame else ""
        return " ".join(line.strip() for line in re.split(r"[\n\v]", text) if line.strip())  # its lines, one line
    return ""


def month_values(store: DataStore) -> dict[str, Any]:
    """Return what text sees of the as-of month: ``as_of`` (the day) and ``month`` (start, end, key...)."""
    return {"as_of": store.as_of.day, "month": store.as_of.as_values()}


class _Lazy:
    """Month KPIs computed on first use: most decks never read them."""

    def __init__(self, compute):
        self._compute = compute
        self._value = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._value is None:
            self._value = self._compute()
        return getattr(self._value, name)


def _look_up_fonts(names: list[str]) -> None:
    from generator.fit import font_file

    try:
        for name in names:
            for bold in (False, True):
                font_file(name, bold)  # remembered by font_file for every later measurement
    except Exception as exc:  # noqa: BLE001 -- the build looks the font up again and reports the problem itself
        log.debug("font lookup ahead of the build failed: %s", exc)


def _chart_format(value_format: str) -> str:
    return value_format if value_format in ("number", "currency", "percent", "multiple") else "number"


def _profile_beside(template: str) -> str:
    path = Path(template)
    return str(path.with_name(path.stem + ".profile.yaml"))


def _look(brand: Brand, master: Master) -> Look:
    from generator.fill import Look

    p = brand.palette
    heading, body = master.fonts
    return Look(ink=p.ink, gold=p.gold, ivory=p.ivory, stone=p.stone, slate=p.slate, positive=p.positive,
                negative=p.negative, heading_font=heading or brand.fonts.heading.name,
                body_font=body or brand.fonts.body.name)
