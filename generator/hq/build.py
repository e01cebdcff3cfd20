"""What the build needs to make HQ decks' copies: translations from the catalogs, data tags
filled for the audience, marked pictures found, text fitted with the deck's own theme fonts.

Localized HQ decks are kept per (deck, language, audience) for the process, so a deck spec
including slides of one does not translate it again for every slide it takes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import LocalizeError
from generator.fit import Fitter, ThemeFonts
from generator.hq.copies import LocalizedCopy, localize_presentation
from generator.hq.reader import TextUnit
from generator.hq.source import HqDeck
from generator.hq.translate import Localization
from generator.i18n import Catalogs, TextRenderer
from generator.spec import localized_file
from generator.template import theme_fonts


@dataclass
class HqLocalizer:
    """Localize HQ decks of one season for one process (catalogs and fitting floor shared)."""

    root: Path  # the season folder: marked pictures name files relative to it
    catalogs: Catalogs
    min_scale: float

    def copy(self, deck: HqDeck, renderer: TextRenderer, context: dict[str, Any], *, fit: bool = True) -> LocalizedCopy:
        """Return ``deck`` localized into the renderer's language for the audience of ``context``."""
        prs = deck.open()
        language = renderer.loc.language
        job = Localization(deck.spec.path, language, self.lookup(deck, language),
                           lambda text: renderer.interpolate(text, context), renderer.loc.tag,
                           translated=language != deck.spec.source_language)
        fitter = Fitter(ThemeFonts(*theme_fonts(prs.slide_master)), self.min_scale, renderer.loc.tag) if fit else None
        copy = localize_presentation(prs, job, fitter, lambda expression: self.picture(expression, renderer, context))
        if job.missing:
            self.catalogs.missing.setdefault(language, set()).update(unit.plain for unit in job.missing)
        return copy

    def lookup(self, deck: HqDeck, language: str):
        """Return the translation lookup of ``deck`` into ``language`` (its own language: the source)."""
        if language == deck.spec.source_language:
            return lambda unit: unit.text
        catalog = self.catalogs.for_language(language)

        def translated(unit: TextUnit) -> str | None:
            message = catalog.get(unit.text, unit.context(deck.spec.path))
            if message is None or message.fuzzy or not message.string:
                return None
            return message.string if isinstance(message.string, str) else message.string[0]
        return translated

    def picture(self, expression: str, renderer: TextRenderer, context: dict[str, Any]) -> Path:
        """Return the file a marked picture's alt text names for this audience."""
        relative = renderer.interpolate(expression, context).strip()
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise LocalizeError(f"the picture '{relative}' is outside the season folder")
        if not path.is_file():
            raise LocalizeError(f"no picture '{relative}' (from the alt text {expression!r})")
        return localized_file(path, renderer.loc.language)  # its variant with words in the deck's language
