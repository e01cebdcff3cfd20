"""LibreOffice headless converts one built deck per language with one PDF page per slide."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import QUEBEC_RETAILER
from pptx import Presentation

from generator.check.render import pdf_page_count

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]
DECKS = ("en/CA-market-meeting.pptx", f"fr/{QUEBEC_RETAILER}-partner-kit.pptx", "es/MX-market-meeting.pptx")


@pytest.fixture(scope="module")
def pdfs(reduced_build, tmp_path_factory) -> dict[str, Path]:
    """Return {deck: its PDF}, converted by a single soffice call with a private profile."""
    _, out = reduced_build
    work = tmp_path_factory.mktemp("libreoffice")
    copies = []
    for deck in DECKS:  # distinct names: the PDFs land side by side in one folder
        copy = work / deck.replace("/", "_")
        copy.write_bytes((out / deck).read_bytes())
        copies.append(str(copy))
    command = [shutil.which("soffice"), "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}",
               "--convert-to", "pdf", "--outdir", str(work / "pdf"), *copies]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    converted = {deck: work / "pdf" / (deck.replace("/", "_").removesuffix(".pptx") + ".pdf") for deck in DECKS}
    missing = [deck for deck, pdf in converted.items() if not pdf.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stderr or result.stdout}"
    return converted


@pytest.mark.parametrize("deck", DECKS)
def test_one_pdf_page_per_slide(reduced_build, pdfs, deck):
    _, out = reduced_build
    slides = len(Presentation(io.BytesIO((out / deck).read_bytes())).slides)
    assert pdf_page_count(pdfs[deck]) == slides
