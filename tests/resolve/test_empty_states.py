"""when_empty: a table, chart or repeat whose data has no row gives a localized note, or no slide."""

from __future__ import annotations

import pytest
from test_resolve import load_deck, make_context

from conftest import write_tiny_files
from generator.errors import SpecError
from generator.resolve.slides import resolve_deck

FR_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "No data"
msgstr "Aucune donnée"

msgid "Nothing above {{ floor }}."
msgstr "Rien au-dessus de {{ floor }}."

msgid "Big lines"
msgstr "Grandes lignes"
"""


@pytest.fixture
def season_dir(tmp_path):
    """Return a folder with the tiny data, a 25-row source and a small French catalog."""
    write_tiny_files(tmp_path)
    (tmp_path / "lines.csv").write_text("n,label\n" + "".join(f"{i},line {i}\n" for i in range(1, 26)))
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "fr.po").write_text(FR_PO, encoding="utf-8")
    return tmp_path


def _deck(where: str, when_empty: str = "") -> str:
    extra = f"\n              when_empty: {when_empty}" if when_empty else ""
    return f"""\
        title: Lines
        slides:
          - role: table
            title: Big lines
            table:
              data: {{source: lines, where: {where}}}
              columns: [{{column: label}}, {{column: n, format: number}}]{extra}
          - {{role: closing, title: Bye}}
        """


def test_an_empty_table_becomes_kitgens_note(season_dir):
    deck, path = load_deck(season_dir, _deck("{n: {gt: 100}}"))
    first, closing = resolve_deck(deck, make_context(season_dir, "fr_CA", path))
    assert (first.title, first.table, first.empty_note) == ("Grandes lignes", None, "Aucune donnée")
    assert closing.title == "Bye"


def test_the_spec_gives_its_own_note_translated_and_interpolated(season_dir):
    deck, path = load_deck(season_dir, _deck("{n: {gt: 100}}", '{note: "Nothing above {{ floor }}."}'))
    french, english = (resolve_deck(deck, make_context(season_dir, locale, path, floor=100))[0]
                       for locale in ("fr_CA", "en_CA"))
    assert (french.empty_note, english.empty_note) == ("Rien au-dessus de 100.", "Nothing above 100.")


def test_skip_drops_the_slide(season_dir):
    deck, path = load_deck(season_dir, _deck("{n: {gt: 100}}", "skip"))
    assert [s.title for s in resolve_deck(deck, make_context(season_dir, "en_CA", path))] == ["Bye"]


def test_rows_meeting_the_condition_show_and_no_note(season_dir):
    deck, path = load_deck(season_dir, _deck("{n: {between: [20, 22]}}", '{note: "Nothing above {{ floor }}."}'))
    first = resolve_deck(deck, make_context(season_dir, "en_CA", path))[0]
    assert first.table.rows == (("line 20", "20"), ("line 21", "21"), ("line 22", "22")) and first.empty_note == ""


def test_an_empty_chart_becomes_its_note_or_drops_its_slide(season_dir):
    text = """\
        title: Chart
        slides:
          - role: chart
            title: Lines
            chart:
              type: bar
              data: {source: lines, where: {n: {lt: 0}}}
              x: label
              series: [{column: n}]%s
            caption: A caption stays.
        """
    deck, path = load_deck(season_dir, text % "")
    (slide,) = resolve_deck(deck, make_context(season_dir, "fr_CA", path))
    assert (slide.chart, slide.empty_note, slide.caption) == (None, "Aucune donnée", "A caption stays.")
    deck, path = load_deck(season_dir, text % "\n              when_empty: skip")
    assert resolve_deck(deck, make_context(season_dir, "fr_CA", path)) == []


def test_a_side_of_a_two_content_slide_keeps_its_heading(season_dir):
    deck, path = load_deck(season_dir, """\
        title: Sides
        slides:
          - role: two-content
            title: Two sides
            left:
              heading: Left
              table:
                data: {source: lines, where: {n: {gt: 100}}}
                columns: [{column: label}]
                when_empty: {note: "Nothing above {{ floor }}."}
            right:
              heading: Right
              bullets: [Still here]
              table:
                data: {source: lines, where: {n: {gt: 100}}}
                columns: [{column: label}]
                when_empty: skip
        """)
    (slide,) = resolve_deck(deck, make_context(season_dir, "en_CA", path, floor=100))
    assert (slide.left.heading, slide.left.table, slide.left.empty_note) == ("Left", None, "Nothing above 100.")
    assert (slide.right.bullets, slide.right.table, slide.right.empty_note) == (("Still here",), None, "")


REPEAT = """\
    title: Doors
    slides:
      - role: kpi
        repeat: {source: retailers, filter: {region_id: "{{ region.id }}"}, as: door%s}
        when: door.tier == 'flagship'
        title: "{{ door.name }}"
        kpis: [{label: Sell-out, value: "{{ door_kpi.sellout | money }}"}]
      - {role: closing, title: Bye}
    """


def test_a_repeat_without_a_slide_gives_nothing_by_default(season_dir):
    deck, path = load_deck(season_dir, REPEAT % "")
    slides = resolve_deck(deck, make_context(season_dir, "en_CA", path, region={"id": "MX"}))
    assert [s.title for s in slides] == ["Bye"]


def test_a_repeat_without_a_slide_gives_one_note_slide(season_dir):
    deck, path = load_deck(season_dir, REPEAT % ", when_empty: {title: Big lines, note: No flagship in the region.}")
    note, closing = resolve_deck(deck, make_context(season_dir, "fr_CA", path, region={"id": "MX"}))
    assert (note.role, note.title, note.tiles) == ("kpi", "Grandes lignes", ())
    assert note.empty_note == "No flagship in the region."
    # a repeat with slides shows them, and no note
    slides = resolve_deck(deck, make_context(season_dir, "fr_CA", path, region={"id": "CA"}))
    assert [(s.title, s.empty_note) for s in slides] == [("Maison Alpha", ""), ("Bye", "")]


def test_a_where_column_the_binding_lacks_is_located(season_dir):
    deck, path = load_deck(season_dir, _deck("{amount: {gt: 100}}"))
    with pytest.raises(SpecError) as info:
        resolve_deck(deck, make_context(season_dir, "en_CA", path))
    assert str(info.value) == ("deck.yaml:5:5: slides[0].table: where: the rows of source 'lines' have no column "
                               "'amount'; columns: n, label")
