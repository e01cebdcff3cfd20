"""``kitgen build`` and ``kitgen kit``: build a season's deck set, or one retailer's kit."""

from __future__ import annotations

import calendar
import datetime as dt

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator import stamps
from generator.build import BuildOptions
from generator.commands.interrupt import terminate_as_interrupt
from generator.delivery import DeliveryOptions, DeliveryResult
from generator.spec import LANGUAGES
from generator.writer import remove_stale_staging, write_atomic

if TYPE_CHECKING:  # the engine loads only when a build runs: an unchanged season is answered from its stamp
    from generator.build import BuildResult

DEFAULT_SEASON = Path("decks/fw26")


def _season_arg(function):
    return click.argument("season_dir", type=click.Path(path_type=Path), default=DEFAULT_SEASON,
                          required=False)(function)


def _out_folder(out_dir: Path | None, season_dir: Path) -> Path:
    """Return the output folder (default build/<season folder name>); refuse one holding the season's inputs."""
    if out_dir is None:
        return Path("build") / season_dir.resolve().name
    out, season = out_dir.resolve(), season_dir.resolve()
    if season.is_relative_to(out):
        what = "is the season folder" if out == season else f"holds the season folder {season_dir}"
        raise click.BadParameter(f"{out_dir} {what}: a build would write among its inputs "
                                 f"(choose a folder outside it, such as build/{season.name})", param_hint="'--out'")
    return out_dir


def _run(season_dir: Path, options: BuildOptions) -> BuildResult:
    from generator.build import build_season

    result = (_with_bar(season_dir, options) if _interactive()
              else build_season(season_dir, options, on_notice=lambda text: click.echo(text, err=True)))
    _summary(result)
    return result


def _with_bar(season_dir: Path, options: BuildOptions) -> BuildResult:
    """Return the build's result, showing a progress bar on the terminal meanwhile."""
    # imported here: only a terminal shows the bar, and rich costs a piped or scripted build 0.02 s
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from generator.build import build_season

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True) as bar:
        task = bar.add_task("building decks", total=None)
        return build_season(season_dir, options,
                            progress=lambda built: bar.update(task, advance=1, description=built.job.label),
                            on_plan=lambda n: bar.update(task, total=n), on_notice=bar.console.print)


def _interactive() -> bool:
    return sys.stderr.isatty()


def _summary(result: BuildResult) -> None:
    kept = len(result.decks) - result.rebuilt
    click.echo(f"Built {result.rebuilt} decks ({kept} unchanged, kept), {result.slides} slides, "
               f"{result.charts} charts in {result.seconds:.1f} s -> {result.out_dir}")
    if result.as_of is not None:
        source = "given with --as-of" if result.as_of_given else "the latest month in the data"
        click.echo(f"As of {result.as_of.day.isoformat()} ({source}): monthly figures are for {result.as_of.key}")
    for warning in result.warnings:
        click.echo(f"warning: {warning}")


def _deliver(season_dir: Path, result: BuildResult, options: DeliveryOptions) -> DeliveryResult:
    from generator.delivery import deliver

    delivered = deliver(season_dir, result, options)
    timings = ", ".join(f"{label} {seconds:.1f} s" for label, seconds in delivered.timings.items())
    click.echo(_delivered_line(options, delivered) + (f" ({timings})" if timings else ""))
    return delivered


def _delivered_line(options: DeliveryOptions, delivered: DeliveryResult) -> str:
    parts = [f"{len(delivered.pdfs)} PDFs" if options.pdf else "", f"{len(delivered.kits)} kits" if options.kits else "",
             _trackers(delivered), delivered.report or ""]
    return f"Delivered {', '.join(p for p in parts if p)}"


def _trackers(delivered: DeliveryResult) -> str:
    if not delivered.trackers:
        return ""
    kept = f" ({delivered.kept_trackers} unchanged, kept)" if delivered.kept_trackers else ""
    books = [name for name in delivered.trackers if name.endswith(".xlsx")]
    tables = len(delivered.trackers) - len(books)
    return f"{len(books)} trackers{kept}" + (f" and {tables} CSV tables" if tables else "")


