"""Words stay whole: text shrinks before a word breaks, and a word that still breaks is reported;
findings of a whole build are summed per layout box."""

from __future__ import annotations

from generator.fit import Area, FitFinding, Paragraph, by_layout, fit_paragraphs


def test_a_long_word_shrinks_the_text_instead_of_breaking():
    title = [Paragraph("Merchandisingverantwortlichkeiten", 28.0, "Carlito")]
    width = title[0].metrics.width(title[0].text, 28.0) * 0.9
    result = fit_paragraphs(title, Area(width, 200.0), 0.8)
    assert result.fits and result.scale < 1.0 and result.lines_used == 1


def test_a_word_wider_than_the_box_at_the_floor_is_reported():
    result = fit_paragraphs([Paragraph("Merchandisingverantwortlichkeiten", 28.0, "Carlito")], Area(60.0, 500.0), 0.8)
    assert not result.fits and result.broken_word == "Merchandisingverantwortlichkeiten" and result.scale == 0.8


def test_findings_are_summed_per_layout_box():
    findings = [FitFinding(slide, "title", "fr-CA", 10.0 + slide, 0.8, deck=f"fr/{deck}.pptx", layout="Title Only")
                for deck in ("a", "b") for slide in (2, 3)]
    assert by_layout(findings) == ["layout 'Title Only', 'title' (4 times in 2 deck(s)): text overflows by 0.18 in "
                                   "at 80 %, e.g. fr/a.pptx: slide 3 (fr-CA)"]


def test_a_single_finding_is_said_as_it_is():
    finding = FitFinding(4, "body", "en-US", 36.0, 0.8, deck="en/x.pptx", layout="Two Content")
    assert by_layout([finding]) == [str(finding)]
