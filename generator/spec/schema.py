"""JSON Schema of the spec format, generated from the models the validator uses.

Editors (VS Code's YAML extension) read it through the ``# yaml-language-server:
$schema=...`` line at the top of each spec for completion and inline errors.
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from generator.spec.model import DeckSpec, SeasonSpec

SCHEMA_ID = "https://orvelle.example.com/kitgen/kitgen.schema.json"


def spec_schema() -> dict[str, Any]:
    """Return one JSON Schema accepting a season.yaml or a deck spec."""
    refs, schema = models_json_schema([(SeasonSpec, "validation"), (DeckSpec, "validation")],
                                      ref_template="#/$defs/{model}")
    _sort_shorthands(schema["$defs"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "kitgen spec (season.yaml or deck spec)",
        "anyOf": [refs[(SeasonSpec, "validation")], refs[(DeckSpec, "validation")]],
        "$defs": schema["$defs"],
    }


def _sort_shorthands(defs: dict[str, Any]) -> None:
    """Let ``sort`` take the shorthands the models accept: ``-value`` or ``[month, -units]``."""
    key = {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/SortKey"}]}
    for model in defs.values():
        prop = model.get("properties", {}).get("sort")
        if prop and prop.get("items") == {"$ref": "#/$defs/SortKey"}:
            model["properties"]["sort"] = {"title": prop.get("title", "Sort"),
                                           "description": "column, -column (descending), or a list of them",
                                           "anyOf": [key["anyOf"][0], key["anyOf"][1], {"type": "array", "items": key}]}
