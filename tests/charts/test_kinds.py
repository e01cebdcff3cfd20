"""Chart kinds: one list (generator/spec/chart_kinds.py), one charts descriptor per name, nothing else names them."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pytest

from generator.charts import ChartKindInfo, ChartRequest, Series, chart_kind, chart_kinds, render_chart
from generator.charts.kinds import register
from generator.charts.kinds.base import any_value
from generator.charts.kinds.category import series_listing
from generator.errors import RenderError
from generator.spec import kind_names, kind_rules
from generator.spec.chart_kinds import Reads
from generator.spec.model import ChartKind, ChartSpec

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "generator"
EMU = 914_400


def test_every_kind_of_the_list_has_one_complete_descriptor_and_no_descriptor_names_another():
    from pptx.enum.chart import XL_CHART_TYPE

    assert kind_names() == ("bar", "stacked_bar", "line", "donut", "waterfall", "bullet", "gantt")
    assert tuple(k.name for k in chart_kinds()) == kind_names()
    spec_keys = set(ChartSpec.model_fields)
    for kind in chart_kinds():
        assert chart_kind(kind.name) is kind and kind.rules is kind_rules(kind.name)
        assert kind.word and kind.rules.reads in typing.get_args(Reads)
        assert callable(kind.drawer()) and callable(kind.has_data) and callable(kind.describe)
        assert kind.native is None or isinstance(getattr(XL_CHART_TYPE, kind.native), XL_CHART_TYPE)
        assert kind.rules.needs, f"{kind.name} names no spec requirement"
        assert {key for need in kind.rules.needs for key in need.keys} | set(kind.rules.keys) <= spec_keys


def test_the_spec_model_and_schema_offer_the_listed_kinds_in_order():
    from generator.spec.schema import spec_schema

    assert typing.get_args(ChartKind) == kind_names()
    assert spec_schema()["$defs"]["ChartSpec"]["properties"]["type"]["enum"] == list(kind_names())


def test_flat_kinds_are_drawn_flat_and_the_others_on_an_axes():
    from generator.charts.render import DRAWERS, FLAT_DRAWERS

    assert set(FLAT_DRAWERS) == {k.name for k in chart_kinds() if k.flat}
    assert set(DRAWERS) == {k.name for k in chart_kinds() if not k.flat}


@pytest.mark.parametrize(("kind", "message"), [
    ("bullet", "a bullet chart needs 'actual' (e.g. kpi.roi)"),
    ("gantt", "a gantt chart needs 'data'"),
    ("bar", "a bar chart needs 'data'"),
])
def test_a_spec_missing_what_its_kind_needs_is_refused(kind, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        ChartSpec(type=kind)


def test_the_first_unmet_requirement_is_the_error():
    data = {"source": "sales"}
    with pytest.raises(ValueError, match="a gantt chart needs 'label', 'start' and 'end' columns"):
        ChartSpec(type="gantt", data=data, label="name", start="from")
    with pytest.raises(ValueError, match="a line chart needs 'x' and 'series'"):
        ChartSpec(type="line", data=data, x="")
    assert ChartSpec(type="line", data=data, x="month", series=[{"column": "units"}]).type == "line"


def test_native_chart_types_come_from_the_registry():
    from generator.fill.native_chart import supports_native

    assert [k for k in kind_names() if supports_native(k)] == ["bar", "stacked_bar", "line", "donut"]
    assert not supports_native("no such kind")


def _dot_kind(**changes) -> ChartKindInfo:
    """Return the charts half of a made-up kind drawn as a line."""
    fields = dict(name="dot", word="Dot chart", draw="generator.charts.category:draw_line", flat=True,
                  has_data=any_value, describe=series_listing)
    return ChartKindInfo(**{**fields, **changes})


def test_a_described_kind_is_drawn_checked_for_data_and_described_with_no_other_edit(monkeypatch):
    from generator.charts import kinds

    monkeypatch.setattr(kinds, "_REGISTRY", dict(kinds._REGISTRY))  # the made-up kind leaves with the test
    register(_dot_kind())
    assert chart_kinds()[-1].name == "dot"  # described, though not (yet) in the spec's list
    chart = render_chart(ChartRequest("dot", ("Jan", "Feb"), (Series("2026", (1.0, 2.0)),), 2 * EMU, EMU))
    assert chart.alt_text.startswith("Dot chart: 2026: Jan 1")
    empty = render_chart(ChartRequest("dot", ("Jan",), (Series("2026", (None,)),), 2 * EMU, EMU))
    assert empty.alt_text == "Dot chart: No data"


def test_a_name_cannot_be_described_twice(monkeypatch):
    from generator.charts import kinds

    monkeypatch.setattr(kinds, "_REGISTRY", dict(kinds._REGISTRY))
    with pytest.raises(ValueError, match="chart kind 'bar' is described twice"):
        register(_dot_kind(name="bar"))


def test_a_kind_added_to_the_list_and_described_is_validated_drawn_and_in_the_schema_and_reference():
    """What adding a kind takes: its entry in the spec's list and its descriptor (here put in place at run time)."""
    script = textwrap.dedent("""
        import re
        import generator.spec.chart_kinds as listed
        from generator.charts import ChartRequest, Series, render_chart
        from generator.charts.kinds import ChartKindInfo, register
        from generator.charts.kinds.base import any_value
        from generator.charts.kinds.category import series_listing
        dot = listed.KindRules("dot", "series", listed.SERIES_NEEDS, {"category": "dot: column shading the dots"})
        listed.CHART_KINDS = (*listed.CHART_KINDS[:3], dot, *listed.CHART_KINDS[3:])
        register(ChartKindInfo("dot", "Dot chart", "generator.charts.category:draw_line", True, any_value,
                               series_listing))
        from generator.spec.model import ChartSpec
        from generator.spec.reference import spec_reference
        from generator.spec.schema import spec_schema
        from generator.fill.native_chart import supports_native
        assert ChartSpec(type="dot", data={"source": "s"}, x="m", series=[{"column": "v"}]).type == "dot"
        try:
            ChartSpec(type="dot", data={"source": "s"})
        except ValueError as error:
            assert "a dot chart needs 'x' and 'series'" in str(error), error
        else:
            raise AssertionError("a dot chart without x was accepted")
        enum = spec_schema()["$defs"]["ChartSpec"]["properties"]["type"]["enum"]
        assert enum[2:4] == ["line", "dot"], enum
        page = spec_reference()
        assert re.search(r"[|] `type` [|] .*`line` \\S+ `dot` \\S+ `donut`", page)
        assert "dot: column shading the dots; gantt: column colouring the bars (codes show through labels)" in page
        assert not supports_native("dot")
        chart = render_chart(ChartRequest("dot", ("Jan",), (Series("2026", (1.0,)),), 914400, 914400))
        assert chart.alt_text.startswith("Dot chart: 2026: Jan 1"), chart.alt_text
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_spec_stage_reads_the_kinds_without_the_charts_stage_matplotlib_or_pptx():
    script = ("import sys; import generator.spec.model, generator.spec.reference_notes; "
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'pptx', 'babel')"
              " or m.startswith('generator.charts')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _kind_constants(node: ast.AST) -> set[str]:
    """Return the chart kind names a literal holds: a string, or a tuple, list or set of them."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return {i.value for i in items if isinstance(i, ast.Constant) and i.value in kind_names()}


@pytest.mark.parametrize("stage", ["spec", "validation", "resolve", "charts", "fill"])
def test_no_stage_branches_on_a_kind_name(stage):
    """Adding a kind touches its list entry and its descriptor: nothing else compares or tabulates kind names."""
    found = []
    for path in sorted((GENERATOR / stage).rglob("*.py")):
        if "kinds" in path.relative_to(GENERATOR).parts or path.name == "chart_kinds.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            compared = isinstance(node, ast.Compare) and any(_kind_constants(n) for n in (node.left, *node.comparators))
            # one "line" key is a line number; a table by kind has several kinds as keys
            table = isinstance(node, ast.Dict) and len({n for k in node.keys if k for n in _kind_constants(k)}) > 1
            if compared or table:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_an_unknown_kind_is_named_with_the_kinds_there_are():
    with pytest.raises(RenderError, match="unknown chart kind 'pie'; valid kinds: bar, stacked_bar, line, donut"):
        render_chart(ChartRequest("pie", ("Jan",), (Series("2026", (1.0,)),), 2 * EMU, EMU))
    with pytest.raises(KeyError, match="unknown chart kind 'pie'; valid kinds: bar, stacked_bar"):
        kind_rules("pie")
