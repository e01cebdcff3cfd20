"""PDFs of built decks through LibreOffice headless, and thumbnails of their first pages.

Starting LibreOffice costs seconds, so one ``soffice --convert-to pdf`` process
converts a whole batch of decks; decks are spread over a few such processes (each
with a private profile, so they do not lock each other out) to use every core.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import CheckError, RenderError, ToolMissingError

log = logging.getLogger(__name__)
INSTALL_HINT = "LibreOffice is needed for --pdf: apt-get install -y libreoffice-impress"
STARTUP_SECONDS = 90
SECONDS_PER_DECK = 30


@dataclass(frozen=True)
class PdfJob:
    """One deck to convert: its bytes, the slides it has, the PDF's path relative to the build folder."""

    data: bytes
    slides: int
    output: str


@dataclass(frozen=True)
class ConvertedPdf:
    """A converted deck: the PDF, its page count and PNG thumbnails of its first pages."""

    output: str
    data: bytes
    pages: int
    thumbnails: tuple[bytes, ...] = ()


def pdf_output(deck_output: str) -> str:
    """Return where the PDF of the deck at ``deck_output`` goes in the build folder: beside it, as .pdf."""
    return str(PurePosixPath(deck_output).with_suffix(".pdf"))


def soffice_path() -> str:
    """Return the LibreOffice executable; raise ToolMissingError with the install hint when absent."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise ToolMissingError(INSTALL_HINT)
    return found


def convert_decks(jobs: list[PdfJob], processes: int = 2, thumbnails: int = 3) -> list[ConvertedPdf]:
    """Return every job converted to PDF (in job order), page counts checked against slide counts.

    ``processes`` LibreOffice processes share the decks; ``thumbnails`` first pages of
    each PDF become small PNGs (none when pdftoppm is missing).
    """
    if not jobs:
        return []
    soffice = soffice_path()
    with tempfile.TemporaryDirectory(prefix=f"kitgen-lo-{os.getpid()}-") as scratch:
        work = Path(scratch)
        batches = [list(range(i, len(jobs), processes)) for i in range(min(processes, len(jobs)))]
        running: list[subprocess.Popen] = []
        try:
            for n, batch in enumerate(batches):
                running.append(_start(soffice, work / f"batch{n}", [jobs[i] for i in batch], batch))
            for process, batch in zip(running, batches):
                _wait(process, len(batch))
        finally:  # an error, Ctrl-C or SIGTERM: no LibreOffice outlives the build
            for process in running:
                _end_group(process)
        pdfs = [work / f"batch{i % processes}" / "out" / f"{i:04d}.pdf" for i in range(len(jobs))]
        _check_pages(jobs, pdfs)
        with ThreadPoolExecutor(max_workers=processes) as pool:
            pictures = list(pool.map(lambda pdf: page_thumbnails(pdf, thumbnails), pdfs))
        return [ConvertedPdf(job.output, pdf.read_bytes(), job.slides, pics)
                for job, pdf, pics in zip(jobs, pdfs, pictures)]


def _start(soffice: str, folder: Path, jobs: list[PdfJob], numbers: list[int]) -> subprocess.Popen:
    decks = folder / "in"
    decks.mkdir(parents=True)
    inputs = []
    for number, job in zip(numbers, jobs):
        # Scratch copies with unique names: en/ and fr/ hold decks of the same name.
        path = decks / f"{number:04d}.pptx"
        path.write_bytes(job.data)
        inputs.append(str(path))
    command = [soffice, "--headless", "--norestore", "--nologo",
               f"-env:UserInstallation={(folder / 'profile').as_uri()}",
               "--convert-to", "pdf", "--outdir", str(folder / "out"), *inputs]
    log.info("converting %d deck(s) with %s", len(inputs), soffice)
    # A session of its own: soffice starts oosplash and soffice.bin, which ending the first alone would leave.
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)


def _wait(process: subprocess.Popen, decks: int) -> None:
    timeout = STARTUP_SECONDS + SECONDS_PER_DECK * decks
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _end_group(process)  # the whole group: a soffice.bin left holding the pipe would block a read to the end
        raise RenderError(f"LibreOffice did not convert {decks} deck(s) within {timeout} s") from exc
    log.debug("soffice: %s", output)


def _check_pages(jobs: list[PdfJob], pdfs: list[Path]) -> None:
    from generator.check import pdf_page_count  # the deck checks import python-pptx: only PDFs need them

    missing = [job.output for job, pdf in zip(jobs, pdfs) if not pdf.is_file()]
    if missing:
        raise RenderError("LibreOffice could not convert: " + ", ".join(missing) +
                          " (try `kitgen check --render` on the deck)")
    wrong = [f"{job.output}: {pages} page(s) for {job.slides} slide(s)"
             for job, pdf in zip(jobs, pdfs) if (pages := pdf_page_count(pdf)) != job.slides]
    if wrong:
        raise CheckError("PDF page counts differ from slide counts:\n" + "\n".join(wrong))


def reuse_pdf(pdf: Path, job: PdfJob, thumbnails: int = 3) -> ConvertedPdf:
    """Return an earlier PDF of an unchanged deck, its page count checked, with fresh thumbnails."""
    _check_pages([job], [pdf])
    with tempfile.TemporaryDirectory(prefix="kitgen-thumbs-") as scratch:
        copy = Path(scratch) / "deck.pdf"
        copy.write_bytes(pdf.read_bytes())  # pdftoppm writes beside its input: keep that out of the build folder
        return ConvertedPdf(job.output, copy.read_bytes(), job.slides, page_thumbnails(copy, thumbnails))


def page_thumbnails(pdf: Path, pages: int, dpi: int = 30) -> tuple[bytes, ...]:
    """Return PNGs of the first ``pages`` pages of ``pdf`` (empty when pdftoppm is missing).

    The PNGs are written beside ``pdf`` (a scratch folder) and read back.
    """
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None or pages < 1:
        return ()
    prefix = pdf.with_suffix("")
    command = [pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", str(pages), str(pdf), str(prefix)]
    result = subprocess.run(command, capture_output=True, check=False, timeout=120)
    if result.returncode != 0:
        log.warning("pdftoppm failed on %s: %s", pdf, result.stderr.decode(errors="replace").strip())
        return ()
    # pdftoppm pads page numbers to the width of the page count: deck-1.png or deck-01.png
    return tuple(p.read_bytes() for p in sorted(pdf.parent.glob(f"{prefix.name}-*.png")))


def _end_group(process) -> None:
    """End LibreOffice's process group (check's rule, imported here: a build converting nothing never loads check)."""
    from generator.check import end_process_group

    end_process_group(process)
