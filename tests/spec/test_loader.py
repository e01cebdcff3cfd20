"""The safe YAML loader: line marks, retyped scalars and the hazards it refuses."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.spec.loader import Scalar, load_yaml
from generator.spec.model import DeckSpec
from generator.spec.validate import typing_traps, validate_document


def _load(tmp_path: Path, text: str):
    file = tmp_path / "spec.yaml"
    file.write_text(text, "utf-8")
    return load_yaml(file, display="spec.yaml")


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(SpecError) as info:
        _load(tmp_path, text)
    return str(info.value)


def test_marks_and_retyped_scalars(tmp_path):
    loaded = _load(tmp_path, "title: x\nslides:\n  - role: title\n    title: NO\n")
    assert loaded.locate(("slides", 0, "title")).line == 4
    assert loaded.retyped[("slides", 0, "title")] == Scalar("NO", "bool")


def test_quoted_values_are_not_retyped(tmp_path):
    assert not _load(tmp_path, 'title: "NO"\n').retyped


@pytest.mark.parametrize("value, message", [
    ("NO", "'NO' is read as false, not as text"),
    ("yes", "'yes' is read as true, not as text"),
    ("1.10", "'1.10' is read as the number 1.1, not as text"),
    ("12:30", "'12:30' is read as the number 750, not as text"),
    ("2026-07-01", "'2026-07-01' is read as a date, not as text"),
    ("0042", "'0042' is read as the octal number 34: leading zeros are lost"),
])
def test_typing_traps_in_text_fields(tmp_path, value, message):
    loaded = _load(tmp_path, f"title: {value}\nslides:\n  - role: title\n")
    model, findings = validate_document(loaded, DeckSpec)
    assert model is None
    assert [f.message for f in findings] == [message]
    assert findings[0].hint == f'quote it: "{value}"'


def test_filter_values_keep_their_zeros_only_when_quoted(tmp_path):
    text = "title: x\nslides:\n  - role: table\n    table:\n      data: {source: s, filter: {id: %s}}\n" \
           "      columns: [{column: a}]\n"
    assert typing_traps(_load(tmp_path, text % "004101"), DeckSpec)[0].key == "slides[0].table.data.filter.id"
    assert not typing_traps(_load(tmp_path, text % '"004101"'), DeckSpec)
    assert not typing_traps(_load(tmp_path, text % "true"), DeckSpec)


def test_duplicate_key_cites_both_lines(tmp_path):
    assert _error(tmp_path, "title: a\ntitle: b\n") == \
        "spec.yaml:2:1: title: duplicate key 'title' (first defined on line 1) (keep only one of them)"


CHART = "slides:\n  - role: chart\n    chart:\n      type: line\n      x: month\n{moved}\n      series: []\n"


@pytest.mark.parametrize("moved", ["    x_format: month", "     x_format: month", "x_format: month"])
def test_a_key_out_of_line_is_named_with_the_mapping_it_belongs_under(tmp_path, moved):
    column = len(moved) - len(moved.lstrip()) + 1
    assert _error(tmp_path, CHART.format(moved=moved)) == (
        f"spec.yaml:6:{column}: 'x_format' is out of line with the other keys of 'slides[0].chart' "
        "(indent it 6 spaces, like 'x' on line 5)")


def test_a_key_indented_under_a_value_is_the_one_out_of_line(tmp_path):
    text = CHART.format(moved="      x_format: month").replace("      series: []", "        series: []\n      render: image")
    assert _error(tmp_path, text) == ("spec.yaml:7:9: 'series' is out of line with the other keys of "
                                      "'slides[0].chart' (indent it 6 spaces, like 'x_format' on line 6)")


def test_a_colon_inside_a_value_still_asks_for_quotes(tmp_path):
    assert _error(tmp_path, "slides:\n  - role: title\n    title: Note: read this\n") == \
        "spec.yaml:3:16: a ':' inside a value starts a new key here (quote the value)"


def test_tab_indentation(tmp_path):
    assert "a tab character is used for indentation (indent with spaces)" in _error(tmp_path, "a:\n\tb: 1\n")


def test_python_tags_are_refused(tmp_path):
    assert "the tag '!!python/object/apply:os.system' is not allowed" in \
        _error(tmp_path, "a: !!python/object/apply:os.system [ls]\n")


def test_alias_bomb_is_refused_fast(tmp_path):
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    started = time.perf_counter()
    assert "alias bomb" in _error(tmp_path, "\n".join(levels) + "\n")
    assert time.perf_counter() - started < 5  # generous: the point is that nothing is expanded


def test_empty_and_comment_only_files(tmp_path):
    assert "the file is empty" in _error(tmp_path, "")
    assert "the file is empty" in _error(tmp_path, "# only a comment\n")


def test_non_utf8_bytes(tmp_path):
    (tmp_path / "spec.yaml").write_bytes("title: Montréal\n".encode("cp1252"))
    with pytest.raises(SpecError, match=r"spec.yaml:1:13: byte 0xe9 is not UTF-8"):
        load_yaml(tmp_path / "spec.yaml", display="spec.yaml")


def test_unclosed_bracket_points_at_the_bracket(tmp_path):
    assert _error(tmp_path, "a: [1, 2\nb: 3\n").startswith("spec.yaml:1:4: the '[' opened here is never closed")
