"""The base of every spec model (season.yaml, deck specs, trackers): unknown keys are errors.

A module of its own so that the spec modules can share it without importing each other.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base model: unknown keys are errors (reviewers' typos must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
