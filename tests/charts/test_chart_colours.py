"""One visual language: a category or scenario keeps the brand's colour in every chart, legends read as stacks do."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections import defaultdict
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.colors import to_hex
from matplotlib.image import imread

from generator.charts import ChartRequest, Series, chart_cache_key, chart_colors, render_chart
from generator.charts.canvas import Canvas
from generator.charts.category import _legend
from generator.charts.render import new_figure
from generator.charts.style import chart_rc, make_theme

EMU = 914_400
PALETTE = ("#1F2F4A", "#B8975A", "#7A8CA5", "#5E7F6E")
FIXED = {"Solenne": "#B8975A", "Ombrelune": "#1F2F4A"}
SCENARIOS = {"ty": "#101B2D", "ly": "#A7A39A", "target": "#101B2D"}
SAMPLE_SEASON = Path(__file__).parents[2] / "decks" / "fw26"


def test_fixed_categories_keep_their_colour_whatever_their_place():
    one = chart_colors("stacked_bar", ("juil.",), (Series("Ombrelune", (1.0,), key="Ombrelune"),
                                                    Series("Solenne", (2.0,), key="Solenne")), PALETTE, FIXED, {})
    other = chart_colors("donut", ("Solenne", "Ombrelune"), (Series("Part", (2.0, 1.0)),), PALETTE, FIXED, {},
                         ("Solenne", "Ombrelune"))
    assert one == ("#1F2F4A", "#B8975A") and other == ("#B8975A", "#1F2F4A")


def test_translated_parts_are_matched_by_their_data_value():
    series = (Series("Boutique phare", (1.0,), key="flagship"), Series("Standard", (1.0,), key="standard"))
    assert chart_colors("bar", ("T3",), series, PALETTE, {"flagship": "#5b6676"}, {}) == ("#5B6676", "#1F2F4A")


def test_other_parts_take_the_palette_colours_the_chart_leaves_free_in_order():
    series = (Series("Veyrac", (1.0,)), Series("Solenne", (1.0,)), Series("Autre", (1.0,)))
    assert chart_colors("stacked_bar", ("juil.",), series, PALETTE, FIXED, {}) == ("#1F2F4A", "#B8975A", "#7A8CA5")
    # Ombrelune takes navy here: the free colours skip it
    series = (Series("Veyrac", (1.0,)), Series("Ombrelune", (1.0,)))
    assert chart_colors("stacked_bar", ("juil.",), series, PALETTE, FIXED, {}) == ("#B8975A", "#1F2F4A")


def test_scenarios_follow_ibcs_notation_and_meaningful_colours_stay():
    series = (Series("AH26", (1.0,), "ty"), Series("An dernier", (1.0,), "ly"), Series("Cible", (1.0,), "target"))
    assert chart_colors("bar", ("Solenne",), series, PALETTE, FIXED, SCENARIOS) == ("#101B2D", "#A7A39A", "#101B2D")
    # no brand scenario colours: the drawers' own convention (last year muted) applies
    assert chart_colors("line", ("juil.",), series[:2], PALETTE, {}, {}) == ("", "")
    assert chart_colors("waterfall", ("Solenne",), series[:1], PALETTE, FIXED, SCENARIOS) == ()  # rise and fall


def _request(kind: str, categories, *series: Series, **changes) -> ChartRequest:
    fields = dict(kind=kind, categories=tuple(categories), series=series, width_emu=6 * EMU, height_emu=3 * EMU,
                  locale="fr_CA", currency="CAD", value_format="currency", palette=PALETTE)
    fields.update(changes)
    return ChartRequest(**fields)


def test_the_colours_are_in_the_cache_key_and_in_the_picture():
    plain = _request("donut", ("Solenne", "Ombrelune"), Series("Part", (2.0, 1.0)))
    fixed = dataclasses.replace(plain, colors=("#5E7F6E", "#9C6B5A"))
    assert chart_cache_key(plain) != chart_cache_key(fixed)
    image = imread(io.BytesIO(render_chart(fixed).png))
    colours = {to_hex(tuple(p)) for p in image[:, :, :3].reshape(-1, 3)[::7]}
    assert {"#5e7f6e", "#9c6b5a"} <= colours and "#b8975a" not in colours


def test_a_stack_legend_reads_top_segment_first():
    request = _request("stacked_bar", ("juil.", "août"), *(Series(n, (1.0, 2.0)) for n in ("Bas", "Milieu", "Haut")))
    rc = chart_rc(None)
    with matplotlib.rc_context(rc):
        canvas = Canvas(new_figure(request))
        legend = _legend(canvas, request, make_theme(request.palette, rc), line=False, stacked=True)
        assert [e.label for e in legend.entries] == ["Haut", "Milieu", "Bas"]
        legend.fit(canvas.width)
        assert len(legend.columns) == 3  # one row, read left to right: never rows interleaving the stack


def test_a_target_bar_is_outlined():
    request = _request("bar", ("Solenne",), Series("AH26", (5.0,), "ty"), Series("Cible", (6.0,), "target"),
                       colors=("#101B2D", "#9C6B5A"))
    image = np.asarray(imread(io.BytesIO(render_chart(request).png)))[:, :, :3]
    colours = [to_hex(tuple(p)) for p in image.reshape(-1, 3)]
    filled = colours.count("#101b2d")
    assert 0 < colours.count("#9c6b5a") < filled / 3  # an outline, not a filled bar of the same height


# ----------------------------------------------------------------- the whole season
def _recorded_build(tmp_path: Path, monkeypatch, native: bool) -> tuple[list[ChartRequest], Path]:
    from generator.build.builder import DeckBuilder
    from generator.build.pipeline import BuildOptions, build_season

    requests: list[ChartRequest] = []
    chart_request, context = DeckBuilder.chart_request, DeckBuilder.context

    def recorded(self, *args, **kwargs):
        requests.append(chart_request(self, *args, **kwargs))
        return requests[-1]

    monkeypatch.setattr(DeckBuilder, "chart_request", recorded)
    if native:  # every chart with a PowerPoint form drawn natively, as a season with `render: native` has them
        monkeypatch.setattr(DeckBuilder, "context", lambda self, *a: {**context(self, *a), "_render_default": "native"})
    out = tmp_path / ("native" if native else "pictures")
    build_season(SAMPLE_SEASON, BuildOptions(out_dir=out, regions=("CA",), only=("market-meeting", "monthly-call")))
    return requests, out


def _native_colours(out: Path) -> dict[str, set[str]]:
    """Return the colours each series or point name has in the native charts' XML of every deck in ``out``."""
    seen: dict[str, set[str]] = defaultdict(set)
    for deck in out.rglob("*.pptx"):
        with zipfile.ZipFile(deck) as package:
            for name in (n for n in package.namelist() if re.match(r"ppt/charts/chart\d+\.xml$", n)):
                xml = package.read(name).decode("utf-8")
                for ser in re.findall(r"<c:ser>.*?</c:ser>", xml, re.S):
                    title = re.search(r"<c:tx>.*?<c:v>(.*?)</c:v>", ser, re.S).group(1)
                    points = re.findall(r"<c:dPt>.*?<c:idx val=\"(\d+)\"/>.*?<a:srgbClr val=\"(\w+)\"", ser, re.S)
                    if points:  # parts of a whole: each point is a category
                        cats = re.search(r"<c:cat>(.*?)</c:cat>", ser, re.S).group(1)
                        names = re.findall(r"<c:v>(.*?)</c:v>", cats)
                        for index, colour in points:
                            seen[names[int(index)]].add("#" + colour)
                        continue
                    fill = re.search(r"<c:spPr>.*?<a:srgbClr val=\"(\w+)\"", ser, re.S)
                    if fill:
                        seen[title].add("#" + fill.group(1))
    return seen


def test_every_category_has_one_colour_across_the_season(tmp_path, monkeypatch):
    from generator.spec import load_brand

    brand, _ = load_brand(SAMPLE_SEASON.parents[1] / "brand_assets" / "brand.yaml")
    fixed = brand.category_colours()
    requests, _ = _recorded_build(tmp_path, monkeypatch, native=False)
    seen: dict[str, set[str]] = defaultdict(set)
    for request in requests:
        names = request.categories if request.kind == "donut" else [s.key or s.name for s in request.series]
        for name, colour in zip(names, request.colors):
            seen[name].add(colour)
    collections = {"Solenne", "Lumeris", "Veyrac", "Ombrelune", "Nordane"}
    assert collections <= seen.keys()  # the donut and the stacked bars both show every collection
    assert {name: colours for name, colours in seen.items() if name in fixed} == \
        {name: {fixed[name]} for name in seen if name in fixed}
    _, out = _recorded_build(tmp_path, monkeypatch, native=True)
    native = _native_colours(out)
    assert collections <= native.keys()
    assert {name: colours for name, colours in native.items() if name in collections} == \
        {name: {fixed[name]} for name in collections}
