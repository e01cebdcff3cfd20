"""The pipeline's import rules, checked on every run of the suite.

The stage layers of ``[tool.importlinter]`` in pyproject.toml (import-linter): a package imports
only packages below it, and the packages of one layer never import each other. A stage reaches
another through its face (its ``__init__``), never an inner module, and every face is written
one way: eager imports, and the modules whose import cost is measured in ``_LATER``.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_stage_layers_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 kept, 0 broken" in done.stdout


GENERATOR = ROOT / "generator"
STAGES = sorted(path.parent.name for path in GENERATOR.glob("*/__init__.py"))


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "generator" and parts[1] in STAGES else None


def _inner_imports(path: Path) -> list[str]:
    """Return the imports of another stage's inner module in ``path`` (function bodies and TYPE_CHECKING too)."""
    own = path.relative_to(GENERATOR).parts[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            if _stage_of(name) not in (None, own) and name.count(".") > 1:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    return found


def test_stages_import_each_other_by_their_faces_only():
    stage_modules = (path for path in sorted(GENERATOR.rglob("*.py")) if path.parent != GENERATOR)
    inner = [hit for path in stage_modules for hit in _inner_imports(path)]
    assert inner == []


def _face_parts(stage: str) -> tuple[set[str], dict[str, set[str]], dict[str, set[str]]]:
    """Return a face's eager names (imported or defined there) and, per module, its ``TYPE_CHECKING``
    names and its ``_LATER`` names."""
    tree = ast.parse((GENERATOR / stage / "__init__.py").read_text(encoding="utf-8"))
    eager: set[str] = set()
    checked: dict[str, set[str]] = {}
    later: dict[str, set[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator."):
            eager |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):  # a face that is also the stage's entry point
            eager.add(node.name)
        elif isinstance(node, ast.If):  # if TYPE_CHECKING:
            for inner in node.body:
                checked.setdefault(inner.module, set()).update(alias.name for alias in inner.names)
        elif isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "_LATER":
            pairs = zip(node.value.keys, node.value.values)
            later = {key.value: {name.value for name in value.elts} for key, value in pairs}
    return eager, checked, later


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_face_has_one_style(stage: str):
    """Eager imports; costly modules in ``_LATER``, mirrored in ``TYPE_CHECKING`` for type checkers;
    no exported name is also a submodule's (the submodule would replace it once imported)."""
    face = importlib.import_module(f"generator.{stage}")
    eager, checked, later = _face_parts(stage)
    assert checked == later
    lazy = set().union(*later.values()) if later else set()
    exported = set(getattr(face, "__all__", ()))
    assert eager | lazy >= exported and lazy <= exported
    assert not exported & {module.name for module in pkgutil.iter_modules(face.__path__)}
    for name in exported:
        getattr(face, name)
