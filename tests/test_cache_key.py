"""The one cache-key recipe: every key counts kitgen's code, the library versions and its own inputs."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


import generator
import generator.cache_key as recipe
from generator.cache_key import LIBRARIES, NOT_INSTALLED, cache_key

PACKAGE = Path(generator.__file__).resolve().parent
#: what the seven keys listed by hand before there was one recipe: none may drop out of it
LISTED_BEFORE = {"python-pptx", "matplotlib", "babel", "pandas", "zlib-ng", "cloudpickle", "xlsxwriter"}


def test_a_key_is_a_sha256_hex_that_depends_on_the_kind_and_each_part():
    key = cache_key("chart", {"kind": "bar"}, b"data", "text")
    assert re.fullmatch(r"[0-9a-f]{64}", key) and key == cache_key("chart", {"kind": "bar"}, b"data", "text")
    assert key != cache_key("deck", {"kind": "bar"}, b"data", "text")
    assert key != cache_key("chart", {"kind": "line"}, b"data", "text")
    assert cache_key("k", "ab", "c") != cache_key("k", "a", "bc")  # parts cannot run together
    assert cache_key("k", b"a") != cache_key("k", "a")  # nor pass for one another
    assert cache_key("k", {"a": 1, "b": 2}) == cache_key("k", {"b": 2, "a": 1})  # values count canonically


def test_a_library_upgrade_or_other_code_changes_every_key(monkeypatch):
    before = cache_key("chart", "request")
    real = recipe.installed_version
    monkeypatch.setattr(recipe, "environment", recipe.environment.__wrapped__)  # the versions read at each key
    for library in LIBRARIES:
        monkeypatch.setattr(recipe, "installed_version", lambda d, lib=library: "0.0" if d == lib else real(d))
        assert cache_key("chart", "request") != before, library
    monkeypatch.setattr(recipe, "installed_version", real)
    assert cache_key("chart", "request") == before
    monkeypatch.setattr(recipe, "code_hash", lambda: "0" * 64)  # every commit is 0.1.0: the code itself counts
    assert cache_key("chart", "request") != before


def test_the_recipe_holds_every_library_the_keys_listed_and_reads_their_versions_right():
    assert LISTED_BEFORE <= set(LIBRARIES)
    for library in LIBRARIES:
        try:
            expected = version(library)
        except PackageNotFoundError:
            expected = NOT_INSTALLED
        assert recipe.installed_version(library) == expected, library
    assert recipe.installed_version("no-such-kitgen-library") == NOT_INSTALLED


def test_the_code_hash_is_a_sha256_computed_once_per_process():
    assert re.fullmatch(r"[0-9a-f]{64}", recipe.code_hash())
    assert recipe.code_hash() is recipe.code_hash()  # once per process


def test_no_module_keeps_a_version_list_of_its_own():
    """Library versions are read in one place: a key that lists its own forgets the next library."""
    reading = re.compile(r"installed_version\(|importlib\.metadata|pd\.__version__")
    readers = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
               if path != PACKAGE / "cache_key.py" and reading.search(path.read_text(encoding="utf-8"))]
    assert readers == []


def test_a_key_imports_no_library_no_stage_and_no_metadata_reader():
    """A build answered from caches computes keys, never importing matplotlib (0.3 s) or importlib.metadata."""
    script = ("import sys; from generator.cache_key import cache_key; cache_key('chart', {'a': 1}); "
              "loaded = {'matplotlib', 'pandas', 'pptx', 'importlib.metadata'} & set(sys.modules); "
              "loaded |= {m for m in sys.modules if m.startswith('generator.') and m != 'generator.cache_key'}; "
              "assert not loaded, loaded")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
