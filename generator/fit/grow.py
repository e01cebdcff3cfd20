"""Step text up to the room it has: a few bullets in a large body box are set larger, not left
in the top third of the slide at the layout's default size."""

from __future__ import annotations

from pptx.oxml.ns import qn

from generator.fit.measure import text_height, too_wide_word
from generator.fit.style import ThemeFonts, area, paragraphs, txbody_chain

GROW_STEP = 0.05
FILL_SHARE = 0.7  # grown text takes at most this share of its box: the rest is the slide's air


def growth(shape, fonts: ThemeFonts, max_scale: float, fill: float = FILL_SHARE) -> float:
    """Return the largest scale (1.0 up to ``max_scale``, in 5 % steps) at which the text of ``shape``
    takes at most ``fill`` of the box's height and breaks no word (nothing is written)."""
    room = area(shape, txbody_chain(shape))
    items = paragraphs(shape, fonts)
    if not items or not any(p.text.strip() for p in items):
        return 1.0
    scale = 1.0
    while scale + GROW_STEP <= max_scale + 1e-9:
        candidate = scale + GROW_STEP
        height, _ = text_height(items, room.width, candidate)
        if height > fill * room.height or too_wide_word(items, room.width, candidate):
            break
        scale = candidate
    return round(scale, 2)


def grow_shape(shape, fonts: ThemeFonts, max_scale: float, fill: float = FILL_SHARE) -> float:
    """Return the scale the text of ``shape`` was grown to (see :func:`growth`; ``max_scale`` caps it).

    Every run gets its size written and the paragraphs are spaced towards ``fill`` of the box; 1.0
    (nothing written) when the text already uses the room. Fit the shape afterwards as any other:
    growing never makes it overflow. Shapes shown side by side are grown to the smallest of their
    ``growth`` (pass it as ``max_scale``), so they keep one size.
    """
    scale = growth(shape, fonts, max_scale, fill)
    if scale <= 1.0:
        return 1.0
    room = area(shape, txbody_chain(shape))
    items = paragraphs(shape, fonts)
    _write_sizes(shape, [p.size for p in items], scale)
    height, _ = text_height(items, room.width, scale)
    _space_out(shape, items, scale, fill * room.height - height)
    return scale


def _space_out(shape, items: list, scale: float, spare: float) -> None:
    """Add room between paragraphs (up to one line each) when grown text still leaves ``spare`` points."""
    gaps = len(items) - 1
    if gaps < 1 or spare <= 0:
        return
    line = max(p.size for p in items) * scale
    extra = min(spare / gaps, line)
    for index, (p, item) in enumerate(zip(shape.text_frame._txBody.findall(qn("a:p")), items)):
        if index:
            _set_space_before(p, item.space_before + extra)


def _set_space_before(p, points: float) -> None:
    ppr = p.get_or_add_pPr()
    for old in ppr.findall(qn("a:spcBef")):
        ppr.remove(old)
    spacing = ppr.makeelement(qn("a:spcBef"), {})
    spacing.append(spacing.makeelement(qn("a:spcPts"), {"val": str(int(points * 100))}))
    line_spacing = ppr.find(qn("a:lnSpc"))  # the schema orders lnSpc, spcBef, spcAft, then the rest
    ppr.insert(0 if line_spacing is None else list(ppr).index(line_spacing) + 1, spacing)


def _write_sizes(shape, sizes: list[float], scale: float) -> None:
    body = shape.text_frame._txBody
    for p, size in zip(body.findall(qn("a:p")), sizes):
        for rpr in p.iter(qn("a:rPr"), qn("a:endParaRPr")):
            own = int(rpr.get("sz")) / 100 if rpr.get("sz") else size
            rpr.set("sz", str(int(round(own * scale * 2)) * 50))  # to the half point
