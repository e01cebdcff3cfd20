"""Check what season.yaml points at: template and profile, brand kit, locales, regions."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies

from generator.errors import KitgenError, SpecError
from generator.spec import ROLE_SLOTS, did_you_mean, load_brand, load_profile
from generator.template import load_master
from generator.validation.context import SeasonView

#: optional text slots: a layout without them silently drops the text
TEXT_SLOTS = {"subtitle": "subtitle", "caption": "caption"}


def check_template(view: SeasonView, unsafe: set) -> None:
    """Record findings when the template or its profile cannot serve every role the decks use."""
    spec = view.spec
    if {("template", "path"), ("template", "profile")} & unsafe:
        return
    profile_path = view.root / (spec.template.profile or _beside(spec.template.path))
    try:
        profile = load_profile(profile_path)
        view.master = load_master(view.root / spec.template.path, profile)
    except SpecError as exc:
        view.findings.extend(exc.findings)
        return
    except KitgenError as exc:
        view.add(view.season_doc.finding(("template", "path"), exc.message))
        return
    _unmapped_text(view, profile)


def _beside(template: str) -> str:
    return template.rsplit(".", 1)[0] + ".profile.yaml"


def _unmapped_text(view: SeasonView, profile) -> None:
    for _, deck, doc, _ in view.decks():
        for index, slide in enumerate(deck.slides):
            mapping = profile.roles.get(slide.role)
            if mapping is None:
                view.add(doc.finding(("slides", index, "role"), f"the template profile has no role '{slide.role}'"))
                continue
            for key, slot in TEXT_SLOTS.items():
                if getattr(slide, key) and slot in ROLE_SLOTS[slide.role] and slot not in mapping.slots:
                    view.add(doc.finding(("slides", index, key), f"layout '{mapping.layout}' has no {slot} "
                                         "placeholder: this text will not show", None, "warning"))


def check_brand(view: SeasonView, unsafe: set) -> None:
    """Record findings of the brand kit (brand.yaml and its files)."""
    if ("brand",) in unsafe:
        return
    try:
        load_brand(view.root / view.spec.brand)
    except SpecError as exc:
        view.findings.extend(exc.findings)


def check_locales(view: SeasonView) -> None:
    """Record findings for unknown locales, currencies and deck languages no region speaks."""
    currencies = list_currencies()
    for index, region in enumerate(view.spec.regions):
        for language, locale in region.locales.items():
            _locale(view, ("regions", index, "locales", language), language, locale)
        if region.currency not in currencies:
            view.add(view.season_doc.finding(("regions", index, "currency"), f"unknown currency '{region.currency}'",
                                             did_you_mean(region.currency, currencies)))
    spoken = {lang for region in view.spec.regions for lang in region.languages}
    for index, deck in enumerate(view.spec.decks):
        for position, language in enumerate(deck.languages or []):
            if language not in spoken:
                view.add(view.season_doc.finding(("decks", index, "languages", position),
                                                 f"no region speaks '{language}'", None, "warning"))


def _locale(view: SeasonView, path, language: str, locale: str) -> None:
    try:
        parsed = Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        view.add(view.season_doc.finding(path, f"unknown locale '{locale}'", f"e.g. {language}_CA"))
        return
    if parsed.language != language:
        view.add(view.season_doc.finding(path, f"locale '{locale}' is not a '{language}' locale",
                                         f"e.g. {language}_{parsed.territory or 'CA'}"))


def check_regions(view: SeasonView) -> None:
    """Record warnings for regions without retailers; errors for retailers of unknown regions."""
    frame = view.frame(view.spec.retailers)
    if frame is None or "region_id" not in frame.columns:
        return
    used = set(frame["region_id"].dropna().astype(str))
    ids = [r.id for r in view.spec.regions]
    for index, region in enumerate(view.spec.regions):
        if region.id not in used:
            view.add(view.season_doc.finding(("regions", index, "id"), f"no retailer is in region '{region.id}'",
                                             did_you_mean(region.id, used), "warning"))
    for unknown in sorted(used - set(ids)):
        view.add(view.season_doc.finding(("retailers",), f"retailers of region '{unknown}' have no region here",
                                         did_you_mean(unknown, ids) or "add it under 'regions'"))
