"""kitgen: YAML deck specs + HQ master templates + regional data -> localized PowerPoint decks."""

from importlib import import_module
from typing import Any, Callable

__version__ = "0.1.0"


def lazy_face(package: str, face: dict[str, str]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` (PEP 562) importing each name of ``face`` from its module on first use.

    Stage packages name their public face this way, so that importing one module of a
    stage does not import the whole stage (pandas, matplotlib, python-pptx) or loop back.
    """

    def __getattr__(name: str) -> Any:
        if name in face:
            return getattr(import_module(face[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
