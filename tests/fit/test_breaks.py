"""E-mail addresses and URLs too wide for their line break where typesetting breaks them
(after '@' and '/', before '.', never at a hyphen), as PowerPoint and LibreOffice lay them out."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from generator.fill.shapes import add_textbox
from generator.fit import Fitter, ThemeFonts, metrics, wrap
from generator.fit.breaks import is_address, with_breaks
from generator.fit.fonts import font_file
from generator.geometry import EMU_PER_INCH, Box

ZW, WJ = "\u200b", "\u2060"
ADDRESS = "hannah.nguyen@linden-aldridge.example.com"
FONTS = ThemeFonts("Calibri", "Calibri")
needs_carlito = pytest.mark.skipif("Carlito" not in (font_file("Calibri") or ""),
                                   reason="Carlito (fonts-crosextra-carlito) is not installed")


def chars(text: str) -> float:
    """One point per shown character: zero-width characters take no room."""
    return float(len(text.replace(ZW, "").replace(WJ, "")))


def test_an_address_breaks_after_at_before_dots_and_never_at_its_hyphen():
    assert with_breaks(ADDRESS) == f"hannah{ZW}.nguyen@{ZW}linden-{WJ}aldridge{ZW}.example{ZW}.com"


def test_a_url_breaks_after_its_slashes_keeping_the_double_slash():
    assert with_breaks("https://orvelle.example.com/fr/boutiques") == \
        f"https://{ZW}orvelle{ZW}.example{ZW}.com/{ZW}fr/{ZW}boutiques"


def test_punctuation_around_an_address_stays_outside_it():
    assert with_breaks("(orvelle.example.com).") == f"(orvelle{ZW}.example{ZW}.com)."


@pytest.mark.parametrize("word", ["Merchandisingverantwortlichkeiten", "2026.01", "sell-through", "1.234,5", "a@b"])
def test_words_that_are_no_address_get_no_breaks(word):
    assert not is_address(word)


def test_lines_end_at_zero_width_spaces_and_not_after_a_joined_hyphen():
    assert wrap(with_breaks(ADDRESS), 20, chars) == [
        f"hannah{ZW}.nguyen@{ZW}", f"linden-{WJ}aldridge{ZW}", f".example{ZW}.com"]


def _textbox(text: str, width_in: float, size: float = 20):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = Box(0, 0, int(width_in * EMU_PER_INCH), int(2 * EMU_PER_INCH))
    return prs, add_textbox(slide, text, box, "en-US", size=size, color="#000000", font="Calibri")


def _text(shape) -> str:
    return "".join(t.text for t in shape._element.iter(qn("a:t")))


@needs_carlito
def test_an_address_too_wide_at_the_floor_breaks_at_its_opportunities_and_is_no_finding():
    width = metrics("Calibri").width("hannah.nguyen@linden-", 20) / 72 + 0.2
    _, shape = _textbox(ADDRESS, width)
    fitter = Fitter(FONTS, 0.8, "en-US")
    result = fitter.fit_shape(shape, 16, "right")
    assert result.fits and result.scale == 1.0 and result.lines_used == 3
    assert _text(shape) == with_breaks(ADDRESS) and fitter.findings == []


@needs_carlito
def test_an_address_that_fits_whole_when_shrunk_is_left_as_written():
    width = metrics("Calibri").width(ADDRESS, 20 * 0.9) / 72 + 0.2
    _, shape = _textbox(ADDRESS, width)
    result = Fitter(FONTS, 0.8, "en-US").fit_shape(shape, 16, "right")
    assert result.fits and result.scale < 1.0 and _text(shape) == ADDRESS


@needs_carlito
def test_a_long_word_that_is_no_address_is_still_reported():
    _, shape = _textbox("Merchandisingverantwortlichkeiten", 2.0)
    fitter = Fitter(FONTS, 0.8, "en-US")
    fitter.fit_shape(shape, 3, "title")
    assert [f.problem for f in fitter.findings] == [
        "the word 'Merchandisingverantwortlichkeiten' is wider than the box at 80 %"]


@needs_carlito
@pytest.mark.libreoffice
@pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                    reason="LibreOffice (soffice) and pdftotext (poppler-utils) are needed")
def test_libreoffice_breaks_the_address_where_the_fitter_measured(tmp_path):
    width = metrics("Calibri").width("hannah.nguyen@linden-", 20) / 72 + 0.2
    prs, shape = _textbox(ADDRESS, width)
    Fitter(FONTS, 0.8, "en-US").fit_shape(shape, 1, "right")
    prs.save(tmp_path / "address.pptx")
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "address.pptx")],
                   capture_output=True, timeout=180, check=True)
    shown = subprocess.run(["pdftotext", str(tmp_path / "address.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout
    lines = [line.replace(ZW, "").replace(WJ, "").strip() for line in shown.splitlines() if line.strip()]
    assert lines == ["hannah.nguyen@", "linden-aldridge.example", ".com"]
