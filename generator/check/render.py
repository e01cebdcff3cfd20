"""LibreOffice round trip: the deck must convert to a PDF with one page per shown slide; a workbook must convert."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.check.package import DeckPackage
from generator.check.presentation import P_NS, R_ID, presentation_part
from generator.check.problem import Problem
from generator.errors import ToolMissingError

TIMEOUT_SECONDS = 180
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_PAGES_LINE = re.compile(r"^Pages:\s+(\d+)", re.MULTILINE)


def render_problems(pkg: DeckPackage, data: bytes, timeout: int = TIMEOUT_SECONDS) -> list[Problem]:
    """Return problems found converting the deck to PDF with LibreOffice headless."""
    soffice = _soffice("libreoffice-impress")
    with tempfile.TemporaryDirectory(prefix="kitgen-render-") as work:
        pdf, failure = _convert(soffice, Path(work), data, timeout)
        if failure:
            return [Problem(pkg.label, "render", failure)]
        pages, expected = pdf_page_count(pdf), shown_slide_count(pkg)
    if pages != expected:
        return [Problem(pkg.label, "render", f"LibreOffice made {pages} page(s) for {expected} shown slide(s)")]
    return []


def render_workbook_problems(pkg: DeckPackage, data: bytes, timeout: int = TIMEOUT_SECONDS) -> list[Problem]:
    """Return the problem found converting the workbook to PDF with LibreOffice headless, if it fails."""
    soffice = _soffice("libreoffice-calc")
    with tempfile.TemporaryDirectory(prefix="kitgen-render-") as work:
        _, failure = _convert(soffice, Path(work), data, timeout, "workbook.xlsx")
    return [Problem(pkg.label, "render", failure)] if failure else []


def _soffice(package: str) -> str:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise ToolMissingError(f"LibreOffice is needed for --render: apt-get install -y {package}")
    return soffice


def _convert(soffice: str, work: Path, data: bytes, timeout: int, name: str = "deck.pptx") -> tuple[Path, str | None]:
    deck, kind = work / name, Path(name).stem
    deck.write_bytes(data)  # a scratch copy for soffice, deleted with the folder
    command = [
        soffice,
        "--headless",
        "--norestore",
        # A private profile: no clash with a running LibreOffice or another check.
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "out"),
        str(deck),
    ]
    pdf = work / "out" / (Path(name).stem + ".pdf")
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return pdf, f"LibreOffice did not convert the {kind} within {timeout} s"
    if not pdf.is_file():
        detail = (result.stderr or result.stdout).strip().splitlines()
        return pdf, f"LibreOffice could not convert the {kind} ({detail[-1] if detail else 'no output'})"
    return pdf, None


def pdf_page_count(pdf: Path) -> int:
    """Return the number of pages of a PDF (pdfinfo when present, else page objects)."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        result = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=False)
        match = _PAGES_LINE.search(result.stdout)
        if match:
            return int(match.group(1))
    return len(_PAGE_OBJECT.findall(pdf.read_bytes()))


def shown_slide_count(pkg: DeckPackage) -> int:
    """Return how many listed slides are not hidden (LibreOffice does not export hidden ones)."""
    main = presentation_part(pkg)
    root = pkg.xml(main) if main else None
    if root is None:
        return 0
    targets = {rel.rid: rel.target_part for rel in pkg.rels(main)}
    shown = 0
    for entry in root.iterfind(f"{{{P_NS}}}sldIdLst/{{{P_NS}}}sldId"):
        slide = pkg.xml(targets.get(entry.get(R_ID, ""), ""))
        if slide is not None and slide.get("show") not in ("0", "false"):
            shown += 1
    return shown

