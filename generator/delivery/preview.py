"""Side-by-side review sheets: every slide of a deck in EN, FR and ES, one row per slide.

Decks are rendered by LibreOffice (one headless call for all of them, with a private
profile so a running LibreOffice is not disturbed) to PDF, then by pdftoppm to PNG.
Overflow findings come from the build's manifest when the deck has one beside its
language folder, else from measuring the deck's text again.
"""

from __future__ import annotations

import html
import json
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation

from generator.errors import RenderError, ToolMissingError
from generator.fit import ThemeFonts, check_shape
from generator.template import theme_fonts
from generator.writer import write_atomic

log = logging.getLogger(__name__)
LANGUAGE_ORDER = ("en", "fr", "es")
RESOLUTION = 60  # dots per inch of the slide pictures: enough to read, small enough to scroll
_HINTS = {"soffice": "apt-get install libreoffice-impress", "pdftoppm": "apt-get install poppler-utils"}


@dataclass(frozen=True)
class DeckFile:
    """One built deck: its path, language (its folder name) and the deck name shared across languages."""

    path: Path
    language: str

    @property
    def name(self) -> str:
        """Return the deck name the languages share (the file stem)."""
        return self.path.stem

    @property
    def key(self) -> str:
        """Return a file-name-safe unique key, e.g. ``fr__market-meeting-CA``."""
        return f"{self.language}__{self.name}"


@dataclass
class SheetRow:
    """One slide number across languages: picture (relative path) and findings per language."""

    number: int
    pictures: dict[str, str] = field(default_factory=dict)
    findings: dict[str, list[str]] = field(default_factory=dict)


def deck_file(path: Path) -> DeckFile:
    """Return ``path`` as a DeckFile; the language is its folder name (``build/fw26/fr/x.pptx``)."""
    folder = path.parent.name.lower()
    return DeckFile(path, folder if folder in LANGUAGE_ORDER else folder or "xx")


def group_decks(paths: list[Path]) -> dict[str, list[DeckFile]]:
    """Return decks grouped by deck name, each group in EN, FR, ES order."""
    groups: dict[str, list[DeckFile]] = {}
    for deck in map(deck_file, paths):
        groups.setdefault(deck.name, []).append(deck)
    rank = {lang: i for i, lang in enumerate(LANGUAGE_ORDER)}
    return {name: sorted(decks, key=lambda d: (rank.get(d.language, 99), d.language))
            for name, decks in sorted(groups.items())}


def require_tool(name: str) -> str:
    """Return the path of program ``name``; ToolMissingError with the install command if it is absent."""
    found = shutil.which(name)
    if found is None:
        raise ToolMissingError(f"{name} is needed for previews but is not installed ({_HINTS.get(name, name)})")
    return found


def render_pdfs(decks: list[DeckFile], work: Path) -> dict[str, Path]:
    """Return a PDF per deck key, converted by one LibreOffice call."""
    soffice = require_tool("soffice")
    links = work / "in"
    links.mkdir(parents=True, exist_ok=True)
    for deck in decks:  # unique names: the same file name exists once per language
        (links / f"{deck.key}.pptx").symlink_to(deck.path.resolve())
    profile = f"-env:UserInstallation=file:///tmp/kitgen-lo-{os.getpid()}"
    command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work / "pdf"),
               *sorted(str(p) for p in links.iterdir())]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    pdfs = {deck.key: work / "pdf" / f"{deck.key}.pdf" for deck in decks}
    missing = [key for key, pdf in pdfs.items() if not pdf.is_file()]
    if done.returncode or missing:
        raise RenderError(f"LibreOffice could not convert {', '.join(missing) or 'the decks'}: "
                          f"{done.stderr.strip()[-400:]}")
    return pdfs


