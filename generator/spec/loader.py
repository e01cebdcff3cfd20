"""Safe YAML loading that remembers where every key and value came from.

Reviewers edit specs by hand, so every later error must point at a line. We
compose the node tree once (safe loader only: no Python tags), build plain
Python data from it, and keep a map from key paths such as
``("slides", 3, "chart", "type")`` to 1-based line and column.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from generator.errors import Finding, Location, SpecError
from generator.spec.indentation import out_of_line

try:  # libyaml is much faster; fall back to the pure-Python loader.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

KeyPath = tuple[str | int, ...]
MAX_EXPANDED_NODES = 100_000  # a spec is a few thousand nodes; more means an alias bomb
MAX_DEPTH = 100  # a spec nests about 8 levels; the walks below recurse, so deeper input must stop here


@dataclass(frozen=True)
class Scalar:
    """A plain (unquoted) scalar YAML converted to a non-string type."""

    raw: str
    tag: str


@dataclass
class LoadedYaml:
    """Return value of :func:`load_yaml`: the data and where each part sits."""

    path: Path
    data: Any
    marks: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    retyped: dict[KeyPath, Scalar] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    digest: bytes = b""  # sha256 of the bytes read: what a build's fingerprint counts, not the file as it is later

    def locate(self, path: KeyPath) -> Location:
        """Return the location of ``path``, or of its nearest located parent."""
        probe = tuple(path)
        while probe and probe not in self.marks:
            probe = probe[:-1]
        line, col = self.marks.get(probe, (1, 1))
        return Location(self.path, line, col)

    def source_line(self, line: int) -> str | None:
        """Return the text of 1-based ``line`` (for showing under an error)."""
        return self.lines[line - 1] if 0 < line <= len(self.lines) else None

    def finding(self, path: KeyPath, message: str, hint: str | None = None, severity: str = "error") -> Finding:
        """Return a :class:`Finding` located at ``path``."""
        loc = self.locate(path)
        return Finding(loc, format_key(path), message, hint, severity, self.source_line(loc.line or 0))


def walk_scalars(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Yield (key path, value) for every scalar inside plain loaded YAML data."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk_scalars(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_scalars(item, path + (index,))
    else:
        yield path, value


def format_key(path: KeyPath) -> str:
    """Return ``slides[3].chart.type`` for ``("slides", 3, "chart", "type")``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_yaml(path: Path, *, display: str | None = None) -> LoadedYaml:
    """Return the safely loaded YAML document at ``path`` with its line marks."""
    shown = display or str(path)
    raw = _read_bytes(path, shown)
    text = _decode(raw, shown)
    if not text.strip():
        raise SpecError(Finding(Location(shown, 1, 1), "", "the file is empty", "add the spec's keys"))
    loaded = LoadedYaml(Path(shown), None, lines=text.splitlines(), digest=hashlib.sha256(raw).digest())
    node = _compose(text, shown)
    if node is None:
        raise SpecError(Finding(Location(shown, 1, 1), "", "the file is empty (or holds only comments)",
                                "add the spec's keys"))
    _check_depth(node, shown)
    try:
        _check_size(node, shown)
        _walk(node, (), loaded)
        loaded.data = _construct(node, shown)
    except RecursionError as exc:  # aliases nested in aliases: each within MAX_DEPTH, together deeper
        raise SpecError(Finding(Location(shown, 1, 1), "", f"values nest too deeply (limit {MAX_DEPTH} levels)",
                                "flatten the structure")) from exc
    return loaded


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SpecError(Finding(Location(shown), "", f"cannot read the file: {exc.strerror}")) from exc


