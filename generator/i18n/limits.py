"""Limits on the work one spec or catalog text may ask of the template engine.

Spec texts and translators' msgstr are Jinja templates. Jinja's sandbox stops attribute tricks,
not work: nested ``range(100000)`` loops hang a build, ``'x' * 10**10`` eats the memory. Every
loop here draws on a per-render budget of steps, ``range()`` is capped, and values built with
``*``, ``+``, ``**`` and ``~`` are measured before they are made. An over-limit text raises
jinja's SecurityError, which the renderer reports as the located LocalizeError of its text.
"""

from __future__ import annotations

import contextvars
from typing import Any, Iterable, Iterator

from jinja2 import nodes
from jinja2.exceptions import SecurityError, TemplateRuntimeError
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_RANGE = 10_000  # items of one range()
MAX_STEPS = 100_000  # loop iterations of one render
MAX_OUTPUT = 100_000  # characters of one render, and of any string or list built inside it
MAX_POWER_BITS = 100_000  # size of an integer ``**`` may make

LOOP_HOOK = "__kitgen_loop__"
CONCAT_HOOK = "__kitgen_concat__"

_STEPS: contextvars.ContextVar[list[int]] = contextvars.ContextVar("kitgen_template_steps")


class LimitedEnvironment(SandboxedEnvironment):
    """The sandbox, with every loop counted and big values refused before they are made."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.globals.update({"range": limited_range, LOOP_HOOK: _counted, CONCAT_HOOK: _concat})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Return ``left operator right`` when its result stays within the limits; SecurityError otherwise."""
        if operator == "**":
            _check_power(left, right)
            return left ** right
        size = _result_size(operator, left, right)
        if size is not None and size > MAX_OUTPUT:
            raise SecurityError(f"the text builds a value of {size} items (limit {MAX_OUTPUT})")
        return left * right if operator == "*" else left + right

    def _generate(self, source: nodes.Template, name: str | None, filename: str | None,
                  defer_init: bool = False) -> str:
        _Counting().visit(source)
        source.set_environment(self)
        return super()._generate(source, name, filename, defer_init=defer_init)


def render_limited(template: Any, context: dict[str, Any]) -> str:
    """Return ``template`` rendered with ``context`` within the limits (SecurityError beyond them)."""
    with steps():
        out, size = [], 0
        for piece in template.generate(context):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise SecurityError(f"the text renders to more than {MAX_OUTPUT} characters")
            out.append(piece)
        return "".join(out)


class steps:
    """A fresh budget of loop steps for one render (a context manager)."""

    def __enter__(self) -> None:
        self._token = _STEPS.set([0])

    def __exit__(self, *exc: object) -> None:
        _STEPS.reset(self._token)


def limited_range(*args: int) -> range:
    """Return ``range(*args)``; SecurityError beyond MAX_RANGE items."""
    try:
        found = range(*args)
    except (TypeError, ValueError) as exc:  # range(1, 5, 0), range('a'): the text's mistake, located like others
        raise TemplateRuntimeError(f"range(): {exc}") from exc
    if len(found) > MAX_RANGE:
        raise SecurityError(f"range() of {len(found)} items (limit {MAX_RANGE})")
    return found


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    spent = _STEPS.get(None)
    if spent is None:  # rendered outside render()/steps(): a budget of its own
        spent = [0]
    for item in iterable:
        spent[0] += 1
        if spent[0] > MAX_STEPS:
            raise SecurityError(f"the text's loops run more than {MAX_STEPS} steps")
        yield item


def _concat(*values: Any) -> str:
    text = "".join(str(value) for value in values)
    if len(text) > MAX_OUTPUT:
        raise SecurityError(f"the text builds a value of {len(text)} items (limit {MAX_OUTPUT})")
    return text


def _check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1 and exponent > 0:
        if exponent * base.bit_length() > MAX_POWER_BITS:
            raise SecurityError(f"{base} ** {exponent} is too big a number")