#: the option fields that do not change what a build writes: where and by how many processes decks are built
#: ("the same output for any number of jobs"), and --force, which rebuilds the same bytes. Every other field, one
#: added later included, is part of a build's run-stamp key (tests/test_stamps.py checks it)
UNSTAMPED_BUILD = frozenset({"jobs", "executor", "scheduler", "force"})
UNSTAMPED_DELIVERY = frozenset({"pdf_processes"})  # LibreOffice processes converting at once: the same PDFs


def _run_key(season_dir: Path, options: BuildOptions, delivery: DeliveryOptions) -> dict[str, Any]:
    """Return the stamp key of a build: the season and every option field but those that change no output."""
    return stamps.run_key("build", {"season": str(season_dir.resolve()),
                                    "build": stamps.option_values(options, UNSTAMPED_BUILD),
                                    "delivery": stamps.option_values(delivery, UNSTAMPED_DELIVERY)})


def _stamped_report(result: BuildResult, delivery: DeliveryOptions, delivered: DeliveryResult | None) -> dict:
    """Return what a build with nothing changed says again: its counts, as-of, warnings and deliverables."""
    as_of = result.as_of
    return {"decks": len(result.decks), "slides": result.slides, "charts": result.charts,
            "as_of": [as_of.day.isoformat(), as_of.key, result.as_of_given] if as_of else None,
            "warnings": result.warnings,
            "delivered": _delivered_line(delivery, _all_kept(delivered)) if delivered else None}


def _all_kept(delivered: DeliveryResult) -> DeliveryResult:
    """Return ``delivered`` as a build that changed nothing delivers it: every tracker kept."""
    return DeliveryResult(delivered.pdfs, delivered.kits, delivered.report, delivered.trackers,
                          len([name for name in delivered.trackers if name.endswith(".xlsx")]))


def _replay(report: dict, out: Path, started: float) -> None:
    """Print the summary of a build whose inputs and outputs are all as its stamp recorded."""
    click.echo(f"Built 0 decks ({report['decks']} unchanged, kept), {report['slides']} slides, "
               f"{report['charts']} charts in {time.perf_counter() - started:.1f} s -> {out} "
               "(nothing changed since the last build)")
    if report["as_of"]:
        day, key, given = report["as_of"]
        source = "given with --as-of" if given else "the latest month in the data"
        click.echo(f"As of {day} ({source}): monthly figures are for {key}")
    for warning in report["warnings"]:
        click.echo(f"warning: {warning}")
    if report["delivered"]:
        click.echo(report["delivered"])


