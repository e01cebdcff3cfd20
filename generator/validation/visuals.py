"""Check that pictures with words have a variant in every language the decks are built in.

A campaign visual declared ``text: true`` in brand.yaml, or a spec ``image:`` that has a
language variant beside it (``poster.fr.png``), is placed in its deck's language; a language
without its variant would show the English picture. That is a warning (an error under
``--strict``), and always an error for French in a Canadian region: in Quebec, point-of-sale
material in English only is what the Charter of the French language forbids.

The file itself is the English picture (the visuals are drawn in English), so English needs no
variant. HQ picture swaps name their file from data tags, known only when a deck is built; the
build places their variant all the same (``generator.hq``), unchecked here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from generator.errors import SpecError
from generator.spec import (
    LANGUAGES, KeyPath, LoadedYaml, display_path, has_variants, load_brand, load_yaml, variant_file,
)
from generator.validation.context import SeasonView

DRAWN_IN = "en"  # the language of a visual's own file: only the other languages need a variant
QUEBEC = ("fr", "CA")  # (language, territory) where a visual in English only is refused outright
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish"}
HINT = "draw it in that language and save it beside the file"
QUEBEC_HINT = "Quebec's Charter of the French language requires point-of-sale material in French"


def check_visuals(view: SeasonView, unsafe: set) -> None:
    """Record a finding per visual with words and language it lacks a variant for."""
    built = _built_languages(view)
    if ("brand",) not in unsafe:
        _check_brand_assets(view, built)
    for _, deck_spec, doc, _ in view.decks():
        for at, name in _literal_images(deck_spec):
            path = Path(name) if Path(name).is_absolute() else view.root / name
            if path.is_file() and has_variants(path, LANGUAGES):  # a variant beside it: the picture has words
                _check_variants(view, doc, at + ("image",), name, path, built)


def _built_languages(view: SeasonView) -> dict[str, bool]:
    """Return {language: built for Quebec} for every language a deck of the season is built in."""
    built: dict[str, bool] = {}
    wanted = {language for deck in view.spec.decks for language in (deck.languages or LANGUAGES)}
    for region in view.spec.regions:
        for language in region.languages:
            if language in wanted:
                territory = region.locales.get(language, "").partition("_")[2] or region.id
                built[language] = built.get(language, False) or (language, territory) == QUEBEC
    return built


def _check_brand_assets(view: SeasonView, built: dict[str, bool]) -> None:
    brand_file = view.root / view.spec.brand
    try:
        brand, brand_dir = load_brand(brand_file)
        doc = load_yaml(brand_file, display=display_path(brand_file))
    except SpecError:
        return  # reported by check_brand
    for index, asset in enumerate(brand.assets):
        if asset.text:
            _check_variants(view, doc, ("assets", index, "text"), asset.file, brand_dir / asset.file, built)


def _check_variants(view: SeasonView, doc: LoadedYaml, at: KeyPath, name: str, path: Path,
                    built: dict[str, bool]) -> None:
    for language, quebec in sorted(built.items()):
        if language == DRAWN_IN or _present(variant_file(path, language)):
            continue
        shown = variant_file(Path(name), language).as_posix()
        message = f"{name} carries text but has no {LANGUAGE_NAMES.get(language, language)} variant {shown}"
        view.add(doc.finding(at, message, QUEBEC_HINT if quebec else HINT, "error" if quebec else "warning"))


def _present(path: Path) -> bool:
    """Return True when ``path`` is a file; opened, not only looked at, so that the run stamp of
    ``kitgen validate`` (which counts the files a run read) notices when it is deleted."""
    try:
        with path.open("rb") as file:
            file.read(1)
        return True
    except OSError:
        return False


def _literal_images(deck_spec) -> Iterator[tuple[KeyPath, str]]:
    """Yield (key path, file) of every spec image named as written (an interpolated name is known at build)."""
    for index, slide in enumerate(deck_spec.slides):
        at = ("slides", index)
        for where, owner in ((at, slide), (at + ("left",), slide.left), (at + ("right",), slide.right)):
            image = getattr(owner, "image", None) if owner is not None else None
            if image and "{{" not in image and "{%" not in image:
                yield where, image

