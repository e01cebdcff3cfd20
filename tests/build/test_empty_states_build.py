"""A monthly call built on edge data: no empty table, no row against its condition, no raw value on a slide.

The sample season is copied and its data edited: every Canadian door grows against last year in
November (so "Top movers down" has no row), one door sold nothing in November, and no initiative
starts in December (so "Initiatives starting next month" has no row).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from hq_helpers import sample_project
from pptx import Presentation

from generator.cli import cli

MONTH, LAST_YEAR, NEXT_MONTH = "2026-11", "2025-11", "2026-12"
SILENT_DOOR = "003102"  # Maison Frontenac Bijoux, Montréal: no sale in November
RAW = re.compile(r"\bnan\b|\bNone\b|\binf\b|\{\{|\}\}|\{%", re.IGNORECASE)


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _edge_season(folder: Path) -> Path:
    """Return a copy of the sample season whose November and December data are the edge cases above."""
    season = sample_project(folder)
    data = season / "data"
    _, retailers = _rows(data / "retailers.csv")
    canadian = {r["retailer_id"] for r in retailers if r["region_id"] == "CA"}
    header, sales = _rows(data / "sales.csv")
    sales = [r for r in sales if not (r["retailer_id"] == SILENT_DOOR and r["month"].startswith(MONTH))]
    totals: dict[tuple[str, str], float] = defaultdict(float)
    last: dict[str, dict[str, str]] = {}
    for row in sales:
        totals[row["retailer_id"], row["month"][:7]] += float(row["sellout_value"])
        if row["month"].startswith(MONTH):
            last[row["retailer_id"]] = row
    for door in sorted(canadian - {SILENT_DOOR}):
        shortfall = totals[door, LAST_YEAR] - totals[door, MONTH]
        if shortfall >= 0 and door in last:  # one more sale makes the door grow
            sales.append({**last[door], "sellin_units": "0", "sellin_value": "0", "sellout_units": "1",
                          "sellout_value": str(int(shortfall) + 1000)})
    _write(data / "sales.csv", header, sales)
    header, initiatives = _rows(data / "initiatives.csv")
    _write(data / "initiatives.csv", header, [r for r in initiatives if not r["start"].startswith(NEXT_MONTH)])
    return season


@pytest.fixture(scope="module")
def edge_decks(tmp_path_factory) -> dict[str, Presentation]:
    """Return the Canadian monthly calls (en, fr) built on the edge data, by language."""
    folder = tmp_path_factory.mktemp("edge")
    season, out = _edge_season(folder), folder / "out"
    result = CliRunner().invoke(cli, ["build", str(season), "--out", str(out), "--only", "monthly-call", "--region",
                                      "CA", "--as-of", "2026-11-30", "--no-kits", "--no-report", "--no-trackers"])
    assert result.exit_code == 0, result.output
    return {lang: Presentation(out / lang / "CA-monthly-call-2026-11.pptx") for lang in ("en", "fr")}


def _slide(deck: Presentation, title: str):
    found = [s for s in deck.slides if s.shapes.title is not None and _plain(s.shapes.title.text_frame.text) == title]
    assert len(found) == 1, title
    return found[0]


def _plain(text: str) -> str:
    return text.replace("\xa0", " ")  # titles keep their last two words together


def _texts(slide) -> list[str]:
    return [_plain(shape.text_frame.text) for shape in slide.shapes if shape.has_text_frame]


def _tables(slide) -> list:
    return [shape.table for shape in slide.shapes if shape.has_table]


def test_no_table_is_only_a_header(edge_decks):
    for lang, deck in edge_decks.items():
        for number, slide in enumerate(deck.slides, 1):
            for table in _tables(slide):
                assert len(table.rows) > 1, f"{lang} slide {number}: a table with a header and no row"


@pytest.mark.parametrize("lang, title, note", [
    ("en", "Top movers down against last year", "No door declined against last year in November."),
    ("fr", "Plus fortes baisses par rapport à l'an dernier",
     "Aucune boutique n’a reculé par rapport à l’an dernier en novembre."),
    ("en", "Initiatives starting next month", "No initiative starts in December."),
    ("fr", "Initiatives débutant le mois prochain", "Aucune initiative ne débute en décembre."),
])
def test_an_empty_table_is_its_localized_note(edge_decks, lang, title, note):
    slide = _slide(edge_decks[lang], title)
    assert _tables(slide) == [] and note in _texts(slide)


def test_movers_up_are_every_door_that_grew_and_only_those(edge_decks):
    (table,) = _tables(_slide(edge_decks["en"], "Top movers up against last year"))
    doors = [row.cells[0].text for row in list(table.rows)[1:]]
    changes = [row.cells[2].text for row in list(table.rows)[1:]]
    assert len(doors) == 5 and "Maison Frontenac Bijoux" not in doors
    assert all(re.fullmatch(r"\$[\d,]+", change) and change != "$0" for change in changes), changes


def test_no_raw_value_on_any_slide(edge_decks):
    for lang, deck in edge_decks.items():
        for number, slide in enumerate(deck.slides, 1):
            cells = [cell.text for table in _tables(slide) for row in table.rows for cell in row.cells]
            for text in _texts(slide) + cells:
                assert not RAW.search(text), f"{lang} slide {number}: {text!r}"
