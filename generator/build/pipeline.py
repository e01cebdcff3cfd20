"""The season build: load and validate specs, plan the deck set, build every deck,
check it, and hand the files to the writer.

Everything the ``kitgen build`` command does is available here as a library call.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from generator import __version__
from generator.build.builder import BuiltDeck, DeckBuilder, DeckJob, month_values
from generator.data import AsOf, DataStore, check_as_of, coverage_findings, disk_cache
from generator.build.incremental import STATE_FILE, BuildState, Fingerprinter, charts_in_use
from generator.build.options import BuildOptions
from generator.build.parallel import BuilderSetup, PoolRun
from generator.charts import ChartCache
from generator.errors import ClusterError, DataError, KitgenError, SpecError
from generator.i18n import LocaleContext, TextRenderer
from generator.spec import LANGUAGES, DeckDef, RegionDef, Season, did_you_mean, season_file
from generator.validation import CheckedSeason, check_season, finding_line
from generator.writer import Staging, json_bytes, remove_stale_staging

if TYPE_CHECKING:
    from generator.build.cluster import ClusterRun

log = logging.getLogger(__name__)
DEFAULT_LOCALES = {"en": "en_US", "fr": "fr_CA", "es": "es_MX"}
Progress = Callable[[BuiltDeck], None]


@dataclass
class BuildResult:
    """What a build produced, for the summary and the manifest."""

    out_dir: Path
    decks: list[BuiltDeck] = field(default_factory=list)
    missing_translations: dict[str, set[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    worker_peak_mb: dict[int, float] = field(default_factory=dict)  # peak resident memory per process id
    as_of: AsOf | None = None  # the as-of day monthly figures were computed for
    as_of_given: bool = False  # False: the default, the latest month in the data
    # the season and data the build loaded: delivery (kits, report, trackers) reuses them instead of reading again
    season: Season | None = field(default=None, repr=False)
    store: DataStore | None = field(default=None, repr=False)

    def read_kept_decks(self) -> None:
        """Read the bytes of the decks this build kept back from their files (delivery zips and converts them).

        A build does not read them itself: a rebuild that keeps a thousand decks would
        read every one of them for nothing.
        """
        for deck in self.decks:
            deck.data = deck.read_back(self.out_dir)

    @property
    def rebuilt(self) -> int:
        """Return the number of decks built this time (the others were unchanged and kept)."""
        return sum(not d.reused for d in self.decks)

    @property
    def slides(self) -> int:
        """Return the number of slides built."""
        return sum(d.slides for d in self.decks)

    @property
    def charts(self) -> int:
        """Return the number of chart pictures placed."""
        return sum(d.charts for d in self.decks)


def plan_jobs(season: Season, builder: DeckBuilder, options: BuildOptions) -> list[DeckJob]:
    """Return every deck the season's deck set asks for, filtered by ``options``."""
    _check_options(season, builder, options)
    jobs: list[DeckJob] = []
    for deck in [*season.spec.decks, *season.spec.hq]:  # HQ decks plan like deck specs: audience, languages, name
        if options.only and deck.name not in options.only:
            continue
        jobs.extend(_jobs_for(deck, season, builder, options))
    return jobs


def _check_options(season: Season, builder: DeckBuilder, options: BuildOptions) -> None:
    # fail before staging: an unknown name would otherwise "build" nothing and replace the manifest
    known = set(builder.store.frame(season.spec.retailers)["retailer_id"].astype(str))
    unknown = [rid for rid in options.retailers if rid not in known]
    if unknown:
        raise DataError(f"no retailer '{unknown[0]}' in the season (see the retailers source)")
    for kind, wanted, names in (("deck", options.only, [d.name for d in [*season.spec.decks, *season.spec.hq]]),
                                ("region", options.regions, [r.id for r in season.spec.regions])):
        unknown = [name for name in wanted if name not in names]
        if unknown:
            hint = did_you_mean(unknown[0], names) or "known: " + ", ".join(names)
            raise KitgenError(f"no {kind} '{unknown[0]}' in the season ({hint})")


def _jobs_for(deck: DeckDef, season: Season, builder: DeckBuilder, options: BuildOptions) -> Iterable[DeckJob]:
    if deck.audience == "region":
        for region in season.spec.regions:
            if not options.regions or region.id in options.regions:
                yield from _region_jobs(deck, region, region.languages, options, builder, {"region": region})
    elif deck.audience == "retailer":
        frame = builder.store.frame(season.spec.retailers)
        for record in frame.to_dict("records"):
            rid = str(record["retailer_id"])
            if options.retailers and rid not in options.retailers:
                continue
            region = next((r for r in season.spec.regions if r.id == str(record["region_id"])), None)
            if region is None or (options.regions and region.id not in options.regions):
                continue
            langs = [l for l in str(record.get("languages") or "").split(";") if l in LANGUAGES] or region.languages
            yield from _region_jobs(deck, region, langs, options, builder, {"region": region, "retailer": record})
    else:
        region = season.spec.regions[0]
        yield from _region_jobs(deck, region, deck.languages or ["en"], options, builder, {})


