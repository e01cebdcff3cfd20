"""Paragraphs as marked text: formatting as numbered inline markers, translations checked against them."""

from __future__ import annotations

import pytest
from lxml import etree

from generator.hq import MarkerError, parse_marked, read_paragraph
from generator.hq.markers import escape, set_language, unescape, write_paragraph

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _p(inner: str):
    return etree.fromstring(f'<a:p xmlns:a="{A}" xmlns:r="{R}">{inner}</a:p>')


RICH = _p('<a:r><a:rPr lang="en-US"/><a:t>A </a:t></a:r><a:r><a:rPr lang="en-US" b="1"/><a:t>bold</a:t></a:r>'
          '<a:r><a:rPr lang="en-US" dirty="0"/><a:t> word</a:t></a:r><a:br><a:rPr lang="en-US"/></a:br>'
          '<a:r><a:rPr lang="en-US"><a:hlinkClick r:id="rId2"/></a:rPr><a:t>a link</a:t></a:r>'
          '<a:r><a:rPr lang="en-US"/><a:t> &lt;here&gt;</a:t></a:r><a:endParaRPr lang="en-US"/>')


def test_formatting_other_than_the_paragraphs_own_becomes_markers():
    marked = read_paragraph(RICH)
    assert marked.text == "A <g1>bold</g1> word<x2/><g3>a link</g3> &lt;here>"
    assert marked.plain == "A bold word\na link <here>"


def test_spell_check_attributes_are_no_formatting():
    marked = read_paragraph(_p('<a:r><a:rPr lang="en-US" err="1"/><a:t>Tpyo</a:t></a:r>'
                               '<a:r><a:rPr lang="fr-FR" dirty="0"/><a:t> fixed</a:t></a:r>'))
    assert marked.text == "Tpyo fixed"


def test_a_translation_may_move_markers():
    marked = read_paragraph(RICH)
    pieces = parse_marked("<g3>Un lien</g3><x2/>un mot en <g1>gras</g1> &lt;ici>", marked)
    write_paragraph(RICH_COPY := etree.fromstring(etree.tostring(RICH)), marked, pieces)
    again = read_paragraph(RICH_COPY)
    assert again.text == "<g1>Un lien</g1><x2/>un mot en <g3>gras</g3> &lt;ici>"
    assert RICH_COPY.findall(f"{{{A}}}r")[0].find(f"{{{A}}}rPr/{{{A}}}hlinkClick") is not None


@pytest.mark.parametrize(("translation", "problem"), [
    ("Un <g1>gras</g1> mot", "it drops <x2/>, <g3>"),
    ("<g1>Un</g1> <g1>gras</g1><x2/><g3>l</g3>", "it repeats <g1>"),
    ("<g1>Un <g3>lien</g3></g1><x2/>", "<g3> opens inside <g1> (markers do not nest)"),
    ("<g1>Un<x2/><g3>l</g3>", "<g3> opens inside <g1> (markers do not nest)"),
    ("<g1>Un</g1><x2/><g3>l</g3><x9/>", "<x9/> is not in the source text"),
    ("<g1>Un</g1><x2/><g3>l", "<g3> is never closed"),
    ("<g1>Un</g3><x2/>", "</g3> closes a marker that is not open"),
])
def test_a_translation_that_breaks_a_marker_is_refused(translation, problem):
    with pytest.raises(MarkerError) as raised:
        parse_marked(translation, read_paragraph(RICH))
    assert str(raised.value) == problem


def test_escapes_round_trip():
    for text in ("a < b", "R&D", "&lt; literally", "&amp;lt;", "<g1>"):
        assert unescape(escape(text)) == text
    assert escape("Q&A <3") == "Q&A &lt;3"


def test_proofing_language_on_every_run_and_the_paragraph_end():
    p = _p('<a:r><a:t>no rPr</a:t></a:r><a:br/><a:r><a:rPr lang="en-US"/><a:t>x</a:t></a:r>')
    set_language(p, "fr-CA")
    assert [e.get("lang") for e in p.iter(f"{{{A}}}rPr", f"{{{A}}}endParaRPr")] == ["fr-CA"] * 4
