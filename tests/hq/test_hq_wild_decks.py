"""Finished decks kitgen did not make (../shared/decks-in-the-wild) and the sample HQ decks: every one
extracts, round-trips unchanged with an identity translation, and localizes into a valid deck."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from generator.check import check_deck
from generator.check.render import pdf_page_count
from generator.fit import Fitter, ThemeFonts, check_shape
from generator.hq import Localization, localize_text, read_deck, text_outline
from generator.hq.copies import TOLERANCE_PT, localize_presentation
from generator.template import theme_fonts
from hq_helpers import SAMPLE_HQ, WILD_DECKS, pseudo

DECKS = WILD_DECKS + SAMPLE_HQ
needs_wild = pytest.mark.skipif(not WILD_DECKS, reason="../shared/decks-in-the-wild is not here")


def _open(path: Path):
    return Presentation(io.BytesIO(path.read_bytes()))


def _saved(prs) -> bytes:
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _problems(data: bytes) -> set[str]:
    return {str(p) for p in check_deck(data, schema=False)}


@needs_wild
def test_the_wild_decks_are_all_here():
    assert {p.name for p in WILD_DECKS} >= {"SampleShow.pptx", "aptia.pptx", "geometry-lecture.pptx",
                                            "smartart-simple.pptx", "table-with-theme.pptx", "line-chart.pptx",
                                            "sample_pptx_grouping_issues.pptx"}


@needs_wild
def test_every_kind_of_text_is_read():
    kinds = {p.name: {u.kind for u in read_deck(_open(p)).units} for p in WILD_DECKS}
    assert "diagram" in kinds["smartart-simple.pptx"]  # SmartArt text from the diagram data part
    assert "chart" in kinds["line-chart.pptx"]
    assert "table" in kinds["table-with-theme.pptx"]
    assert "notes" in kinds["SampleShow.pptx"]
    assert kinds["sample_pptx_grouping_issues.pptx"] == set()  # its nested groups hold empty paragraphs only


def test_reading_order_of_the_sample_training_deck():
    training = next(p for p in SAMPLE_HQ if p.name == "product-training.pptx")
    units = read_deck(_open(training)).units
    chart = [(u.where, u.plain) for u in units if u.kind == "chart"]
    assert chart == [("title", "Unités par version, premier trimestre"), ("catAx title 1", "Version"),
                     ("valAx title 1", "Unités vendues"), ("series 1 name", "Unités"), ("category 1", "Acier"),
                     ("category 2", "Or rose"), ("category 3", "Bicolore")]
    table = [u.where for u in units if u.kind == "table"]
    assert table[:4] == ["cell r1c1 paragraph 1", "cell r1c2 paragraph 1", "cell r1c3 paragraph 1",
                         "cell r2c1 paragraph 1"]
    grouped = [u.text for u in units if u.slide == 5 and u.kind == "text"]
    assert grouped[1] == "<g1>Étape 1 : </g1>Présenter la phase de lune"
    assert [u.slide for u in units if u.kind == "notes"] == [2, 3, 5]


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_identity_round_trip_leaves_text_and_formatting_unchanged(path):
    source = path.read_bytes()
    prs = _open(path)
    before = text_outline(prs)
    localize_text(read_deck(prs), Localization(path.name, "en", lambda unit: unit.text))
    data = _saved(prs)
    assert text_outline(Presentation(io.BytesIO(data))) == before
    assert _problems(data) <= _problems(source)


@pytest.mark.parametrize("path", DECKS, ids=lambda p: p.name)
def test_pseudo_translation_reaches_every_paragraph_and_reports_every_overflow(path):
    prs = _open(path)
    fitter = Fitter(ThemeFonts(*theme_fonts(prs.slide_master)), 0.8, "fr-CA")
    job = Localization(path.name, "fr", lambda unit: pseudo(unit.text), lambda text: text, "fr-CA")
    copy = localize_presentation(prs, job, fitter)
    data = _saved(copy.prs)
    assert not _problems(data) - _problems(path.read_bytes())
    reread = read_deck(Presentation(io.BytesIO(data)))
    assert len(reread.units) == len(copy.text.units)
    assert all(unit.plain.endswith("·") for unit in reread.units), "a paragraph kept its source text"
    reported = {(f.slide, f.shape) for f in copy.findings}
    source = {(u.slide, u.shape, u.where): u for u in read_deck(_open(path)).units}
    for unit in copy.text.units:
        if unit.frame is None or (unit.slide, unit.shape.replace("'", "")) in reported:
            continue
        after = check_shape(unit.frame, fitter.fonts)
        if after.fits:
            continue
        before = check_shape(source[(unit.slide, unit.shape, unit.where)].frame, fitter.fonts)
        assert not before.fits and after.overflow_pt <= before.overflow_pt + TOLERANCE_PT, \
            f"slide {unit.slide} {unit.shape} overflows by {after.overflow_pt:.1f} pt and is not reported"


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_localized_copies_render_one_page_per_slide(tmp_path):
    copies, slides = [], {}
    for path in DECKS:
        prs = _open(path)
        fitter = Fitter(ThemeFonts(*theme_fonts(prs.slide_master)), 0.8, "es-MX")
        job = Localization(path.name, "es", lambda unit: pseudo(unit.text), lambda text: text, "es-MX")
        copy = tmp_path / f"{path.stem}.es.pptx"
        copy.write_bytes(_saved(localize_presentation(prs, job, fitter).prs))
        copies.append(str(copy))
        slides[copy.stem] = len(prs.slides)
    command = [shutil.which("soffice"), "--headless", "--norestore",
               f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to", "pdf",
               "--outdir", str(tmp_path / "pdf"), *copies]
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    pages = {stem: pdf_page_count(tmp_path / "pdf" / f"{stem}.pdf")
             if (tmp_path / "pdf" / f"{stem}.pdf").is_file() else None for stem in slides}
    assert pages == slides
