"""Text and data safety: hostile strings and non-finite numbers in a season's data build a
deck that opens without repair, with cleaned text and no formula in a chart's workbook."""

from __future__ import annotations

import io
import math
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from generator.build.pipeline import BuildOptions, build_season
from generator.charts.model import Series
from generator.check import check_deck
from generator.fill.native_chart import chart_data
from generator.fill.shapes import Look, add_table
from generator.fill.text import ZERO_WIDTH_SPACE, clean_chart, clean_text, safe_chart_label
from generator.geometry import Box
from generator.resolve.content import ChartContent, TableContent

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_NAMES = ["Bell\x07erive", "Two\r\nLines", "Non\ufffechar", '=HYPERLINK("http://x.example","y")',
                 "+1 Door", "-2 Door", "@x Door"]
FORBIDDEN = ["\x07", "\r", "\ufffe", "\ud800"]

SEASON = """\
season: {code: FW26, name: Fall-Winter 2026, start: 2026-07-01, end: 2026-12-31}
maison: {name: Maison Orvelle}
template:
  path: ../templates/orvelle_master.pptx
  profile: ../templates/orvelle_master.profile.yaml
brand: ../brand_assets/brand.yaml
sources:
  retailers: {path: retailers.csv, dtypes: {retailer_id: str}}
  sales: {path: sales.csv, dtypes: {retailer_id: str, month: date, sellout_value: float},
          na_values: [nan], date_column: month}
retailers: retailers
kpis: {sales: sales}
regions:
  - {id: CA, name: Canada, languages: [en], locales: {en: en_CA}, currency: CAD}
decks:
  - {name: meeting, spec: meeting.yaml, audience: region}
"""

CHART = """\
      type: bar
      data:
        source: sales
        period: season
        group_by: [retailer_name]
        aggregate: {sellout_value: sum}
      x: retailer_name
      series: [{column: sellout_value, label: "=SUM(A1:A9)"}]
"""

DECK = f"""\
title: "Safety"
slides:
  - role: table
    title: Doors
    table:
      data: {{source: retailers}}
      columns:
        - {{column: name, label: Door}}
        - {{column: city, label: City}}
  - role: chart
    title: Picture chart
    chart:
{CHART}
  - role: chart
    title: Native chart
    chart:
      render: native
{CHART}
"""


def _csv_field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _write_season(folder: Path) -> Path:
    retailers = ["retailer_id,name,city,region_id,tier"]
    sales = ["month,retailer_id,collection,sellout_units,sellout_value"]
    values = ["nan", "-0", "-5", "1200", "", "900", "450"]  # inf is refused when read (tests/data/test_coverage.py)
    for number, (name, value) in enumerate(zip(HOSTILE_NAMES, values)):
        rid = f"00310{number}"
        retailers.append(f"{rid},{_csv_field(name)},{_csv_field('-Laval' if number else '@Quebec')},CA,focus")
        sales.append(f"2026-08-01,{rid},Solenne,1,{value}")
        # every month the figures read is in the data (a missing one is an error, not a silent zero)
        sales += [f"{month},{rid},Solenne,1,100" for month in pd.date_range("2025-07-01", "2026-07-01", freq="MS")
                  .strftime("%Y-%m-%d")]
    (folder / "retailers.csv").write_text("\n".join(retailers) + "\n", encoding="utf-8")
    (folder / "sales.csv").write_text("\n".join(sales) + "\n", encoding="utf-8")
    (folder / "season.yaml").write_text(SEASON, encoding="utf-8")
    (folder / "meeting.yaml").write_text(DECK, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_deck(tmp_path_factory) -> Path:
    """Return the one deck built from the hostile season."""
    project = tmp_path_factory.mktemp("hostile_project")
    (project / "pyproject.toml").write_text("", encoding="utf-8")  # marks the project folder specs stay inside
    for shared in ("templates", "brand_assets"):
        shutil.copytree(ROOT / shared, project / shared)  # copies: a link out of the project is refused
    (project / "season").mkdir()
    season = _write_season(project / "season")
    out = tmp_path_factory.mktemp("hostile_out")
    result = build_season(season, BuildOptions(out_dir=out))
    assert [d.job.output for d in result.decks] == ["en/meeting.pptx"]
    return out / "en" / "meeting.pptx"


def test_hostile_data_builds_a_deck_that_passes_every_check(hostile_deck):
    assert check_deck(hostile_deck, schema=True) == []


def test_table_cells_are_cleaned(hostile_deck):
    table = next(s for s in Presentation(hostile_deck).slides[0].shapes if s.has_table).table
    cells = [cell.text for row in table.rows for cell in row.cells]
    assert "Bellerive" in cells and "Nonchar" in cells
    assert not any(bad in cell for cell in cells for bad in FORBIDDEN)


def test_native_chart_workbook_holds_text_not_formulas(hostile_deck):
    prs = Presentation(hostile_deck)
    frame = next(s for s in prs.slides[2].shapes if s.has_chart)
    workbook = openpyxl.load_workbook(io.BytesIO(frame.chart.part.chart_workbook.xlsx_part.blob))
    cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value is not None]
    assert cells and all(cell.data_type != "f" for cell in cells)
    labels = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert ZERO_WIDTH_SPACE + "=SUM(A1:A9)" in labels
    assert all(not label.startswith(("=", "+", "-", "@")) for label in labels)


