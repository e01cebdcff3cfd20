"""kitgen: YAML deck specs + HQ master templates + regional data -> localized PowerPoint decks."""

from importlib import import_module
from typing import Any, Callable

__version__ = "0.1.0"


def lazy_face(package: str, later: dict[str, tuple[str, ...]]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` (PEP 562) importing each name of ``later`` from its module on first use.

    ``later`` maps a module of the stage to the names it gives the face. A stage face imports its
    light modules at once and names the costly ones here (with the cost measured, in a comment), each
    mirrored in an ``if TYPE_CHECKING:`` block so type checkers and IDEs see them; tests/test_layout.py
    keeps the two equal.
    """
    module_of = {name: module for module, names in later.items() for name in names}

    def __getattr__(name: str) -> Any:
        if name in module_of:
            return getattr(import_module(module_of[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
