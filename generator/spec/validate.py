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
from generator.spec.loader import KeyPath, LoadedYaml, Scalar

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
        value = model.model_validate(loaded.data)
    except ValidationError as exc:
        findings = [_finding(loaded, model, err) for err in exc.errors()]
        return None, _unique(findings + typing_traps(loaded, model))
    traps = typing_traps(loaded, model)
    return (None if traps else value), traps


def _unique(findings: list[Finding]) -> list[Finding]:
    """Return findings without repeats (pydantic reports a union failure once per member)."""
    seen: dict[tuple, Finding] = {}
    for finding in findings:
        seen.setdefault((str(finding.location), finding.key), finding)
    return list(seen.values())


def _finding(loaded: LoadedYaml, model: type[BaseModel], err: Any) -> Finding:
    path: KeyPath = tuple(p for p in err["loc"] if not (isinstance(p, str) and _is_union_tag(p)))
    kind = err["type"]
    if path in loaded.retyped and accepts_text(annotation_at(model, path)):
        return _trap(loaded, path, loaded.retyped[path])
    if kind in ("dict_type", "model_type", "model_attributes_type", "list_type"):
        return loaded.finding(path, _shape_message(kind, err.get("input")), _shape_hint(kind))
    message = _MESSAGES.get(kind) or _clean(err["msg"])
    hint = None
    if kind == "extra_forbidden":
        allowed = allowed_keys(model, path[:-1])
        hint = did_you_mean(str(path[-1]), allowed)
        if hint is None and allowed:
            hint = "allowed: " + ", ".join(sorted(allowed))
    elif kind == "literal_error":
        message, hint = _literal_problem(err, path)
    elif kind == "missing":
        hint = f"add '{path[-1]}:'" if path else None
    return loaded.finding(path, message, hint)


def _shape_message(kind: str, value: Any) -> str:
    found = {dict: "a mapping", list: "a list", str: "a text", type(None): "nothing"}.get(type(value), "a value")
    wanted = "a list" if kind == "list_type" else "a mapping of keys"
    return f"expected {wanted}, found {found}"


def _shape_hint(kind: str) -> str:
    return "write '- item' lines or [a, b]" if kind == "list_type" else "write 'key: value' lines or {key: value}"


def _is_union_tag(part: str) -> bool:
    # pydantic names union members in loc, e.g. 'str' or 'list[str]'; they are not keys
    return part in {"str", "int", "float", "bool"} or "[" in part or part.startswith("function-")


def _clean(msg: str) -> str:
    return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def _literal_problem(err: Any, path: KeyPath) -> tuple[str, str | None]:
    """Return (message, hint) for a value outside a fixed list; a slide's role lists every role."""
    expected = str(err.get("ctx", {}).get("expected", ""))
    options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
    guess = did_you_mean(str(err.get("input")), options)
    if path[-1:] == ("role",) and path[:1] == ("slides",):
        # every profile maps each of these roles to a layout of its master (generator/spec/profile.py)
        roles = "the template profile offers: " + ", ".join(options)
        return f"'{err.get('input')}' is not a slide role", f"{guess} {roles}" if guess else roles
    return f"'{err.get('input')}' is not allowed here", guess or ("one of: " + ", ".join(options) if options else None)


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


# ------------------------------------------------------------------ typing traps
_BOOL_WORDS = {"true", "false"}


def typing_traps(loaded: LoadedYaml, model: type[BaseModel]) -> list[Finding]:
    """Return findings for unquoted values YAML silently changed in fields that take text.

    ``NO`` becomes false, ``1.10`` becomes 1.1, ``004101`` becomes 2113 (octal),
    ``12:30`` becomes 750 and ``2026-07-01`` a date: in a text field each is
    reported with a "quote it" hint instead of passing changed.
    """
    return [_trap(loaded, path, scalar) for path, scalar in loaded.retyped.items()
            if _lossy(scalar, annotation_at(model, path))]


def _lossy(scalar: Scalar, annotation: Any) -> bool:
    if not accepts_text(annotation) or annotation is str:
        return False  # pure text fields already fail validation and are reported there
    if scalar.tag == "bool":
        return scalar.raw.lower() not in _BOOL_WORDS
    if scalar.tag == "int":
        digits = scalar.raw.lstrip("+-")
        return not digits.isdigit() or (len(digits) > 1 and digits.startswith("0"))
    if scalar.tag == "float":
        return _changed_float(scalar.raw)
    return scalar.tag in ("timestamp",)


def _changed_float(raw: str) -> bool:
    try:
        return repr(float(raw)) != raw
    except ValueError:
        return True  # .inf, .nan and friends


def _trap(loaded: LoadedYaml, path: KeyPath, scalar: Scalar) -> Finding:
    hint = "write a value or remove the key" if scalar.tag == "null" else f'quote it: "{scalar.raw}"'
    return loaded.finding(path, _read_as(scalar), hint)


def _read_as(scalar: Scalar) -> str:
    raw = scalar.raw
    if scalar.tag == "null":
        return "the value is empty" if raw in ("", "~") else f"'{raw}' is read as no value"
    if scalar.tag == "bool":
        return f"'{raw}' is read as {'true' if raw.lower() in ('y', 'yes', 'on', 'true') else 'false'}, not as text"
    if scalar.tag == "timestamp":
        return f"'{raw}' is read as a date, not as text"
    number = _yaml_number(raw, scalar.tag)
    digits = raw.lstrip("+-")
    if scalar.tag == "int" and digits.startswith("0") and len(digits) > 1 and digits.isdigit():
        # YAML 1.1 reads 0-led digits as octal: say so, or "003101 is 1601" puzzles the reader (0x1F is no such case)
        return f"'{raw}' is read as the octal number {number}: leading zeros are lost"
    return f"'{raw}' is read as the number {number}, not as text"


def _yaml_number(raw: str, tag: str) -> str:
    import yaml

    value = yaml.safe_load(raw)
    return str(value) if tag == "int" or not isinstance(value, float) else repr(value)


def annotation_at(model: type[BaseModel], path: KeyPath) -> Any:
    """Return the full annotation (unions kept) of the value at ``path``, or None if unknown."""
    current: Any = model
    for part in path:
        current = _step_keep(current, part)
        if current is None:
            return None
    return current


def _step_keep(annotation: Any, part: str | int) -> Any:
    for member in _members(annotation):
        origin = typing.get_origin(member)
        if isinstance(part, int) and origin in (list, tuple):
            return typing.get_args(member)[0]
        if isinstance(part, str) and origin is dict:
            return typing.get_args(member)[1]
        if isinstance(part, str) and isinstance(member, type) and issubclass(member, BaseModel):
            for name, field in member.model_fields.items():
                if part in (name, field.alias):
                    return field.annotation
    return None


def _members(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return (annotation,)


def accepts_text(annotation: Any) -> bool:
    """Return True when a value of ``annotation`` may be written as text."""
    for member in _members(annotation):
        if member is str:
            return True
        if typing.get_origin(member) is typing.Literal and any(isinstance(a, str) for a in typing.get_args(member)):
            return True
    return False
