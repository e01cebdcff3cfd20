"""Fit the text of filled shapes: measure, shrink uniformly down to the profile's floor,
write the sizes, and record what still overflows.

Why explicit sizes and ``<a:noAutofit/>`` rather than ``<a:normAutofit fontScale=.../>``:
LibreOffice 7.4 ignores ``fontScale`` and runs its own, more aggressive shrink whenever
``normAutofit`` is present (even on text that already fits), while PowerPoint multiplies
``fontScale`` with explicit run sizes. Writing the computed size on every run and turning
autofit off is the one encoding both applications render identically.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from lxml import etree
from pptx.oxml.ns import qn

from generator.fit.breaks import give_breaks
from generator.fit.measure import Area, FitResult, Paragraph, fit_paragraphs
from generator.fit.style import ThemeFonts, area, paragraphs, txbody_chain
from generator.fit.widows import tie_title

_AUTOFIT_TAGS = ("a:noAutofit", "a:normAutofit", "a:spAutoFit")
_T = qn("a:t")


@dataclass(frozen=True)
class FitFinding:
    """Text that overflows its box even at the smallest allowed scale, or chart labels cut off."""

    slide: int
    shape: str
    language: str
    overflow_pt: float
    scale: float
    deck: str = ""
    problem: str = ""  # said instead of the overflow (a chart picture's labels cut off)
    layout: str = ""  # the slide's layout: a box too small for its text is reported once per layout

    def __str__(self) -> str:
        where = f"{self.deck}: " if self.deck else ""
        return f"{where}slide {self.slide} '{self.shape}' ({self.language}): {self.said}"

    @property
    def said(self) -> str:
        """Return the problem in words, without where it is."""
        return self.problem or f"text overflows by {self.overflow_pt / 72:.2f} in at {round(self.scale * 100)} %"

    def as_dict(self) -> dict:
        """Return the finding as JSON-ready values."""
        return {"slide": self.slide, "shape": self.shape, "language": self.language,
                "overflow_in": round(self.overflow_pt / 72, 3), "scale": self.scale, "problem": self.problem,
                "message": str(self)}


@dataclass
class Fitter:
    """Fits every text shape of one deck and collects the findings."""

    fonts: ThemeFonts
    min_scale: float
    language: str
    findings: list[FitFinding] = field(default_factory=list)
    seconds: float = 0.0
    shapes: int = 0
    layout: str = ""  # layout of the slide being filled, named in its findings

    def fit_shape(self, shape, slide: int, label: str) -> FitResult:
        """Return how the text of ``shape`` fits; shrink it when needed and record an overflow.

        An e-mail address or URL still too wide for its line at the floor gets the break
        opportunities typesetting gives it (``fit.breaks``), and the text is fitted again. A title's
        last two words are tied first (``fit.widows``): it never wraps onto a line of one word.
        """
        started = time.perf_counter()
        tie_title(shape)
        room = area(shape, txbody_chain(shape))
        items = paragraphs(shape, self.fonts)
        result = fit_paragraphs(items, room, self.min_scale)
        while result.broken_word and give_breaks(shape._element.iter(_T), result.broken_word):
            items = paragraphs(shape, self.fonts)
            result = fit_paragraphs(items, room, self.min_scale)
        write_scale(shape.text_frame, [p.size for p in items], result.scale)
        self.record(result, slide, label)
        self.seconds += time.perf_counter() - started
        self.shapes += 1
        return result

    def fit(self, items: list[Paragraph], room: Area) -> FitResult:
        """Return how ``items`` fit ``room`` (no shape written; for tables and planning)."""
        started = time.perf_counter()
        result = fit_paragraphs(items, room, self.min_scale)
        self.seconds += time.perf_counter() - started
        return result

    def note(self, slide: int, label: str, problem: str) -> None:
        """Add a finding about text the fitter cannot shrink (chart labels drawn into a picture)."""
        self.findings.append(FitFinding(slide, label, self.language, 0.0, 1.0, problem=problem, layout=self.layout))

    def record(self, result: FitResult, slide: int, label: str) -> None:
        """Add a finding when ``result`` overflows or would break a word."""
        if result.fits:
            return
        problem = "" if result.overflow_pt > 0 else (
            f"the word '{result.broken_word}' is wider than the box at {round(result.scale * 100)} %")
        self.findings.append(FitFinding(slide, label, self.language, round(result.overflow_pt, 2), result.scale,
                                        problem=problem, layout=self.layout))


def check_shape(shape, fonts: ThemeFonts) -> FitResult:
    """Return how the text of ``shape`` fits at its current sizes (nothing is changed)."""
    return fit_paragraphs(paragraphs(shape, fonts), area(shape, txbody_chain(shape)), 1.0)


def write_scale(frame, sizes: list[float], scale: float) -> None:
    """Set every run of ``frame`` to its paragraph's size times ``scale`` and switch autofit off."""
    body = frame._txBody.find(qn("a:bodyPr"))
    for tag in _AUTOFIT_TAGS:
        for node in body.findall(qn(tag)):
            body.remove(node)
    _insert_autofit(body)
    if scale >= 1.0:
        return
    for p, size in zip(frame._txBody.findall(qn("a:p")), sizes):
        for rpr in p.iter(qn("a:rPr"), qn("a:endParaRPr")):
            own = int(rpr.get("sz")) / 100 if rpr.get("sz") else size
            rpr.set("sz", str(int(round(own * scale * 100))))


def _insert_autofit(body) -> None:
    """Add ``<a:noAutofit/>`` where the schema wants it (before scene3d/sp3d/flatTx/extLst)."""
    node = etree.Element(qn("a:noAutofit"))
    later = [c for c in body if c.tag in {qn("a:scene3d"), qn("a:sp3d"), qn("a:flatTx"), qn("a:extLst")}]
    if later:
        later[0].addprevious(node)
    else:
        body.append(node)