def test_picture_chart_alt_text_is_clean(hostile_deck):
    with zipfile.ZipFile(hostile_deck) as package:
        slide = package.read("ppt/slides/slide2.xml").decode()
    assert "Bellerive" in slide and "Nonchar" in slide
    assert not any(bad in slide for bad in FORBIDDEN)


def test_clean_text_removes_what_breaks_xml():
    assert clean_text("a\x07b\r\nc\rd\ufffee\ud800f\uffff") == "ab\nc\nde" + "f"
    assert clean_text("tab\tand\nnewline stay") == "tab\tand\nnewline stay"


@pytest.mark.parametrize("label", ['=HYPERLINK("http://x","y")', "+1", "-2", "@x", "{=A1}", "http://x.example",
                                   "mailto:a@b.example", "\tindent"])
def test_safe_chart_label_keeps_spreadsheet_active_text_as_text(label):
    safe = safe_chart_label(label)
    assert safe.startswith(ZERO_WIDTH_SPACE) and safe[1:] == clean_text(label)


def test_safe_chart_label_leaves_plain_labels_alone():
    assert safe_chart_label("Solenne") == "Solenne"
    assert safe_chart_label("Bell\x07erive\ud800") == "Bellerive"


def test_native_chart_data_turns_nan_and_infinity_into_gaps_and_cleans_labels():
    chart = ChartContent("bar", ("=A1", "ok\x07", "lone\ud800"),
                         (Series("=B1", (1.0, math.nan, math.inf)),))
    data = chart_data(chart, "General")
    assert [c.label for c in data.categories] == [ZERO_WIDTH_SPACE + "=A1", "ok", "lone"]
    series = list(data)[0]
    assert series.name == ZERO_WIDTH_SPACE + "=B1"
    assert list(series.values) == [1.0, None, None]


def test_table_content_with_lone_surrogate_fills_a_valid_table():
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    table = TableContent(("Door\ud800", "Value"), (("A\x07", "nan"), ("=1+1", "-inf")), (False, True))
    look = Look("#101B2D", "#B08D57", "#F6F1E8", "#A39E93", "#5B6472", "#3E7B58", "#A23B3B", "Cambria", "Calibri")
    shape = add_table(slide, table, Box(0, 0, 5_000_000, 2_000_000), look, "en-US")
    texts = [cell.text for row in shape.table.rows for cell in row.cells]
    assert texts == ["Door", "Value", "A", "nan", "=1+1", "-inf"]


def test_clean_chart_cleans_every_word_that_reaches_the_picture():
    chart = ChartContent("bar", ("a\x07", "b\ufffe"), (Series("s\r\nt", (1.0, 2.0)),), title="t\x00")
    cleaned = clean_chart(chart)
    assert cleaned.categories == ("a", "b") and cleaned.series[0].name == "s\nt" and cleaned.title == "t"
