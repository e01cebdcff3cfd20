"""The Google-Slides-style master the project makes to try foreign masters."""

from __future__ import annotations

from generator.template.inspect import inspect_template
from generator.tools.google_master import LAYOUTS, build_google_master


def test_layouts_are_named_and_typed_as_google_slides_exports_them(tmp_path):
    info = inspect_template(build_google_master(tmp_path / "g.pptx"))
    assert [layout.name for layout in info.layouts] == [name for name, _ in LAYOUTS]
    assert info.fonts == ("Arial", "Arial")
    assert {ph.type for layout in info.layouts for ph in layout.placeholders} == {"title", "body", "sldNum"}
    assert info.slide_size == (9144000, 5143500)