def _region_jobs(deck: DeckDef, region: RegionDef, languages: list[str], options: BuildOptions,
                 builder: DeckBuilder, values: dict) -> Iterable[DeckJob]:
    for language in languages:
        if (options.languages and language not in options.languages) or (deck.languages and language not in deck.languages):
            continue
        locale = region.locales.get(language, DEFAULT_LOCALES[language])
        renderer = TextRenderer(LocaleContext("en", "en_US", region.currency), builder.catalogs)
        context = {**values, "region": region.model_dump()} if values else {}
        if deck.when and not renderer.value(deck.when, context):
            continue
        name = renderer.text(deck.filename, {**context, **month_values(builder.store)}) if deck.filename else deck.name
        audience_id = region.id if deck.audience == "region" else (
            str(values["retailer"]["retailer_id"]) if deck.audience == "retailer" else None)
        yield DeckJob(deck.name, deck.audience, audience_id, language, locale, region.currency,
                      f"{language}/{_safe_name(name)}.pptx", builder.store.as_of.day.isoformat())


def _safe_name(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name).strip("-.") or "deck"


def build_season(season_dir: Path, options: BuildOptions, progress: Progress | None = None,
                 on_plan: Callable[[int], None] | None = None,
                 on_notice: Callable[[str], None] | None = None, checked: CheckedSeason | None = None,
                 ) -> BuildResult:
    """Return the result of building the season at ``season_dir`` into ``options.out_dir``.

    Specs are validated before anything renders (unless ``checked`` is the season
    already checked with ``options.strict``); files are staged and moved into
    place only when every deck is built and checked. ``on_notice`` is told what the
    user may want to know meanwhile (the Dask dashboard's link).
    """
    _check_executor(options)
    started = time.perf_counter()
    with disk_cache(options.data_cache_dir):  # typed data files kept between builds
        checked = checked or check_season(season_dir, strict=options.strict)  # nothing written on errors
        result = _build(season_dir, checked, options, _Calls(progress, on_plan, on_notice))
    result.seconds = time.perf_counter() - started
    return result


@dataclass(frozen=True)
class _Calls:
    """What the caller of :func:`build_season` asked to be told or to have done during the build."""

    progress: Progress | None = None
    on_plan: Callable[[int], None] | None = None
    on_notice: Callable[[str], None] | None = None


def _build(season_dir: Path, checked: CheckedSeason, options: BuildOptions, calls: _Calls) -> BuildResult:
    season = checked.season
    setup = BuilderSetup(season_dir, options.template, options.profile or _profile_for(options.template),
                         options.chart_cache_dir)
    # the data and master validation loaded serve the build too (the master only if it is the season's own)
    own_master = checked.master if options.template is None and options.profile is None else None
    builder = DeckBuilder(season, setup.template, setup.profile, ChartCache(options.chart_cache_dir),
                          checked.store, own_master)
    as_of, gaps = _as_of(season, builder.store, options.as_of)
    jobs = plan_jobs(season, builder, options)
    if calls.on_plan:
        calls.on_plan(len(jobs))
    prints, state, kept = _unchanged(season, builder, jobs, options)
    if len(kept) < len(jobs):  # only a deck being built measures text: a build keeping every deck skips fontconfig
        builder.start_font_lookup()
    pool = _executor(setup, builder, options, calls.on_notice)
    result = BuildResult(options.out_dir, worker_peak_mb=pool.peak_mb, warnings=[*checked.warnings, *gaps],
                         as_of=as_of, as_of_given=options.as_of is not None, season=season, store=builder.store)
    removed = remove_stale_staging(options.out_dir)  # what killed builds left (`kitgen build` did it already)
    if removed and calls.on_notice:
        calls.on_notice(removed)
    with Staging(options.out_dir) as staging:
        todo = [j for j in jobs if j.output not in kept]
        built, written = _build_into(staging, pool, todo, calls.progress)
        builder.wait_for_fonts()  # no thread outlives the build, even one that built nothing
        result.decks = [kept.get(j.output) or built[j.output] for j in jobs]
        _finish(result, options)
        staging.write("manifest.json", json_bytes(manifest(season, result)))
        # read by kitgen only: compact, as it holds a record per deck (a thousand on a large season)
        payload = state.payload(result.decks, prints, written)
        staging.write(STATE_FILE, json_bytes(payload, indent=None))
    _prune_charts(options, builder.disk_cache, charts_in_use(payload))
    return result


def _as_of(season: Season, store: DataStore, day: dt.date | None) -> tuple[AsOf, list[str]]:
    """Return the build's as-of and the coverage warnings; raise when the data does not cover what it needs."""
    if day is not None:
        check_as_of(store, day)
    as_of = store.set_as_of(day)
    if day is None:
        check_as_of(store, as_of.day)
    file = season_file(season.root)
    document = season.document(file)
    findings = coverage_findings(store, document)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise SpecError(errors)
    return as_of, [finding_line(f, error=False) for f in findings if f.severity != "error"]


