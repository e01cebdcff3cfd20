"""Golden output: the reduced sample build's normalized outline, committed as JSON and diffed.

The outline holds, per deck and slide, the layout, every shape (kind, name, box in hundredths of
an inch), its texts and its chart data (kitgen's alt text for pictures, the series of native
charts): what a reviewer sees, not the bytes. A change to it is either a regression or a change
made on purpose; ``make golden`` rewrites the file for the second kind, and the diff is reviewed
in the commit.
"""

from __future__ import annotations

import difflib
import io
import json
import os
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from generator.delivery.outline import presentation_outline

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "reduced-outline.json"
UPDATE = "KITGEN_UPDATE_GOLDEN"


def _kind(shape) -> str:
    if shape.is_placeholder:
        return "placeholder"
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        return "group"
    if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
        return "picture"
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return "chart"
    if getattr(shape, "has_table", False) and shape.has_table:
        return "table"
    return "textbox" if shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX else "shape"


def _inches(value) -> float:
    return round(Emu(value or 0).inches, 2)


def _shape(shape) -> str:
    box = ",".join(f"{_inches(v)}" for v in (shape.left, shape.top, shape.width, shape.height))
    return f"{_kind(shape)} {shape.name!r} @ {box}"


def deck_outline(data: bytes) -> list[dict]:
    """Return the normalized outline of one deck's bytes, a dict per slide."""
    prs = Presentation(io.BytesIO(data))
    slides = []
    for slide, seen in zip(prs.slides, presentation_outline(prs)):
        slides.append({"layout": seen.layout, "shapes": [_shape(s) for s in slide.shapes],
                       "texts": list(seen.texts), "charts": list(seen.charts)})
    return slides


def season_outline(result, out: Path) -> dict[str, list[dict]]:
    """Return {deck path: outline} of every deck of a build, sorted by path."""
    return {d.job.output: deck_outline((out / d.job.output).read_bytes())
            for d in sorted(result.decks, key=lambda d: d.job.output)}


def _dump(outline: dict) -> str:
    return json.dumps(outline, ensure_ascii=False, indent=1) + "\n"


def test_reduced_build_matches_the_golden_outline(reduced_build):
    result, out = reduced_build
    now = _dump(season_outline(result, out))
    if os.environ.get(UPDATE):
        GOLDEN.write_text(now, encoding="utf-8")
    assert GOLDEN.is_file(), f"no golden outline yet: run `make golden` to write {GOLDEN.name}"
    golden = GOLDEN.read_text(encoding="utf-8")
    if now != golden:
        diff = "".join(list(difflib.unified_diff(golden.splitlines(True), now.splitlines(True),
                                                 "golden", "this build", n=1))[:200])
        raise AssertionError("the reduced build's outline changed; if on purpose, run `make golden` "
                             f"and commit the JSON with the change:\n{diff}")