def slide_pngs(pdf: Path, work: Path) -> list[Path]:
    """Return one PNG per page of ``pdf``, in page order."""
    prefix = work / "png" / pdf.stem
    prefix.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([require_tool("pdftoppm"), "-png", "-r", str(RESOLUTION), str(pdf), str(prefix)],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise RenderError(f"pdftoppm failed on {pdf.name}: {done.stderr.strip()[-400:]}")
    return sorted(prefix.parent.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def deck_findings(deck: DeckFile) -> dict[int, list[str]]:
    """Return overflow findings by slide number: from the build manifest if it lists the deck, else measured."""
    manifest = deck.path.parent.parent / "manifest.json"
    if manifest.is_file():
        relative = f"{deck.path.parent.name}/{deck.path.name}"
        entry = next((d for d in json.loads(manifest.read_text("utf-8")).get("decks", [])
                      if d.get("file") == relative and "fit_findings" in d), None)
        if entry is not None:
            found: dict[int, list[str]] = {}
            for f in entry["fit_findings"]:  # a chart's labels cut off say so instead of an overflow
                problem = f.get("problem") or f"overflows by {f['overflow_in']:.2f} in"
                found.setdefault(int(f["slide"]), []).append(f"'{f['shape']}' {problem}")
            return found
    return measured_findings(deck.path)


def measured_findings(path: Path) -> dict[int, list[str]]:
    """Return text shapes whose text overflows at its current size, by slide number."""
    prs = Presentation(str(path))
    fonts = ThemeFonts(*theme_fonts(prs.slide_master))
    found: dict[int, list[str]] = {}
    for number, slide in enumerate(prs.slides, 1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip() and shape.width and shape.height:
                result = check_shape(shape, fonts)
                if not result.fits:
                    found.setdefault(number, []).append(
                        f"'{shape.name}' overflows by {result.overflow_pt / 72:.2f} in")
    return found


def build_rows(decks: list[DeckFile], pictures: dict[str, list[str]]) -> list[SheetRow]:
    """Return one row per slide number with each language's picture and findings."""
    count = max((len(pictures.get(d.key, [])) for d in decks), default=0)
    rows = [SheetRow(n) for n in range(1, count + 1)]
    for deck in decks:
        findings = deck_findings(deck)
        for row in rows:
            if row.number <= len(pictures.get(deck.key, [])):
                row.pictures[deck.language] = pictures[deck.key][row.number - 1]
            row.findings[deck.language] = findings.get(row.number, [])
    return rows


def sheet_html(name: str, languages: list[str], rows: list[SheetRow]) -> str:
    """Return the HTML review sheet of deck ``name``."""
    head = "".join(f"<th>{html.escape(lang.upper())}</th>" for lang in languages)
    body = "\n".join(f"<tr><th>{row.number}</th>{''.join(_cell(row, lang) for lang in languages)}</tr>"
                     for row in rows)
    total = sum(len(row.findings.get(lang, [])) for row in rows for lang in languages)
    return _PAGE.format(title=html.escape(name), head=head, body=body,
                        summary=f"{len(rows)} slides, {total} overflow finding(s)")


def _cell(row: SheetRow, lang: str) -> str:
    picture = row.pictures.get(lang)
    image = f'<img src="{html.escape(picture)}" alt="slide {row.number} {lang}">' if picture else "<em>no slide</em>"
    findings = row.findings.get(lang, [])
    badges = "".join(f'<span class="badge">{html.escape(text)}</span>' for text in findings)
    return f'<td class="{"overflow" if findings else "ok"}">{image}{badges}</td>'


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}: side-by-side review</title>
<style>
body {{ font-family: sans-serif; margin: 1em; }} table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #ccc; padding: 4px; vertical-align: top; }} img {{ width: 100%; display: block; }}
td {{ width: 32%; }} td.overflow {{ outline: 3px solid #c0392b; }}
.badge {{ display: inline-block; margin-top: 3px; padding: 2px 6px; border-radius: 8px; background: #c0392b;
  color: #fff; font-size: 12px; }}
</style></head><body>
<h1>{title}</h1><p>{summary}</p>
<table><tr><th>#</th>{head}</tr>
{body}
</table></body></html>
"""


def write_preview_sheets(paths: list[Path], out_dir: Path) -> list[Path]:
    """Return the review sheets written to ``out_dir/preview/``, one per deck name."""
    groups = group_decks(paths)
    decks = [deck for group in groups.values() for deck in group]
    sheets = []
    with tempfile.TemporaryDirectory(prefix="kitgen-preview-") as temp:
        work = Path(temp)
        pdfs = render_pdfs(decks, work)
        pictures: dict[str, list[str]] = {}
        for deck in decks:
            pictures[deck.key] = _publish(slide_pngs(pdfs[deck.key], work), out_dir / "preview", deck)
        for name, group in groups.items():
            rows = build_rows(group, pictures)
            sheet = out_dir / "preview" / f"{name}.html"
            write_atomic(sheet, sheet_html(name, [d.language for d in group], rows).encode())
            sheets.append(sheet)
    return sheets


def _publish(pngs: list[Path], folder: Path, deck: DeckFile) -> list[str]:
    """Copy slide pictures into ``folder/<deck name>/`` and return their paths relative to ``folder``."""
    relative = []
    for number, png in enumerate(pngs, 1):
        target = Path(deck.name) / f"{deck.language}-{number:03d}.png"
        write_atomic(folder / target, png.read_bytes())
        relative.append(target.as_posix())
    return relative