EXECUTORS = ("local", "dask")


def _check_executor(options: BuildOptions) -> None:
    if options.executor not in EXECUTORS:
        hint = did_you_mean(options.executor, EXECUTORS) or "known: " + ", ".join(EXECUTORS)
        raise KitgenError(f"no executor '{options.executor}' ({hint})")
    if options.scheduler and options.executor != "dask":
        raise KitgenError("a scheduler is for the dask executor (--executor dask --scheduler tcp://HOST:PORT)")


def _executor(setup: BuilderSetup, builder: DeckBuilder, options: BuildOptions,
              on_notice: Callable[[str], None] | None) -> PoolRun | ClusterRun:
    """Return what runs the deck jobs: the local process pool, or a Dask cluster."""
    if options.executor == "local":
        return PoolRun(setup, max(1, options.jobs), builder)
    try:  # imported here: Dask is an optional extra
        from generator.build.cluster import ClusterRun
    except ImportError as exc:
        raise ClusterError(f"the dask executor needs Dask ({exc}): pip install 'kitgen[dask]'") from exc
    return ClusterRun(builder, options.out_dir, options.scheduler, max(1, options.jobs), on_notice)


def _unchanged(season: Season, builder: DeckBuilder, jobs: list[DeckJob],
               options: BuildOptions) -> tuple[dict[str, str], BuildState, dict[str, BuiltDeck]]:
    """Return every job's input fingerprint, the previous build's state, and the decks it can keep."""
    fingerprints = Fingerprinter(season, builder)
    prints = {job.output: fingerprints.fingerprint(job) for job in jobs}
    state = BuildState.load(options.out_dir)
    kept = {} if options.force else {j.output: d for j in jobs if (d := state.reusable(j, prints[j.output]))}
    return prints, state, kept


def _build_into(staging: Staging, pool: PoolRun | ClusterRun, jobs: list[DeckJob],
                progress: Progress | None) -> tuple[dict[str, BuiltDeck], dict[str, tuple[int, int, str]]]:
    """Return the decks of ``jobs`` built and staged, and each staged file's (size, mtime_ns, sha256)."""
    built, written = {}, {}
    for deck in pool.run(jobs, progress):
        built[deck.job.output] = deck  # staged at once: the disk works while the workers build on
        staging.write(deck.job.output, deck.data)
        written[deck.job.output] = (*staging.written(deck.job.output), deck.content_hash())
    return built, written


def _prune_charts(options: BuildOptions, cache: ChartCache | None, in_use: set[str] | None) -> None:
    """Drop pictures no output uses any more from the build's own chart cache (a --cache-dir may be shared)."""
    if options.cache_dir is None and cache is not None and in_use is not None:
        cache.prune(in_use)


def _profile_for(template: Path | None) -> Path | None:
    return None if template is None else template.with_name(template.stem + ".profile.yaml")


def _finish(result: BuildResult, options: BuildOptions) -> None:
    # Each process records a missing text once, so gather them from every deck (kept ones included).
    for deck in result.decks:
        if deck.missing_translations:
            result.missing_translations.setdefault(deck.job.language, set()).update(deck.missing_translations)
    for language, texts in sorted(result.missing_translations.items()):
        result.warnings.append(f"{len(texts)} text(s) without {language} translation fell back to English")
    for deck in result.decks:
        result.warnings.extend(f"{deck.job.output}, {hole}: a figure the data cannot give shows as n/a"
                               for hole in deck.holes)
    findings = [finding for deck in result.decks for finding in deck.fit_findings]
    if findings:
        from generator.fit import by_layout  # fontTools loads only when some text did not fit

        result.warnings.extend(by_layout(findings))
    if options.strict and result.warnings:
        raise KitgenError("strict build failed:\n" + "\n".join(result.warnings) + "\n" +
                          "\n".join(f"  missing [{lang}] {text!r}" for lang, texts in
                                    sorted(result.missing_translations.items()) for text in sorted(texts)))


def manifest(season: Season, result: BuildResult) -> dict:
    """Return the manifest: every output with its audience, language and inputs."""
    spec = season.spec
    inputs = sorted({spec.template.path, spec.brand, *(s.path for s in spec.sources.values()),
                     *(d.spec for d in spec.decks), *(d.path for d in spec.hq)})
    return {
        "kitgen": __version__,
        "season": {"code": spec.season.code, "name": spec.season.name},
        "as_of": result.as_of.day.isoformat() if result.as_of else None,
        "inputs": inputs,
        "decks": [{"file": d.job.output, "deck": d.job.deck, "audience": d.job.audience,
                   "audience_id": d.job.audience_id, "language": d.job.language, "locale": d.job.locale,
                   "slides": d.slides, "charts": d.charts,
                   "fit_findings": [f.as_dict() for f in d.fit_findings],
                   "spec": season.deck_spec_file(d.job.deck)} for d in result.decks],
        "missing_translations": {k: sorted(v) for k, v in sorted(result.missing_translations.items())},
    }
