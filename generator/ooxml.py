"""Small questions asked of a slide shape's XML, answered once for every stage.

python-pptx answers them with an XPath on each call; the build asks them thousands of
times, so the template, fill and fit stages share these ``find`` lookups on
precomputed tag names instead of each keeping its own.
"""

from __future__ import annotations

from pptx.oxml.ns import qn

_NV_PR_PH = f"{qn('p:nvPr')}/{qn('p:ph')}"


def placeholder_of(element):
    """Return the ``p:ph`` element of a shape element, or None when the shape is no placeholder.

    Read where python-pptx reads it: in the shape's first child (its ``p:nv*Pr``).
    """
    return element[0].find(_NV_PR_PH) if len(element) else None
