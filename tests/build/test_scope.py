"""What data a deck can see: queries, audience scope, dated periods, words its files mention."""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator.build.scope import Query, dated_periods, deck_queries, mentions, scoped
from generator.spec.model import DataBinding

REGION = {"region_id": "{{ region.id }}"}


def test_every_binding_of_a_spec_model_is_found_with_its_period() -> None:
    bindings = {"table": DataBinding(source="trainings", filter=REGION, period="month"),
                "chart": [DataBinding(source="sales", period="season", compare_last_year=True)]}
    assert deck_queries(bindings) == [Query("trainings", REGION, "month", False), Query("sales", {}, "season", True)]


def test_a_source_is_scoped_to_the_audience_only_when_every_query_filters_on_it() -> None:
    queries = [Query("sales", REGION, "month", False), Query("sales", {}, None, False)]
    assert scoped(queries[:1], "sales", "region_id")
    assert not scoped(queries, "sales", "region_id")
    assert scoped(queries, "stock", "region_id")  # no query on it


def test_rows_narrow_to_periods_only_when_every_query_on_the_source_has_one() -> None:
    month, season = Query("trainings", REGION, "month", False), Query("trainings", REGION, "season", True)
    assert dated_periods([month, season], "trainings") == (("month", False), ("season", True))
    assert dated_periods([month, Query("trainings", REGION, None, False)], "trainings") is None
    assert dated_periods([month, Query("trainings", REGION, "all", False)], "trainings") is None
    assert dated_periods([month], "sales") is None  # no query: its rows may still reach the figures


def test_a_word_split_over_runs_of_a_deck_is_found(tmp_path: Path) -> None:
    deck = tmp_path / "hq.pptx"
    with zipfile.ZipFile(deck, "w") as package:
        package.writestr("ppt/slides/slide1.xml", "<p:sld><a:r><a:t>{{ month_</a:t></a:r><a:r><a:t>kpi.sellout }}"
                                                  "</a:t></a:r></p:sld>")
    assert mentions(deck, "month_kpi")
    assert not mentions(deck, "region_kpi")


def test_a_spec_mentions_a_word_in_its_text_and_an_unreadable_file_mentions_everything(tmp_path: Path) -> None:
    spec = tmp_path / "deck.yaml"
    spec.write_text("title: '{{ month_kpi.sellout | money }}'\n", encoding="utf-8")
    assert mentions(spec, "month_kpi") and not mentions(spec, "include")
    assert mentions(tmp_path / "missing.pptx", "month_kpi")
