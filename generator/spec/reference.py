"""The spec key reference (decks/REFERENCE.md), generated from the validator's models.

Every key of season.yaml and of a deck spec, with its type, default, a one-line
description and an example. Descriptions come from the models' ``Field``
descriptions, else from :data:`NOTES`; examples come from the sample season's
specs when it uses the key, else from :data:`EXAMPLES` or the key's type. A
test regenerates the page and fails when the committed copy differs, and when
a key has no description or example.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from generator.spec.loader import load_yaml
from generator.spec.model import DeckSpec, SeasonSpec, SlideSpec
from generator.spec.profile import ROLE_SLOTS
from generator.spec.reference_notes import EXAMPLES, NOTES, ROLE_NEEDS, TILES

SAMPLE = Path(__file__).resolve().parents[2] / "decks" / "fw26"


def spec_reference(sample: Path = SAMPLE) -> str:
    """Return the Markdown key reference of season.yaml and deck specs."""
    used = _sample_examples(sample)
    parts = [_HEADER]
    for title, root in (("season.yaml", SeasonSpec), ("Deck specs", DeckSpec)):
        parts.append(f"## {title}\n")
        parts += [_model_section(model, used) for model in _models(root)]
        if root is DeckSpec:
            parts.append(_roles_section())
    return "\n".join(parts).rstrip() + "\n"


_HEADER = """# Spec key reference

Every key of `season.yaml` and of a deck spec: its type, its default (keys without one are
required) and an example, most of them from the sample season in `decks/fw26/`. Generated from
the validator's models by `kitgen schema --reference`; a test fails when this page and the
models disagree. `kitgen validate` reports a key that is not listed here as unknown.
"""


# ------------------------------------------------------------------ models and keys
def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    """Return ``root`` and every model reachable from it, in the order a reader meets them."""
    found: list[type[BaseModel]] = []
    queue = [root]
    while queue:
        model = queue.pop(0)
        if model not in found:
            found.append(model)
            queue += [m for f in model.model_fields.values() for m in _nested(f.annotation)]
    return found


def _nested(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _nested(arg)


def key_name(name: str, info: FieldInfo) -> str:
    """Return the key as written in YAML (``as`` for the field ``as_``)."""
    return info.alias or name


def unexplained_keys(sample: Path = SAMPLE) -> list[str]:
    """Return ``Model.field`` of every key without a description, or without an example (keys holding a model aside)."""
    used = _sample_examples(sample)
    return [f"{model.__name__}.{name}" for root in (SeasonSpec, DeckSpec) for model in _models(root)
            for name, info in model.model_fields.items()
            if not description(model, name) or not (_example(model, name, used) or _has_model(info.annotation))]


def _example(model: type[BaseModel], name: str, used: dict[str, str]) -> str:
    ref = f"{model.__name__}.{name}"
    return used.get(ref) or EXAMPLES.get(ref) or _typed_example(model.model_fields[name])


def _model_section(model: type[BaseModel], used: dict[str, str]) -> str:
    doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
    rows = ["| key | type | default | description | example |", "| --- | --- | --- | --- | --- |"]
    for name, info in model.model_fields.items():
        example = _example(model, name, used)
        rows.append(f"| `{key_name(name, info)}` | {type_name(info.annotation)} | {_default(info)} | "
                    f"{_cell(description(model, name))} | {_code(example)} |")
    intro = f"{_where(model)}{doc}".strip()
    intro = f"{intro}\n\n" if intro else ""
    return f"### {model.__name__}\n\n{intro}" + "\n".join(rows) + "\n"


def _where(model: type[BaseModel]) -> str:
    return "The top level of the file. " if model in (SeasonSpec, DeckSpec) else ""


def description(model: type[BaseModel], name: str) -> str:
    """Return the one-line description of a key: the model's, else the reference's note ('' when none)."""
    return model.model_fields[name].description or NOTES.get(f"{model.__name__}.{name}", "")


def type_name(annotation: Any) -> str:
    """Return a reader's name for a type: ``list of SlideSpec``, ``bar | line``, ``mapping text → text``."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(type_name(a) for a in args if a is not type(None))
    if origin is list:
        return f"list of {type_name(args[0])}"
    if origin is dict:
        return f"mapping {type_name(args[0])} → {type_name(args[1])}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return {str: "text", int: "integer", float: "number", bool: "true/false", dt.date: "date"}.get(annotation, str(annotation))


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    value = info.default_factory() if info.default_factory is not None else info.default
    if isinstance(value, BaseModel):
        return "see below"
    return "–" if value in (None, PydanticUndefined) or value == "" else _code(_yaml(value))


