"""The charts stage's half of each chart kind: one :class:`ChartKindInfo` per name of the spec's list.

The kinds themselves, in order, with what the spec asks of each, are listed once in
generator/spec/chart_kinds.py (the spec stage sits below charts and needs them first).
Here each module of this package describes how its kinds are drawn, when they have
data, what their alt text says and which PowerPoint chart type they become (its
``KINDS`` tuple), and is found by walking the package: adding a kind is one entry in
the spec's list and one module here. ``register`` adds a descriptor from elsewhere (tests).

Kind modules import only the standard library, the charts model and the spec's kind
list when loaded; what draws or describes a chart is imported when it runs.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from generator.charts.kinds.base import ChartKindInfo
from generator.spec import kind_names as spec_kind_names

__all__ = ["ChartKindInfo", "chart_kind", "chart_kinds", "register"]

_REGISTRY: dict[str, ChartKindInfo] = {}


def register(*kinds: ChartKindInfo) -> None:
    """Add ``kinds`` to the registry; a name described twice is a programming error."""
    for kind in kinds:
        if kind.name in _REGISTRY and _REGISTRY[kind.name] != kind:
            raise ValueError(f"chart kind {kind.name!r} is described twice")
        _REGISTRY[kind.name] = kind


def chart_kinds() -> tuple[ChartKindInfo, ...]:
    """Return every described kind: in the spec's order, then any registered beyond it (tests) by name."""
    order = {name: index for index, name in enumerate(spec_kind_names())}
    return tuple(sorted(_REGISTRY.values(), key=lambda k: (order.get(k.name, len(order)), k.name)))


def chart_kind(name: str) -> ChartKindInfo:
    """Return the descriptor of ``name``, or raise KeyError naming the kinds there are."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(k.name for k in chart_kinds())
        raise KeyError(f"unknown chart kind {name!r}; valid kinds: {known}") from None


def _discover() -> None:
    """Register the ``KINDS`` of every module of this package (base and modules starting with "_" aside)."""
    for module in pkgutil.iter_modules(__path__):
        if module.name != "base" and not module.name.startswith("_"):
            register(*import_module(f"{__name__}.{module.name}").KINDS)


_discover()
