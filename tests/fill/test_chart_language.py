"""A native chart's text is tagged with the deck's language, never python-pptx's en-US."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import pytest
from pptx import Presentation

from generator.charts import Series
from generator.check import check_deck
from generator.fill import NativeLook, add_native_chart
from generator.geometry import EMU_PER_INCH, Box
from generator.resolve import ChartContent

BOX = Box(EMU_PER_INCH, EMU_PER_INCH, 8 * EMU_PER_INCH, 4 * EMU_PER_INCH)
CHARTS = [ChartContent("bar", ("Solenne", "Veyrac"), (Series("AH26", (1250.0, 980.5)), Series("AH25", (1100.0, 900.0),
                                                                                                 "ly")), "currency"),
          ChartContent("donut", ("Acier", "Or"), (Series("Part", (0.6, 0.4)),), "percent"),
          ChartContent("line", ("juil.", "août"), (Series("Taux", (0.1, 0.2)),), "percent")]


@pytest.mark.parametrize("chart", CHARTS, ids=lambda c: c.kind)
@pytest.mark.parametrize(("locale", "tag"), [("fr_CA", "fr-CA"), ("es_MX", "es-MX"), ("en_CA", "en-CA")])
def test_every_text_property_and_the_chart_carry_the_decks_language(chart, locale, tag):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    add_native_chart(slide, chart, BOX, NativeLook(("#1F2A44", "#B08D57"), "#7A6F66", "Carlito", locale, "CAD"))
    buffer = BytesIO()
    prs.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        xml = next(package.read(n).decode() for n in package.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n))
    assert set(re.findall(r' lang="([^"]+)"', xml)) == {tag}
    assert f'<c:lang val="{tag}"/>' in xml
    assert check_deck(buffer.getvalue(), schema=True) == []  # c:lang where the schema wants it
