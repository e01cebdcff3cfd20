"""Review server benchmark (not part of ``make test``): ``kitgen serve`` measured from outside.

Starts ``kitgen serve`` as its own process on a copy of the sample season (built first),
opens the page in headless Chromium on the Canada meeting deck, then:

1. latency: changes one slide title of the market-meeting spec (so the Canada deck changes) and
   times save -> the new slide picture loaded in the page, ``--edits`` times (median, max);
2. errors: saves a broken spec and times save -> the located error shown in the page (median);
3. idle: the server's CPU (its process and children: LibreOffice, unoserver) over ``--idle`` seconds;
4. memory: the server's resident memory every 10 of ``--cycles`` edit cycles (each one a save and
   the updated picture in the page), first against last.

The baseline is the loop without the server: ``kitgen build`` (incremental), then LibreOffice
started to convert the Canada deck and pdftoppm for the changed slide, as a reviewer would run them.

    python tests/benchmarks/bench_serve.py [--edits 10] [--cycles 100] [--idle 30]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "serve"))

from season_copy import copy_season  # noqa: E402

KITGEN = Path(sys.executable).with_name("kitgen")
DECK = "en/CA-market-meeting.pptx"
SLIDE, TITLE = 2, "title: Agenda\n"
LOCATED = "market_meeting.yaml:11:5"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--idle", type=float, default=30.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kitgen-bench-serve-") as scratch:
        season = copy_season(ROOT / "decks" / "fw26", Path(scratch) / "decks" / "fw26")
        out = Path(scratch) / "build"
        subprocess.run([str(KITGEN), "build", str(season), "--out", str(out), "--no-kits", "--no-report"],
                       check=True, capture_output=True)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (shared with other work)")
        baseline = _baseline(season, out, Path(scratch))
        _measure(season, out, args, baseline, Path(scratch) / "serve.log")


def _baseline(season: Path, out: Path, scratch: Path) -> float:
    """Return seconds of the loop without the server: incremental build, then a picture of the slide."""
    spec = season / "decks" / "market_meeting.yaml"
    _replace(spec, TITLE, "title: Agenda (baseline)\n")
    started = time.perf_counter()
    subprocess.run([str(KITGEN), "build", str(season), "--out", str(out), "--no-kits", "--no-report"],
                   check=True, capture_output=True)
    profile = (scratch / "lo-profile").as_uri()
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                    "--outdir", str(scratch / "pdf"), str(out / DECK)], check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-png", "-f", str(SLIDE), "-l", str(SLIDE), str(scratch / "pdf" / "CA-market-meeting.pdf"),
                    str(scratch / "slide")], check=True, capture_output=True)
    seconds = time.perf_counter() - started
    _replace(spec, "title: Agenda (baseline)\n", TITLE)
    return seconds


def _measure(season: Path, out: Path, args, baseline: float, log_file: Path) -> None:
    from test_serve_browser import _shown, _text  # the browser test's probes of the page

    port = _free_port()
    log = open(log_file, "w", encoding="utf-8")  # noqa: SIM115 -- open while the server runs
    server = subprocess.Popen([str(KITGEN), "-v", "serve", str(season), "--out", str(out), "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                              env={**os.environ, "PYTHONFAULTHANDLER": "1"})  # a hung server dumps its threads
    driver = _browser()
    try:
        driver.get(f"http://127.0.0.1:{port}/#deck={DECK}&slide={SLIDE}")
        _until(lambda: _shown(driver).get("picture"), 180)
        _until(lambda: _text(driver, "#status") == "ready", 180)
        spec = season / "decks" / "market_meeting.yaml"
        latencies = [_edit(driver, spec, n) for n in range(args.edits)]
        errors = [_error(driver, spec) for _ in range(max(3, args.edits // 2))]
        _settle(driver)
        time.sleep(2)
        idle = _cpu_percent(server.pid, args.idle)
        memory = [_rss_mb(server.pid)]
        for cycle in range(args.cycles):
            _edit(driver, spec, 1000 + cycle)
            if (cycle + 1) % 10 == 0:
                memory.append(_rss_mb(server.pid))
        _report(latencies, errors, idle, memory, baseline)
        phases = [line.split("cycle: ", 1)[1] for line in log_file.read_text(encoding="utf-8").splitlines()
                  if "cycle: " in line and "focus rendered" in line]
        print("inside the server, last cycles (from the save): " + " | ".join(phases[-3:]))
    except SystemExit:
        helpers = _tree(server.pid)[1:]  # LibreOffice, in a session of its own, would outlive the aborted server
        os.kill(server.pid, signal.SIGABRT)  # faulthandler writes every thread's stack to the log
        time.sleep(2)
        for pid in helpers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        print(log_file.read_text(encoding="utf-8")[-12000:])
        raise
    finally:
        driver.quit()
        os.killpg(server.pid, 15)
        server.wait(30)


def _edit(driver, spec: Path, number: int) -> float:
    """Return seconds from saving a new slide title to its picture shown in the page."""
    from test_serve_browser import _shown

    before = _shown(driver).get("picture")
    text = spec.read_text(encoding="utf-8")
    current = next(line for line in text.splitlines(keepends=True) if line.startswith("    title: Agenda"))
    title = f"Agenda {number}"
    started = time.perf_counter()
    spec.write_text(text.replace(current, f"    title: {title}\n", 1), encoding="utf-8")
    _until(lambda: (lambda s: s.get("title") == title and s.get("picture") not in (None, before))(_shown(driver)), 120)
    return time.perf_counter() - started


def _error(driver, spec: Path) -> float:
    """Return seconds from saving a broken spec to its located error shown in the page (then fix it).

    Saved once the server is idle, so that the figure is the check and the page alone.
    """
    from test_serve_browser import _text

    _settle(driver)
    text = spec.read_text(encoding="utf-8")
    current = next(line for line in text.splitlines(keepends=True) if line.startswith("    title: Agenda"))
    started = time.perf_counter()
    spec.write_text(text.replace(current, current.replace("title:", "titel:"), 1), encoding="utf-8")
    _until(lambda: LOCATED in _text(driver, "#problems"), 60, "the located error")
    seconds = time.perf_counter() - started
    spec.write_text(text, encoding="utf-8")
    _until(lambda: LOCATED not in _text(driver, "#problems"), 60, "the error gone")  # a warning may stay
    return seconds


def _settle(driver) -> None:
    """Wait until the server has nothing left to do: the season built, every picture of the decks shown rendered."""
    _until(lambda: driver.execute_script("return view.season && view.season.status === 'ready' && "
                                         "view.season.pending === 0"), 300, "an idle server")


def _report(latencies: list[float], errors: list[float], idle: dict[str, float], memory: list[dict[str, float]], baseline: float) -> None:
    print(f"save -> updated slide picture in the page: median {statistics.median(latencies):.2f} s, "
          f"max {max(latencies):.2f} s over {len(latencies)} edits (target <= 3 s); "
          f"baseline (kitgen build + LibreOffice + pdftoppm): {baseline:.2f} s")
    print(f"save -> located error in the page: median {statistics.median(errors):.2f} s, "
          f"max {max(errors):.2f} s over {len(errors)} (target <= 1 s)")
    print(f"idle server CPU over the idle period, % of one core: total {idle['total']:.2f} (" +
          ", ".join(f"{name} {share:.2f}" for name, share in idle.items() if name != "total") + ")")
    for name in memory[0]:
        figures = [m.get(name, 0) for m in memory]
        print(f"resident memory every 10 edit cycles, {name} (MB): " + " ".join(f"{m:.0f}" for m in figures) +
              f"; first {figures[0]:.0f}, last {figures[-1]:.0f}")


def _browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1400,900",
                     f"--user-data-dir={tempfile.mkdtemp(prefix='kitgen-bench-chromium-')}"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def _tree(pid: int) -> list[int]:
    """Return ``pid`` and its descendants (LibreOffice runs in a session of its own, under unoserver)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _cpu_seconds(pids: list[int], root: int) -> dict[str, float]:
    """Return the CPU seconds used so far by ``pids``, by program name (``root`` is kitgen)."""
    ticks = os.sysconf("SC_CLK_TCK")
    by_name: dict[str, float] = {}
    for pid in pids:
        try:
            name, rest = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)
            fields = rest.split()
            seconds = (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, IndexError, ValueError):
            continue
        program = "kitgen" if pid == root else name.split("(", 1)[1]
        by_name[program] = by_name.get(program, 0.0) + seconds
    return by_name


def _cpu_percent(pid: int, seconds: float) -> dict[str, float]:
    """Return the CPU used over ``seconds`` by the server and its children, per program and in total (% of a core)."""
    pids = _tree(pid)
    before = _cpu_seconds(pids, pid)
    time.sleep(seconds)
    after = _cpu_seconds(pids, pid)
    used = {name: 100 * (after[name] - before.get(name, 0.0)) / seconds for name in after}
    return {**used, "total": sum(used.values())}


def _rss_mb(pid: int) -> dict[str, float]:
    """Return the resident memory (MB) of ``pid`` and its descendants, by program name, with their total."""
    by_name: dict[str, float] = {}
    for member in _tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        name = "kitgen" if member == pid else fields.get("Name", "?").strip()
        by_name[name] = by_name.get(name, 0) + int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
    by_name["total"] = sum(by_name.values())
    return by_name


def _until(condition, timeout: float, what: str = "the page") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise SystemExit(f"{what}: not seen within {timeout} s")


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    main()