def _result_size(operator: str, left: Any, right: Any) -> int | None:
    """Return the length ``left operator right`` would have, or None when it is not a sequence."""
    sequences = (str, list, tuple)
    if operator == "*":
        if isinstance(left, sequences) and isinstance(right, int):
            return len(left) * right
        if isinstance(right, sequences) and isinstance(left, int):
            return len(right) * left
        return None
    if isinstance(left, sequences) and isinstance(right, sequences):
        return len(left) + len(right)
    return None


class _Counting(NodeTransformer):
    """Wrap every loop's iterable in the step counter, and every ``~`` in the measured join."""

    def visit_For(self, node: nodes.For) -> nodes.For:
        self.generic_visit(node)
        node.iter = _hook_call(LOOP_HOOK, [node.iter], node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Call:
        self.generic_visit(node)
        return _hook_call(CONCAT_HOOK, list(node.nodes), node.lineno)


def _hook_call(hook: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.Name(hook, "load", lineno=lineno), args, [], None, None, lineno=lineno)


def limit_problems(tree: nodes.Template) -> list[str]:
    """Return what the parsed text ``tree`` would run into, seen without rendering it (literal sizes only).

    ``kitgen validate`` reports these; what depends on data shows only when the build renders the text.
    """
    found = [f"range() of {size} items (limit {MAX_RANGE})" for size in _literal_ranges(tree) if size > MAX_RANGE]
    for node in tree.find_all(nodes.Mul):
        sizes = [_literal(side) for side in (node.left, node.right)]
        texts = [s for s in sizes if isinstance(s, str)]
        counts = [s for s in sizes if isinstance(s, int) and not isinstance(s, bool)]
        if texts and counts and len(texts[0]) * counts[0] > MAX_OUTPUT:
            found.append(f"the text builds a value of {len(texts[0]) * counts[0]} items (limit {MAX_OUTPUT})")
    if not found and _loop_steps(tree, 1) > MAX_STEPS:
        found.append(f"the text's loops run more than {MAX_STEPS} steps")
    return list(dict.fromkeys(found))


def _literal_ranges(tree: nodes.Node) -> Iterator[int]:
    for call in tree.find_all(nodes.Call):
        size = _range_size(call)
        if size is not None:
            yield size


def _range_size(node: nodes.Node) -> int | None:
    """Return the length of ``range(<literal ints>)``, or None for anything else."""
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range"):
        return None
    args = [_literal(arg) for arg in node.args]
    if node.kwargs or not 1 <= len(args) <= 3 or not all(isinstance(a, int) for a in args) or args[-1:] == [0] and len(args) == 3:
        return None
    return len(range(*args))


def _loop_steps(node: nodes.Node, factor: int) -> int:
    """Return the iterations the literal ``range()`` loops under ``node`` run, nested ones multiplied."""
    total = 0
    for child in node.iter_child_nodes():
        size = _range_size(child.iter) if isinstance(child, nodes.For) else None
        if size is None:
            total += _loop_steps(child, factor)
        else:
            total += factor * size + _loop_steps(child, factor * size)
    return total


def _literal(node: nodes.Node) -> Any:
    """Return the value of a literal number or string, with ``+ - * **`` of small literals folded; None otherwise."""
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, str)):
        return node.value
    if isinstance(node, nodes.Neg):
        value = _literal(node.node)
        return -value if isinstance(value, int) else None
    if isinstance(node, (nodes.Pow, nodes.Mul, nodes.Add, nodes.Sub)):
        left, right = _literal(node.left), _literal(node.right)
        if not (isinstance(left, int) and isinstance(right, int)):
            return None
        if isinstance(node, nodes.Pow):
            if right < 0 or (abs(left) > 1 and right * left.bit_length() > 64):
                return None
            return left ** right
        return left * right if isinstance(node, nodes.Mul) else left + right if isinstance(node, nodes.Add) else left - right
    return None
