"""A localized copy of an HQ deck: same slides, layouts, pictures, animations and master,
the text replaced paragraph by paragraph, marked pictures swapped, text fitted.

Only text whose translation made it overflow is refitted: a shape HQ itself filled past
its edge (PowerPoint's autofit shrinking it on screen) is left as HQ made it unless the
translation overflows it further.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pptx.oxml.ns import qn

from generator.errors import LocalizeError
from generator.fit import FitFinding, Fitter, check_shape, tie_title
from generator.hq.reader import DeckText, PictureTag, read_deck
from generator.hq.translate import Localization, localize_text

#: Return the picture file a marked picture's alt text names for this audience (raise LocalizeError if none).
PictureFinder = Callable[[str], Path]
TOLERANCE_PT = 1.0  # a translation may overflow a shape HQ overfilled by this much more before it is refitted


@dataclass
class LocalizedCopy:
    """A deck localized in memory, with what the build reports about it."""

    prs: object
    text: DeckText
    findings: list[FitFinding] = field(default_factory=list)


def localize_presentation(prs, job: Localization, fitter: Fitter | None = None,
                          pictures: PictureFinder | None = None) -> LocalizedCopy:
    """Return ``prs`` localized as ``job`` says: translated, data tags filled, pictures swapped, text fitted."""
    text = read_deck(prs)
    frames = _frames(text)
    before = {id(frame): check_shape(frame, fitter.fonts) for frame, _ in frames} if fitter else {}
    localize_text(text, job)
    if job.translated:  # the copy in HQ's own language keeps HQ's text as it is
        for frame, _ in frames:
            tie_title(frame)  # a translated title never wraps onto a line of one word
    if pictures is not None:
        for tag in text.pictures:
            _swap(tag, pictures, job)
    if fitter is not None:
        for frame, unit in frames:
            _refit(fitter, frame, unit, before[id(frame)])
    return LocalizedCopy(prs, text, list(fitter.findings) if fitter else [])


def _frames(text: DeckText) -> list[tuple[object, object]]:
    """Return each shape holding translated text once, with its first unit (for its slide and label)."""
    seen: dict[int, tuple[object, object]] = {}
    for unit in text.units:
        if unit.frame is not None and getattr(unit.frame, "has_text_frame", False):
            seen.setdefault(id(unit.frame), (unit.frame, unit))
    return list(seen.values())


def _refit(fitter: Fitter, frame, unit, before) -> None:
    after = check_shape(frame, fitter.fonts)
    if after.fits:
        return
    if not before.fits and after.overflow_pt <= before.overflow_pt + TOLERANCE_PT:
        return  # HQ's own overflow, not the translation's
    fit_and_report(fitter, frame, unit.slide, unit.shape.replace("'", ""))


def fit_and_report(fitter: Fitter, frame, slide: int, label: str) -> None:
    """Shrink the text of ``frame``; report it when it overflows at the floor, or still does once written.

    The sizes written are rounded and the spacing between paragraphs does not shrink: what the
    fitter computed to fit is measured again, so that no overflow goes unreported.
    """
    result = fitter.fit_shape(frame, slide, label)
    if result.fits:
        again = check_shape(frame, fitter.fonts)
        if not again.fits:
            fitter.findings.append(FitFinding(slide, label, fitter.language, round(again.overflow_pt, 2), result.scale))


def _swap(tag: PictureTag, pictures: PictureFinder, job: Localization) -> None:
    """Put the picture the tag names for this audience in place of the one HQ placed."""
    try:
        path = pictures(tag.expression)
    except LocalizeError as exc:
        raise LocalizeError(f"{job.deck}: slide {tag.slide}, picture {tag.shape}: {exc.message}") from exc
    blip = tag.element.find(f"{qn('p:blipFill')}/{qn('a:blip')}")
    if blip is None:
        raise LocalizeError(f"{job.deck}: slide {tag.slide}, picture {tag.shape}: no picture to swap")
    _, rid = tag.slide_part.get_or_add_image_part(str(path))
    old = blip.get(qn("r:embed"))
    blip.set(qn("r:embed"), rid)
    if old and old != rid:
        tag.slide_part.drop_rel(old)  # dropped only when nothing else on the slide uses it
    tag.element.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}").set("descr", path.stem.replace("-", " "))
