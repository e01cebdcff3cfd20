"""Row conditions of data bindings (``where:``) and what an empty table, chart or repeat gives (``when_empty:``).

A module of its own so the deck spec models (generator/spec/model.py) stay readable.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.spec.base import Strict

#: the operators of a row condition (``where: {change: {lt: 0}}``), in the order the reference lists them
CONDITION_OPERATORS = ("lt", "le", "gt", "ge", "eq", "ne", "in", "between")
Operand = bool | float | str


class Condition(Strict):
    """What one column's value must be; every operator given must hold, and a missing value holds none."""

    lt: Operand | None = None
    le: Operand | None = None
    gt: Operand | None = None
    ge: Operand | None = None
    eq: Operand | None = None
    ne: Operand | None = None
    in_: list[Operand] | None = Field(default=None, alias="in", min_length=1)
    between: list[Operand] | None = Field(default=None, min_length=2, max_length=2)

    @model_validator(mode="after")
    def _some_operator(self) -> "Condition":
        if not self.operators():
            raise ValueError("a condition needs an operator: " + ", ".join(CONDITION_OPERATORS))
        low, high = self.between or (None, None)
        # bools are numbers to Python: only true numbers are ordered here
        if all(isinstance(v, float) and not isinstance(v, bool) for v in (low, high)) and low > high:
            raise ValueError(f"between [{low:g}, {high:g}]: the low end comes first")
        return self

    def operators(self) -> dict[str, object]:
        """Return operator -> operand of the operators given, named as written (``in``, not ``in_``)."""
        return {name.rstrip("_"): value for name, value in self if value is not None}


class EmptyNote(Strict):
    """The sentence shown where a table or chart has no row (or a repeat no record)."""

    note: str
    title: str = ""


#: what an empty table or chart (or a repeat without a record) gives: no slide or block, or a note
WhenEmpty = Literal["skip", "note"] | EmptyNote


def when_empty_shape(value: object) -> object:
    """Return ``value`` if it has a ``when_empty`` shape; else raise the one error that says what is wrong.

    Run before the union, which would report a mistake once per member (the text and the mapping).
    """
    if isinstance(value, str) and value not in ("skip", "note"):
        raise ValueError(f"'{value}' is not allowed here (skip, note, or {{note: ...}})")
    if isinstance(value, dict):
        keys = [key for key in EmptyNote.model_fields]
        unknown = [str(key) for key in value if key not in keys]
        if unknown:
            raise ValueError(f"unknown key '{unknown[0]}' (allowed: {', '.join(keys)})")
        if "note" not in value:
            raise ValueError("a note needs its text: {note: ...}")
    return value
