"""``where`` conditions and ``when_empty`` in deck specs: accepted shapes, and every mistake located at its key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.spec.loader import load_yaml
from generator.spec.model import DataBinding, DeckSpec, EmptyNote, Repeat, TableSpec
from generator.spec.validate import validate_document


def _findings(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "deck.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    _, findings = validate_document(load_yaml(path, display="deck.yaml"), DeckSpec)
    return [str(f) for f in findings]


def _table(where: str = "{change: {lt: 0}}", when_empty: str = "") -> str:
    extra = f"\n              when_empty: {when_empty}" if when_empty else ""
    return f"""\
        title: Call
        slides:
          - role: table
            title: Movers
            table:
              data:
                source: sales
                where: {where}
              columns: [{{column: change}}]{extra}
        """


def test_conditions_and_defaults_are_read():
    binding = DataBinding.model_validate({"source": "s", "where": {
        "change": {"lt": 0, "ge": -1000}, "tier": {"in": ["flagship", "focus"]}, "growth": {"between": [-0.05, 0.05]},
        "kind": {"eq": "pos"}, "open": {"ne": True}}})
    assert {column: c.operators() for column, c in binding.where.items()} == {
        "change": {"lt": 0.0, "ge": -1000.0}, "tier": {"in": ["flagship", "focus"]},
        "growth": {"between": [-0.05, 0.05]}, "kind": {"eq": "pos"}, "open": {"ne": True}}
    table = TableSpec.model_validate({"data": {"source": "s"}, "columns": [{"column": "a"}]})
    assert table.when_empty == "note" and Repeat.model_validate({"source": "s", "as": "d"}).when_empty == "skip"
    noted = TableSpec.model_validate({"data": {"source": "s"}, "columns": [{"column": "a"}],
                                      "when_empty": {"note": "No door declined."}})
    assert noted.when_empty == EmptyNote(note="No door declined.")


def test_the_sample_season_condition_is_valid(tmp_path):
    assert _findings(tmp_path, _table(when_empty='{note: "No door declined in {{ month.start | month }}."}')) == []


@pytest.mark.parametrize("where, message", [
    ("{change: {lesser_than: 0}}",
     "deck.yaml:8:26: slides[0].table.data.where.change.lesser_than: unknown key "
     "(allowed: between, eq, ge, gt, in, le, lt, ne)"),
    ("{change: {less: 0}}",
     "deck.yaml:8:26: slides[0].table.data.where.change.less: unknown key (did you mean 'le'?)"),
    ("{change: {}}",
     "deck.yaml:8:17: slides[0].table.data.where.change: "
     "a condition needs an operator: lt, le, gt, ge, eq, ne, in, between"),
    ("{change: {between: [5, 1]}}",
     "deck.yaml:8:17: slides[0].table.data.where.change: between [5, 1]: the low end comes first"),
    ("{change: {between: [1]}}",
     "deck.yaml:8:26: slides[0].table.data.where.change.between: "
     "List should have at least 2 items after validation, not 1"),
    ("{tier: {in: flagship}}",
     "deck.yaml:8:24: slides[0].table.data.where.tier.in: "
     "expected a list, found a text (write '- item' lines or [a, b])"),
])
def test_condition_mistakes_are_located(tmp_path, where, message):
    assert _findings(tmp_path, _table(where)) == [message]


@pytest.mark.parametrize("when_empty, message", [
    ("hide", "deck.yaml:10:7: slides[0].table.when_empty: 'hide' is not allowed here (skip, note, or {note: ...})"),
    ("{text: Nothing}", "deck.yaml:10:7: slides[0].table.when_empty: unknown key 'text' (allowed: note, title)"),
    ("{title: Nothing}", "deck.yaml:10:7: slides[0].table.when_empty: a note needs its text: {note: ...}"),
])
def test_when_empty_mistakes_are_reported_once(tmp_path, when_empty, message):
    assert _findings(tmp_path, _table(when_empty=when_empty)) == [message]
