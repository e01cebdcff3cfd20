"""Names that take an article or a preposition of their own: places, and terms translated per use.

French and Spanish put before a place name an article or a contracted preposition that depends on
the name itself (*au Canada*, *aux États-Unis*, *au Mexique*, *en Ontario*), which no rule can
guess from the name. Each form of a region's name is therefore a catalog message of its own: the
msgid is the English name, the msgctxt names the form (``place: in``), and the translator writes
the whole phrase (``au Canada``). Spec and catalog texts ask for a form by its meaning:

- ``{{ region.name | the_place }}``: the name as a sentence needs it (*le Canada*, *Canada*);
- ``{{ region.name | in_place }}``: where (*au Canada*, *in Canada*, *en Canadá*);
- ``{{ region.name | for_place }}``: for whom (*pour le Canada*, *for Canada*, *para Canadá*);
- ``{{ region.name | of_place }}``: whose (*du Canada*, *of Canada*, *de Canadá*).

English needs no catalog: its preposition goes before the name. A name without the form in a
catalog shows bare (never another language's article) and is reported like any missing
translation; ``kitgen validate`` names each region name whose forms are not translated.
"""

from __future__ import annotations

from typing import Any

#: form -> the English words before the name
PLACE_FORMS = {"the": "", "in": "in ", "for": "for ", "of": "of "}
#: form -> how French writes it, shown to translators beside each form
PLACE_EXAMPLES = {"the": "le Canada, les États-Unis", "in": "au Canada, aux États-Unis", "for": "pour le Canada",
                  "of": "du Canada, des États-Unis"}
#: filter name -> the form it gives
PLACE_FILTERS = {f"{form}_place": form for form in PLACE_FORMS}
#: the msgctxt of a season code shown to readers (FW26: AH26 in French, OI26 in Spanish)
SEASON_CODE_CONTEXT = "season code"


def place_context(form: str) -> str:
    """Return the msgctxt of the ``form`` of a place name: ``place: in``."""
    return f"place: {form}"


def manager_title_context(region_id: str) -> str:
    """Return the msgctxt of a region manager's title: per region, as the words follow the person (directrice)."""
    return f"region {region_id} manager_title"


def english_place(name: Any, form: str) -> str:
    """Return the English ``form`` of a place name: ``in Canada``."""
    return PLACE_FORMS[form] + str(name)


class Term(str):
    """A translated text that remembers its English source: the catalogs' key of its other forms."""

    source: str

    def __new__(cls, text: str, source: str) -> "Term":
        term = super().__new__(cls, text)
        term.source = source
        return term

    def __reduce__(self) -> tuple[Any, ...]:
        return Term, (str(self), self.source)


def source_of(value: Any) -> str:
    """Return the English source of a translated :class:`Term` (any other value as it is written)."""
    return value.source if isinstance(value, Term) else str(value)
