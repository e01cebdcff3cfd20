"""Scorecards: records by KPIs on one slide, values marked against the spec's thresholds."""

from __future__ import annotations

from pptx import Presentation

from generator.resolve.scorecard import ALERT, GOOD, holds, mark
from generator.spec import Condition, ScoreColumn, SlideSpec

COVER = ScoreColumn(label="Stock cover", value="door_month_kpi.stock_cover_weeks", format="weeks",
                    alert=Condition(lt=12), good=Condition(ge=16))


def test_a_value_is_marked_alert_first_then_good():
    assert [mark(v, COVER) for v in (8.7, 12.0, 15.9, 16.0, None)] == [ALERT, "", "", GOOD, ""]


def test_every_operator_of_a_threshold_holds_or_none_does():
    assert holds(5.0, Condition(between=[1, 10]))
    assert not holds(11.0, Condition(between=[1, 10]))
    assert holds(2.0, Condition(**{"in": [1, 2]}))
    assert not holds(2.0, Condition(eq="two"))  # a text operand never meets a figure


def test_a_table_slide_takes_a_scorecard_or_a_table_not_both():
    import pytest
    from pydantic import ValidationError

    card = {"records": {"source": "retailers", "as": "door"}, "label": "{{ door.name }}",
            "columns": [{"label": "Cover", "value": "door_month_kpi.stock_cover_weeks"}]}
    assert SlideSpec.model_validate({"role": "table", "scorecard": card}).scorecard is not None
    table = {"data": {"source": "sales"}, "columns": [{"column": "x"}]}
    with pytest.raises(ValidationError, match="either 'table' or 'scorecard', not both"):
        SlideSpec.model_validate({"role": "table", "scorecard": card, "table": table})


def test_the_monthly_call_compares_every_door_on_one_slide_lowest_cover_first(reduced_build):
    _, out = reduced_build
    deck = Presentation(out / "en" / "CA-monthly-call-2026-12.pptx")
    slides = [s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text.startswith("Stock cover")]
    assert len(slides) == 1
    table = next(shape.table for shape in slides[0].shapes if shape.has_table)
    cover = [table.cell(r, 1).text for r in range(1, len(table.rows))]
    weeks = [float(text.lstrip("\u25cf\u00a0").replace(",", "")) for text in cover]
    assert weeks == sorted(weeks)
    assert all(text.startswith("\u25cf") == (value < 12) for text, value in zip(cover, weeks))
    assert any("twelve weeks" in shape.text_frame.text for shape in slides[0].shapes if shape.has_text_frame)


def test_a_scorecard_sorts_by_one_of_its_columns():
    import pytest
    from pydantic import ValidationError

    card = {"records": {"source": "retailers", "as": "door"}, "label": "{{ door.name }}", "sort": "-Cuver",
            "columns": [{"label": "Cover", "value": "door_month_kpi.stock_cover_weeks"}]}
    with pytest.raises(ValidationError, match=r"sort: no column labelled 'Cuver' \(columns: Cover\)"):
        SlideSpec.model_validate({"role": "table", "scorecard": card})
