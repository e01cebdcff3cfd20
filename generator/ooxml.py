"""Small helpers on python-pptx's XML and packages, shared by the template, fill and fit stages.

python-pptx answers placeholder questions with an XPath on each call and finds free part
names by walking the whole package; the build asks thousands of times, so these answers
come from ``find`` on precomputed tag names and from records kept on the package.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from pptx.oxml.ns import qn

T = TypeVar("T")

_NV_PR_PH = f"{qn('p:nvPr')}/{qn('p:ph')}"


def placeholder_of(element):
    """Return the ``p:ph`` element of a shape element, or None when the shape is no placeholder.

    Read where python-pptx reads it: in the shape's first child (its ``p:nv*Pr``).
    """
    return element[0].find(_NV_PR_PH) if len(element) else None


def package_record(package, name: str, make: Callable[[object], T]) -> T:
    """Return the record ``name`` kept on ``package``, made by ``make(package)`` on first use.

    The record lives on the package itself: its parts point back at the package, so a
    module-level table (even a weak one) would keep every deck a worker builds in memory.
    """
    assert name.startswith("_kitgen_"), name  # so forget_package_records finds it
    record = getattr(package, name, None)
    if record is None:
        record = make(package)
        setattr(package, name, record)
    return record


def forget_package_records(package) -> None:
    """Drop every record :func:`package_record` keeps on ``package`` (after parts were added behind its back)."""
    for name in [n for n in vars(package) if n.startswith("_kitgen_")]:
        delattr(package, name)