class AsOfDay(click.ParamType):
    """A day written YYYY-MM-DD; an impossible one (2026-02-30) is refused as such, not as a format error."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            year, month, day = (int(part) for part in str(value).split("-"))
        except ValueError:
            self.fail(f"'{value}' is not a day written YYYY-MM-DD (e.g. 2026-09-30)", param, ctx)
        try:
            return dt.date(year, month, day)
        except ValueError:
            if 1 <= month <= 12:
                last = calendar.monthrange(year, month)[1]
                self.fail(f"{value} is not a day: {dt.date(year, month, 1):%B %Y} has {last} days "
                          f"(the month's end is {dt.date(year, month, last)})", param, ctx)
            self.fail(f"{value} is not a day: months run from 01 to 12", param, ctx)


@click.command("build")
@_season_arg
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Output folder (default build/<season folder name>).")
@click.option("--lang", "languages", multiple=True, type=click.Choice(LANGUAGES), help="Only these languages.")
@click.option("--only", multiple=True, help="Only these decks of the deck set (by name).")
@click.option("--region", "regions", multiple=True, help="Only these regions (by id).")
@click.option("--strict", is_flag=True, help="Fail on missing translations and text that does not fit.")
@click.option("--template", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Build on another HQ master (.pptx/.potx) instead of the season's.")
@click.option("--profile", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              help="Profile of --template (default: <template stem>.profile.yaml beside it).")
@click.option("--jobs", type=click.IntRange(1, 64), default=None,
              help="Worker processes building decks (default: number of cores); same output for any number.")
@click.option("--executor", type=click.Choice(("local", "dask")), default="local", show_default=True,
              help="Build decks in local processes, or as tasks on a Dask cluster (needs kitgen[dask]).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="The Dask scheduler for --executor dask (default: a LocalCluster of --jobs workers here).")
@click.option("--force", is_flag=True, help="Rebuild every deck, even those whose inputs did not change.")
@click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Chart picture cache folder (default OUT/.kitgen-cache/charts).")
@click.option("--as-of", "as_of", type=AsOfDay(), default=None,
              help="Day the monthly figures look from, e.g. 2026-09-30 (default: end of the latest month in the data).")
@click.option("--pdf", is_flag=True, help="Also write a PDF beside every deck (LibreOffice headless).")
@click.option("--kits/--no-kits", default=True, show_default=True,
              help="Write OUT/kits/<retailer-id>.zip for every retailer built (with PDFs when --pdf).")
@click.option("--report/--no-report", default=True, show_default=True, help="Write OUT/report.html.")
@click.option("--trackers/--no-trackers", default=True, show_default=True,
              help="Write the season's KPI tracker workbooks into OUT/trackers/<language>/.")
@click.option("--pdf-processes", type=click.IntRange(1, 8), default=2, show_default=True,
              help="LibreOffice processes converting decks at once.")
@terminate_as_interrupt()
def build_command(season_dir: Path, out_dir: Path | None, languages, only, regions, strict: bool,
                  template: Path | None, profile: Path | None, jobs: int | None, executor: str,
                  scheduler: str | None, force: bool, cache_dir: Path | None, as_of, pdf: bool, kits: bool,
                  report: bool, trackers: bool, pdf_processes: int) -> None:
    """Build the season's deck set into OUT/<language>/, then PDFs, retailer kits and the report."""
    started = time.perf_counter()
    out = _out_folder(out_dir, season_dir)
    options = BuildOptions(out, tuple(languages), tuple(only), (), tuple(regions), strict, template, profile,
                           jobs or os.cpu_count() or 1, force, cache_dir, as_of,
                           executor, scheduler)
    delivery = DeliveryOptions(pdf, kits, report, pdf_processes, trackers)
    key = _run_key(season_dir, options, delivery)
    removed = remove_stale_staging(out)  # before a replay too: a killed build may have had nothing to change
    if removed:
        click.echo(removed, err=True)
    kept = None if force else stamps.current_report(out / stamps.STAMP_FILE, key, out)
    if kept is not None:
        return _replay(kept, out, started)
    with stamps.Recorder(key, [season_dir], out, ignore=(options.chart_cache_dir,)) as recorder:
        result = _run(season_dir, options)
        delivered = _deliver(season_dir, result, delivery) if pdf or kits or report or trackers else None
    stamp = recorder.stamp(_stamped_report(result, delivery, delivered))
    if stamp is not None:
        write_atomic(out / stamps.STAMP_FILE, stamp.to_bytes())


@click.command("kit")
@click.argument("retailer_id")
@click.option("--season", "season_dir", type=click.Path(path_type=Path), default=DEFAULT_SEASON,
              help="Season folder (default decks/fw26).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=None)
@click.option("--lang", "languages", multiple=True, type=click.Choice(LANGUAGES))
@click.option("--strict", is_flag=True)
@click.option("--pdf", is_flag=True, help="Also make PDFs of the decks and put them in the kit.")
@terminate_as_interrupt()
def kit_command(retailer_id: str, season_dir: Path, out_dir: Path | None, languages, strict: bool, pdf: bool) -> None:
    """Build one retailer's kit (all of its decks, in each of its languages) and OUT/kits/<id>.zip."""
    out = _out_folder(out_dir, season_dir)
    result = _run(season_dir, BuildOptions(out, tuple(languages), ("retailer-kit",), (retailer_id,), (), strict))
    if not result.decks:
        raise click.ClickException(f"no retailer '{retailer_id}' in the season (see the retailers source)")
    _deliver(season_dir, result, DeliveryOptions(pdf=pdf, kits=True, report=False, trackers=False))
