"""python-pptx must read back what we write: open the deck and walk every shape."""

from __future__ import annotations

from io import BytesIO

import pptx

from generator.check.problem import PACKAGE, Problem


def reopen_problems(label: str, data: bytes) -> list[Problem]:
    """Return a problem if python-pptx cannot open the deck and list its slides' shapes."""
    try:
        presentation = pptx.Presentation(BytesIO(data))
        for slide in presentation.slides:
            for shape in slide.shapes:
                _ = (shape.shape_id, shape.name, shape.shape_type)
    # python-pptx raises anything from KeyError to ValueError on a bad package;
    # each of them means the same thing to the user: the deck cannot be read back.
    except Exception as exc:  # noqa: BLE001
        kind = type(exc).__name__
        return [Problem(label, PACKAGE, f"python-pptx cannot reopen the deck: {kind}: {exc}")]
    return []