def _decode(raw: bytes, shown: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SpecError(Finding(Location(shown, line, col), "", f"byte 0x{raw[exc.start]:02x} is not UTF-8",
                                "save the file as UTF-8")) from exc
    return text


def _compose(text: str, shown: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except RecursionError as exc:  # only the pure-Python composer recurses; libyaml's reaches _check_depth
        raise SpecError(Finding(Location(shown, 1, 1), "", f"values nest too deeply (limit {MAX_DEPTH} levels)",
                                "flatten the structure")) from exc
    except yaml.MarkedYAMLError as exc:
        raise SpecError(_syntax_finding(exc, text, shown)) from exc
    except yaml.YAMLError as exc:
        raise SpecError(Finding(Location(shown), "", f"invalid YAML: {exc}")) from exc


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, shown: str) -> Finding:
    """Return the located finding of a YAML syntax error; a key out of line is named with its mapping."""
    mark = _problem_position(exc)
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    message, hint = _yaml_problem(exc, _char_at(text, line, col))
    misplaced = out_of_line(text, line, exc.problem or "", key_marks, format_key) if line and _indentation_problem(exc) else None
    if misplaced is not None:
        line, col, message, hint = misplaced.line, misplaced.column, misplaced.message, misplaced.hint
    return Finding(Location(shown, line, col), "", message, hint, "error", _line_of(text, line))


def _indentation_problem(exc: yaml.MarkedYAMLError) -> bool:
    """Return True for the errors a key indented out of line causes (PyYAML words them several ways)."""
    problem = exc.problem or ""
    return any(words in problem for words in ("mapping values are not allowed", "expected <block end>",
                                               "did not find expected key", "did not find expected '-' indicator"))


def key_marks(text: str) -> dict[KeyPath, tuple[int, int]]:
    """Return the (line, column) of every key path of the YAML ``text``; raise yaml.YAMLError when it does not parse."""
    loaded = LoadedYaml(Path("-"), None)
    node = yaml.compose(text, Loader=_Loader)
    if node is not None:
        _walk(node, (), loaded)
    return loaded.marks


def _problem_position(exc: yaml.MarkedYAMLError):
    """Return where to point: an unclosed bracket is best shown where it was opened."""
    if exc.context and "flow" in exc.context and exc.context_mark is not None:
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def _char_at(text: str, line: int | None, col: int | None) -> str:
    row = _line_of(text, line) or ""
    return row[col - 1] if col and 0 < col <= len(row) else ""


def _line_of(text: str, line: int | None) -> str | None:
    rows = text.splitlines()
    return rows[line - 1] if line and 0 < line <= len(rows) else None


def _yaml_problem(exc: yaml.MarkedYAMLError, char: str) -> tuple[str, str | None]:
    """Return a reviewer-friendly (message, hint) for a YAML syntax error."""
    problem = (exc.problem or "invalid YAML").strip()
    context = exc.context or ""
    if char == "\t" or "\\t" in problem:
        return "a tab character is used for indentation", "indent with spaces"
    if "flow" in context:
        bracket = "[" if "sequence" in context else "{"
        return f"the '{bracket}' opened here is never closed", "close the bracket or quote the text"
    if "mapping values are not allowed" in problem:
        return "a ':' inside a value starts a new key here", "quote the value"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "the indentation does not line up with the keys above", "indent keys of one mapping equally"
    return (f"{context}: {problem}" if context else problem), None


def _check_depth(node: yaml.Node, shown: str) -> None:
    """Refuse values nested deeper than MAX_DEPTH, located at the first too-deep one (walked without recursion)."""
    stack = [(node, 1)]
    seen: set[int] = set()
    while stack:
        current, depth = stack.pop()
        if id(current) in seen:  # an alias (or a recursive one): already walked
            continue
        seen.add(id(current))
        if depth > MAX_DEPTH:
            mark = current.start_mark
            raise SpecError(Finding(Location(shown, mark.line + 1, mark.column + 1), "",
                                    f"values nest too deeply (limit {MAX_DEPTH} levels)", "flatten the structure"))
        if isinstance(current, yaml.MappingNode):
            stack += [(child, depth + 1) for pair in current.value for child in pair]
        elif isinstance(current, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in current.value]


def _check_size(node: yaml.Node, shown: str) -> None:
    """Refuse alias bombs before anything expands them."""
    memo: dict[int, int] = {}

    def size(n: yaml.Node) -> int:
        if id(n) in memo:
            return memo[id(n)]
        memo[id(n)] = 1  # guards recursive aliases
        total = 1
        if isinstance(n, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in n.value)
        elif isinstance(n, yaml.SequenceNode):
            total += sum(size(v) for v in n.value)
        memo[id(n)] = total
        if total > MAX_EXPANDED_NODES:
            mark = n.start_mark
            raise SpecError(Finding(Location(shown, mark.line + 1, mark.column + 1), "",
                                    "the document expands to too many values (alias bomb?)",
                                    "remove repeated aliases"))
        return total

    size(node)


def _walk(node: yaml.Node, path: KeyPath, loaded: LoadedYaml, seen: set[int] | None = None) -> None:
    seen = set() if seen is None else seen
    if id(node) in seen:  # an alias: its marks are already recorded
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        _walk_mapping(node, path, loaded, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            loaded.marks[path + (index,)] = (item.start_mark.line + 1, item.start_mark.column + 1)
            _walk(item, path + (index,), loaded, seen)
    elif isinstance(node, yaml.ScalarNode) and not node.style and node.tag != "tag:yaml.org,2002:str":
        loaded.retyped[path] = Scalar(node.value, node.tag.rsplit(":", 1)[-1])


def _walk_mapping(node: yaml.MappingNode, path: KeyPath, loaded: LoadedYaml, seen: set[int]) -> None:
    first_line: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        line = key_node.start_mark.line + 1
        if key in first_line:
            where = Location(loaded.path, line, key_node.start_mark.column + 1)
            raise SpecError(Finding(where, format_key(path + (key,)),
                                    f"duplicate key '{key}' (first defined on line {first_line[key]})",
                                    "keep only one of them", "error", loaded.source_line(line)))
        first_line[key] = line
        loaded.marks[path + (key,)] = (line, key_node.start_mark.column + 1)
        _walk(value_node, path + (key,), loaded, seen)


def _construct(node: yaml.Node, shown: str) -> Any:
    loader = _Loader("")
    try:
        return loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise SpecError(Finding(Location(shown, mark.line + 1 if mark else None, mark.column + 1 if mark else None),
                                "", _tag_problem(exc), "only plain YAML is allowed: remove the '!!' tag")) from exc
    finally:
        loader.dispose()


def _tag_problem(exc: yaml.constructor.ConstructorError) -> str:
    problem = (exc.problem or "cannot load this value").strip()
    found = problem.split("tag", 1)[-1].strip(" '") if "tag" in problem else ""
    found = found.replace("tag:yaml.org,2002:", "!!")
    return f"the tag '{found}' is not allowed" if found.startswith("!") else problem
