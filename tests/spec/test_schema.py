"""The JSON Schema editors use is generated from the validator's models and accepts the sample specs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.spec.schema import spec_schema

REPO = Path(__file__).resolve().parents[2]
SCHEMA_FILE = REPO / "decks" / "kitgen.schema.json"
SAMPLES = sorted((REPO / "decks").glob("*/season.yaml")) + sorted((REPO / "decks").glob("*/decks/*.yaml"))


def _as_json(value):
    """Return YAML data as an editor sees it: dates stay text."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def test_committed_schema_is_current():
    assert json.loads(SCHEMA_FILE.read_text("utf-8")) == spec_schema()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(REPO)))
def test_schema_accepts_every_sample_spec(sample: Path):
    data = _as_json(yaml.safe_load(sample.read_text("utf-8")))
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text("utf-8")))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(REPO)))
def test_sample_specs_point_editors_at_the_schema(sample: Path):
    first = sample.read_text("utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert (sample.parent / first.split("=", 1)[1]).resolve() == SCHEMA_FILE


def test_schema_rejects_a_typo():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"titel": "x", "slides": []}, spec_schema())


def test_schema_command_writes_the_file(tmp_path):
    out = tmp_path / "kitgen.schema.json"
    result = CliRunner().invoke(cli, ["schema", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8")) == spec_schema()
