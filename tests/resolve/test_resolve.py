"""resolve_deck over the tiny season: conditions, repeats, continued tables, located errors, localized charts."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import TINY_SPEC, write_tiny_files

from generator.data.bindings import DataStore
from generator.data.kpis import compute_kpis
from generator.errors import SpecError
from generator.i18n.localize import Catalogs, LocaleContext, TextRenderer
from generator.resolve.slides import DeckContext, repeat_records, resolve_deck
from generator.spec.loader import load_yaml
from generator.spec.model import DeckSpec, SeasonSpec
from generator.spec.validate import validate_document

FR_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "(continued)"
msgstr "(suite)"

msgid "Lines"
msgstr "Lignes"
"""


@pytest.fixture
def season_dir(tmp_path: Path) -> Path:
    """Return a folder with the tiny data, a 25-row source and a one-entry French catalog."""
    write_tiny_files(tmp_path)
    (tmp_path / "lines.csv").write_text("n,label\n" + "".join(f"{i},line {i}\n" for i in range(1, 26)))
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "fr.po").write_text(FR_PO, encoding="utf-8")
    return tmp_path


def make_context(folder: Path, locale: str, deck_file: Path | None = None, **values) -> DeckContext:
    """Return a DeckContext for the tiny season in ``locale`` with extra template ``values``."""
    spec = SeasonSpec.model_validate({**TINY_SPEC, "sources": {**TINY_SPEC["sources"], "lines": {"path": "lines.csv"}}})
    store = DataStore(spec, folder)
    loc = LocaleContext(locale[:2], locale, {"fr": "CAD", "en": "CAD", "es": "MXN"}[locale[:2]])
    renderer = TextRenderer(loc, Catalogs(folder / "locale"))
    document = load_yaml(deck_file, display=deck_file.name) if deck_file else None
    return DeckContext(store, renderer, {"season": spec.season.model_dump(), **values}, spec.labels, document,
                       folder, repeat_records(store, []), lambda rid: compute_kpis(store, {"retailer_id": rid}))


def load_deck(folder: Path, text: str) -> tuple[DeckSpec, Path]:
    """Return the deck spec written from ``text`` and its file."""
    path = folder / "deck.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    model, findings = validate_document(load_yaml(path), DeckSpec)
    assert not findings, findings
    return model, path


def test_when_drops_a_slide(season_dir):
    deck, path = load_deck(season_dir, """\
        title: Kit
        slides:
          - {role: title, title: "Hello {{ retailer.name }}"}
          - {role: section, title: Flagship only, when: "retailer.tier == 'flagship'"}
          - {role: closing, title: Bye}
        """)
    flagship = make_context(season_dir, "en_CA", path, retailer={"name": "Alpha", "tier": "flagship"})
    standard = make_context(season_dir, "en_CA", path, retailer={"name": "Beta", "tier": "standard"})
    assert [s.title for s in resolve_deck(deck, flagship)] == ["Hello Alpha", "Flagship only", "Bye"]
    assert [s.title for s in resolve_deck(deck, standard)] == ["Hello Beta", "Bye"]


def test_repeat_expands_per_record_with_kpis(season_dir):
    deck, path = load_deck(season_dir, """\
        title: Doors
        slides:
          - role: kpi
            repeat: {source: retailers, filter: {region_id: "{{ region.id }}"}, as: door, sort: [name]}
            title: "{{ door.name }}"
            kpis:
              - {label: Sell-out, value: "{{ door_kpi.sellout | currency }}"}
        """)
    slides = resolve_deck(deck, make_context(season_dir, "fr_CA", path, region={"id": "CA"}))
    assert [s.title for s in slides] == ["Beta Bijoux", "Maison Alpha"]
    assert [s.tiles[0].value for s in slides] == ["0\u00a0$", "20\u00a0000\u00a0$"]
    assert all(s.role == "kpi" and s.origin == "deck.yaml:3:5" for s in slides)


def test_long_table_continues_over_slides(season_dir):
    deck, path = load_deck(season_dir, """\
        title: Lines
        slides:
          - role: table
            title: Lines
            notes: Only on the first slide.
            table:
              data: {source: lines}
              columns: [{column: label}, {column: n, format: number}]
              max_rows: 10
        """)
    slides = resolve_deck(deck, make_context(season_dir, "fr_CA", path))
    assert [s.title for s in slides] == ["Lignes", "Lignes (suite)", "Lignes (suite)"]
    assert [len(s.table.rows) for s in slides] == [10, 10, 5]
    assert [s.notes for s in slides] == ["Only on the first slide.", "", ""]
    assert slides[2].table.rows[-1] == ("line 25", "25")
    assert slides[0].table.numeric == (False, True)


