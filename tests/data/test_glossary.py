"""The KPI glossary (decks/KPIS.md) is generated from the code that computes the KPIs and cannot drift from it."""

from __future__ import annotations

from pathlib import Path

from generator.data.glossary import MONTH_KPIS, SEASON_KPIS, glossary_page, undefined_kpis
from generator.validation.names import _KPI_FIELDS, _MONTH_KPI_FIELDS

PAGE = Path(__file__).resolve().parents[2] / "decks" / "KPIS.md"


def test_every_kpi_a_spec_can_use_has_a_definition():
    assert undefined_kpis() == []
    assert set(_KPI_FIELDS) <= set(SEASON_KPIS) and set(_MONTH_KPI_FIELDS) <= set(MONTH_KPIS)


def test_the_committed_page_is_current():
    assert PAGE.read_text("utf-8") == glossary_page(), "run 'kitgen schema --kpis' and commit decks/KPIS.md"