def _typed_example(info: FieldInfo) -> str:
    """Return an example a key's type gives: another choice of a fixed list, the other truth value."""
    choices = [c for a in _members(info.annotation) if typing.get_origin(a) is typing.Literal for c in typing.get_args(a)]
    if choices:
        return str(next((c for c in choices if c and c != info.default), choices[0]))
    if info.annotation is bool:
        return str(not info.default).lower()
    return ""


def _yaml(value: Any, items: int = 3) -> str:
    """Return ``value`` as short flow YAML: at most ``items`` entries of a mapping or list."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict):
        shown = [f"{k}: {_yaml(v, items)}" for k, v in list(value.items())[:items]]
        return "{" + ", ".join(shown + ["..."] * (len(value) > items)) + "}"
    if isinstance(value, list):
        shown = [_yaml(v, items) for v in value[:items]]
        return "[" + ", ".join(shown + ["..."] * (len(value) > items)) + "]"
    return str(value)


def _code(text: str) -> str:
    return f"`{_cell(text)}`" if text else ""


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


# ------------------------------------------------------------------ examples from the sample season
def _sample_examples(sample: Path) -> dict[str, str]:
    """Return ``Model.field`` -> ``value`` of the first use of each key in the sample season's specs."""
    found: dict[str, str] = {}
    season = load_yaml(sample / "season.yaml").data
    _collect(season, SeasonSpec, found)
    for deck in season.get("decks", []):
        _collect(load_yaml(sample / deck["spec"]).data, DeckSpec, found)
    return found


def _collect(data: Any, annotation: Any, found: dict[str, str]) -> None:
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel) and isinstance(data, dict):
            _collect_model(data, member, found)
        elif typing.get_origin(member) is list and isinstance(data, list):
            for item in data:
                _collect(item, typing.get_args(member)[0], found)
        elif typing.get_origin(member) is dict and isinstance(data, dict):
            for item in data.values():
                _collect(item, typing.get_args(member)[1], found)


def _collect_model(data: dict, model: type[BaseModel], found: dict[str, str]) -> None:
    for name, info in model.model_fields.items():
        key = key_name(name, info)
        if key in data:
            value = data[key]
            if not isinstance(value, (dict, list)) or not _has_model(info.annotation):
                found.setdefault(f"{model.__name__}.{name}", _yaml(_plain(value)))
            _collect(value, info.annotation, found)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _has_model(annotation: Any) -> bool:
    return any(True for _ in _nested(annotation))


def _members(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


# ------------------------------------------------------------------ roles
def _roles_section() -> str:
    rows = ["| role | needs | template slots | also takes |", "| --- | --- | --- | --- |"]
    common = {"role", "title", "notes", "when", "repeat"}
    for role, slots in ROLE_SLOTS.items():
        needs, extra = ROLE_NEEDS[role]
        rows.append(f"| `{role}` | {needs} | {', '.join(slots)} | {extra} |")
    keys = ", ".join(f"`{k}`" for k in SlideSpec.model_fields if k in common)
    return ("### Keys per role\n\nEvery slide takes " + keys + ". What else a role uses:\n\n"
            + "\n".join(rows) + f"\n\n{TILES}\n")
