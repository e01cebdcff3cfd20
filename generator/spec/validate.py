"""Turn loaded YAML into validated spec objects, with every problem located.

Pydantic reports problems by key path; the loader knows where each key path
sits in the file. Together they give ``file:line:col: key.path: message``.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import Finding
from generator.spec.loader import KeyPath, LoadedYaml

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "required key is missing",
    "extra_forbidden": "unknown key",
}


def validate_document(loaded: LoadedYaml, model: type[M]) -> tuple[M | None, list[Finding]]:
    """Return the document validated as ``model`` and the located findings (empty when valid)."""
    if not isinstance(loaded.data, dict):
        kind = type(loaded.data).__name__
        return None, [loaded.finding((), f"expected a mapping of keys, found a {kind}", "write 'key: value' lines")]
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, [_finding(loaded, model, err) for err in exc.errors()]


def _finding(loaded: LoadedYaml, model: type[BaseModel], err: Any) -> Finding:
    path: KeyPath = tuple(p for p in err["loc"] if not (isinstance(p, str) and _is_union_tag(p)))
    kind = err["type"]
    message = _MESSAGES.get(kind) or _clean(err["msg"])
    hint = None
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, path[:-1])
        hint = did_you_mean(str(path[-1]), allowed)
        if hint is None and allowed:
            hint = "allowed: " + ", ".join(sorted(allowed))
    elif kind == "literal_error":
        hint = _literal_hint(err)
    elif kind == "missing":
        hint = f"add '{path[-1]}:'" if path else None
    return loaded.finding(path, message, hint)


def _is_union_tag(part: str) -> bool:
    # pydantic names union members in loc, e.g. 'str' or 'list[str]'; they are not keys
    return part in {"str", "int", "float", "bool"} or "[" in part or part.startswith("function-")


def _clean(msg: str) -> str:
    return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _literal_hint(err: Any) -> str | None:
    expected = str(err.get("ctx", {}).get("expected", ""))
    options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
    return did_you_mean(str(err.get("input")), options) or None


def did_you_mean(word: str, options: typing.Iterable[str]) -> str | None:
    """Return ``did you mean 'x'?`` for the closest of ``options``, or None."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def allowed_keys(model: type[BaseModel], path: KeyPath) -> list[str]:
    """Return the keys a mapping at ``path`` (relative to ``model``) accepts."""
    current: Any = model
    for part in path:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _step(annotation: Any, part: str | int) -> Any:
    annotation = _unwrap(annotation)
    if isinstance(part, int):
        args = typing.get_args(annotation)
        return args[0] if args else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, field in annotation.model_fields.items():
            if part in (name, field.alias):
                return field.annotation
        return None
    args = typing.get_args(annotation)
    return args[-1] if typing.get_origin(annotation) is dict and args else None


def _unwrap(annotation: Any) -> Any:
    """Return the non-None member of ``X | None``; lists stay lists."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        models = [a for a in members if isinstance(a, type) and issubclass(a, BaseModel)]
        return models[0] if models else members[0]
    return annotation
