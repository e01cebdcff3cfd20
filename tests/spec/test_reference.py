"""The spec key reference (decks/REFERENCE.md) is generated from the models and cannot drift from them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.spec.model import ROLES, DeckSpec, SeasonSpec
from generator.spec.reference import spec_reference, unexplained_keys
from generator.spec.reference_notes import EXAMPLES, NOTES, ROLE_NEEDS

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "decks" / "REFERENCE.md"


def _keys() -> set[str]:
    seen, queue, keys = set(), [SeasonSpec, DeckSpec], set()
    while queue:
        model = queue.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            keys.add(f"{model.__name__}.{name}")
            queue += [a for a in _types(info.annotation) if isinstance(a, type) and hasattr(a, "model_fields")]
    return keys


def _types(annotation):
    yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _types(arg)


def test_committed_reference_is_current():
    assert PAGE.read_text("utf-8") == spec_reference(), "run 'kitgen schema --reference' and commit decks/REFERENCE.md"


def test_every_key_has_a_description_and_an_example():
    assert unexplained_keys() == []


def test_notes_name_only_keys_the_models_have():
    keys = _keys()
    assert sorted(set(NOTES) - keys) == [] and sorted(set(EXAMPLES) - keys) == []
    assert set(ROLE_NEEDS) == set(ROLES)


def test_every_key_is_on_the_page():
    page = PAGE.read_text("utf-8")
    for key in _keys():
        model, name = key.split(".")
        assert f"### {model}\n" in page and f"| `{name.rstrip('_')}` |" in page, key


def test_schema_command_writes_the_reference(tmp_path):
    out = tmp_path / "REFERENCE.md"
    result = CliRunner().invoke(cli, ["schema", "--reference", "--out", str(out)])
    assert result.exit_code == 0 and result.output == f"wrote {out}\n"
    assert "| `max_rows` | integer | `10` | rows per slide before continuing | `6` |" in out.read_text("utf-8")
