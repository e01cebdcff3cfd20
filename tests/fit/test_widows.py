"""Titles never end on a lone word: the last two words are tied with a no-break space, which the
fitter measures as part of the word, as PowerPoint and LibreOffice break lines."""

from __future__ import annotations

import pytest
from pptx import Presentation

from generator.fit import Fitter, ThemeFonts, tie_last_words, tie_title, wrap

NBSP = "\u00a0"


def chars(text: str) -> float:
    """One point per character: a measure that makes wrapping easy to reason about."""
    return float(len(text))


@pytest.mark.parametrize(("title", "tied"), [
    ("Solenne : la nouvelle collection à phase de lune",
     "Solenne : la nouvelle collection à phase de" + NBSP + "lune"),
    ("Merci de votre partenariat", "Merci de votre" + NBSP + "partenariat"),
    ("Sell-out by door (continued)", "Sell-out by door" + NBSP + "(continued)"),
    ("Solenne" + NBSP + ": la lune", "Solenne" + NBSP + ": la" + NBSP + "lune"),  # French's own no-break spaces kept
    ("  Trois mots ici  ", "  Trois mots" + NBSP + "ici  "),  # spaces around the title kept
])
def test_titles_of_three_words_or_more_tie_their_last_two(title, tied):
    assert tie_last_words(title) == tied and len(tied) == len(title)


@pytest.mark.parametrize("title", ["Your contacts", "Agenda", "", "Solenne" + NBSP + ": lune"])
def test_shorter_titles_stay_as_written(title):
    assert tie_last_words(title) == title


def test_a_wrapped_title_never_leaves_a_lone_word_on_its_last_line():
    title = "Solenne : la nouvelle collection à phase de lune"
    assert wrap(title, 44, chars)[-1] == "lune"  # the widow the review found
    assert wrap(tie_last_words(title), 44, chars) == ["Solenne : la nouvelle collection à phase",
                                                      "de" + NBSP + "lune"]


def test_wrapping_never_breaks_at_a_no_break_space():
    assert wrap(f"1{NBSP}234{NBSP}568{NBSP}$ en ventes", 12, chars) == [f"1{NBSP}234{NBSP}568{NBSP}$", "en ventes"]
    assert wrap("Solenne\u202f: la lune", 9, chars) == ["Solenne\u202f:", "la lune"]


def _slide_with_title():
    prs = Presentation()
    return prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"


def test_a_title_placeholder_is_tied_across_its_runs_and_lines():
    slide = _slide_with_title()
    frame = slide.shapes.title.text_frame
    frame.text = "Rencontre de marché"
    first = frame.paragraphs[0]
    first.add_run().text = " Automne-Hiver"  # the tying space sits in another run than the word after it
    first.add_run().text = " 2026"
    second = frame.add_paragraph()
    second.text = "Est des États-Unis"
    assert tie_title(slide.shapes.title)
    assert [p.text for p in frame.paragraphs] == ["Rencontre de marché Automne-Hiver" + NBSP + "2026",
                                                  "Est des" + NBSP + "États-Unis"]
    assert [r.text for r in frame.paragraphs[0].runs] == ["Rencontre de marché", " Automne-Hiver", NBSP + "2026"]


def test_other_shapes_are_not_tied_and_the_fitter_ties_titles():
    slide = _slide_with_title()
    box = slide.shapes.add_textbox(0, 0, 914400, 914400)
    box.text_frame.text = "Trois mots ici"
    assert not tie_title(box) and box.text_frame.text == "Trois mots ici"
    slide.shapes.title.text_frame.text = "Merci de votre partenariat"
    Fitter(ThemeFonts("Cambria", "Calibri"), 0.8, "fr-CA").fit_shape(slide.shapes.title, 1, "title")
    assert slide.shapes.title.text_frame.text == "Merci de votre" + NBSP + "partenariat"
