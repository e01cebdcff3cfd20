"""A slide's placeholders read straight from its shape tree.

python-pptx answers every placeholder question (is it one? which idx? which type?) with an
XPath on the shape's XML, and its ``slide.placeholders`` collection asks again for each shape
on each lookup: the build's top hot spot. The same answers come from one pass with lxml's
``find`` on precomputed tag names.
"""

from __future__ import annotations

from typing import Iterator

from pptx.oxml.ns import qn
from pptx.shapes.shapetree import _SlidePlaceholderFactory

from generator.ooxml import placeholder_of

_SHAPE_TAGS = frozenset(qn(tag) for tag in ("p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp", "p:pic",
                                            "p:contentPart"))
_SP = qn("p:sp")
_TX_BODY, _T = qn("p:txBody"), qn("a:t")


def placeholder_elements(slide) -> Iterator[tuple[object, int]]:
    """Yield (shape element, placeholder idx) for each placeholder of ``slide``, in document order."""
    for element in list(slide.shapes._spTree):  # a list: callers may remove what they are given
        if element.tag not in _SHAPE_TAGS or not len(element):
            continue
        ph = placeholder_of(element)
        if ph is not None:
            yield element, int(ph.get("idx", "0"))


def slide_placeholder(element, slide):
    """Return python-pptx's placeholder shape for ``element`` of ``slide`` (as ``slide.placeholders`` gives it)."""
    return _SlidePlaceholderFactory(element, slide.placeholders)


def is_empty_placeholder_element(element) -> bool:
    """Return True for a ``p:sp`` placeholder element with no text (no txBody, or only white space).

    The same answer as ``shapes.is_empty_placeholder`` on its python-pptx shape: pictures, tables
    and charts sit in other elements than ``p:sp``, and line breaks and paragraph ends are white space.
    """
    if element.tag != _SP:
        return False
    body = element.find(_TX_BODY)
    return body is None or not "".join(t.text or "" for t in body.iter(_T)).strip()