def test_undefined_variable_located_at_its_line(season_dir):
    deck, path = load_deck(season_dir, """\
        title: Kit
        slides:
          - role: title
            title: Welcome
            subtitle: "{{ retailer.nmae }}"
        """)
    with pytest.raises(SpecError) as info:
        resolve_deck(deck, make_context(season_dir, "en_CA", path, retailer={"name": "Alpha"}))
    assert str(info.value) == ("deck.yaml:5:5: slides[0].subtitle: in '{{ retailer.nmae }}': "
                               "'dict object' has no attribute 'nmae'")
    assert info.value.findings[0].source_line == '    subtitle: "{{ retailer.nmae }}"'


def test_chart_categories_localized_in_spanish(season_dir):
    deck, path = load_deck(season_dir, """\
        title: Trend
        slides:
          - role: chart
            title: Sell-out
            chart:
              type: line
              data:
                source: sales
                filter: {retailer_id: "000123"}
                period: season
                group_by: [month]
                aggregate: {sellout_value: sum}
                compare_last_year: true
              x: month
              x_format: month
              series:
                - {column: sellout_value, label: "{{ season.code }}", kind: ty}
                - {column: sellout_value_ly, label: Last year, kind: ly}
              value_format: currency
        """)
    chart = resolve_deck(deck, make_context(season_dir, "es_MX", path))[0].chart
    assert chart.categories == ("jul", "oct", "dic")
    assert [s.name for s in chart.series] == ["FW26", "Last year"]
    assert chart.series[0].values == (8000.0, 6000.0, 6000.0)
    assert chart.series[1].values == (5000.0, None, 5000.0)


def test_table_labels_translated_through_season_labels(season_dir):
    deck, path = load_deck(season_dir, """\
        title: Trade
        slides:
          - role: table
            title: Activations
            table:
              data: {source: trade, filter: {retailer_id: "000123"}, sort: [start]}
              columns: [{column: kind, labels: true}, {column: start, format: date}, {column: spend, format: currency}]
        """)
    table = resolve_deck(deck, make_context(season_dir, "es_MX", path))[0].table
    assert table.rows == (("Point of sale", "1 de agosto de 2026", "$1,000"),
                          ("Digital", "1 de septiembre de 2026", "$1,000"))


FR_LABELS_PO = FR_PO + '\nmsgid "Point of sale"\nmsgstr "Point de vente"\n\nmsgid "Digital"\nmsgstr "Numérique"\n'


def test_codes_show_through_translated_labels_in_tables_charts_and_text(season_dir):
    (season_dir / "locale" / "fr.po").write_text(FR_LABELS_PO, encoding="utf-8")
    deck, path = load_deck(season_dir, """\
        title: Trade
        slides:
          - role: table
            title: Activations
            table:
              data: {source: trade, filter: {retailer_id: "000123"}, sort: [start]}
              columns: [{column: kind}, {column: kind, labels: false}]
          - role: chart
            title: By kind
            chart:
              type: bar
              data: {source: trade, group_by: [kind], aggregate: {spend: sum}, sort: [kind]}
              x: kind
              series: [{column: spend}]
          - role: kpi
            repeat: {source: trade, filter: {retailer_id: "000123"}, as: activation, sort: [start]}
            title: "{{ activation.kind }} activation"
            kpis: [{label: Spend, value: "{{ activation.spend | number }}"}]
        """)
    ctx = make_context(season_dir, "fr_CA", path)
    ctx.renderer = TextRenderer(ctx.renderer.loc, ctx.renderer.catalogs, ctx.labels)
    table, chart, *tiles = resolve_deck(deck, ctx)
    assert table.table.rows == (("Point de vente", "pos"), ("Numérique", "digital"))
    assert chart.chart.categories == ("Numérique", "Point de vente")
    assert [s.title for s in tiles] == ["Point de vente activation", "Numérique activation"]


def test_names_and_filters_keep_their_codes(season_dir):
    renderer = TextRenderer(LocaleContext("fr", "fr_CA", "CAD"), Catalogs(season_dir / "locale"), {"pos": "Point of sale"})
    assert renderer.interpolate("{{ kind }}", {"kind": "pos"}) == "pos"  # a filter value or a column name
    assert renderer.text("{{ kind }} / {{ kind | upper }}", {"kind": "pos"}) == "Point of sale / POS"
