"""A Quebec retailer's French kit shows and carries the French campaign visuals, its English kit the English ones."""

from __future__ import annotations

import hashlib
import io
import zipfile

from conftest import QUEBEC_RETAILER, ROOT, SAMPLE_SEASON
from pptx import Presentation

from generator.delivery.kits import KitMaker
from generator.spec import load_season

CAMPAIGN = ROOT / "brand_assets" / "campaign"


def _visuals_placed(data: bytes) -> list[str]:
    """Return the campaign files whose bytes the deck's pictures are, in slide order."""
    by_digest = {hashlib.sha1(p.read_bytes()).hexdigest(): p.name for p in sorted(CAMPAIGN.glob("*.png"))}
    names = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.shape_type == 13 and hashlib.sha1(shape.image.blob).hexdigest() in by_digest:
                names.append(by_digest[hashlib.sha1(shape.image.blob).hexdigest()])
    return names


def test_the_french_kit_deck_places_the_french_visuals(reduced_build):
    result, _ = reduced_build
    kits = {d.job.language: d for d in result.decks if d.job.audience == "retailer"}
    french, english = _visuals_placed(kits["fr"].data), _visuals_placed(kits["en"].data)
    assert french and all(name.endswith(".fr.png") for name in french)
    assert english == [name.replace(".fr.png", ".png") for name in french]


def test_the_kit_zip_carries_each_language_s_visuals(reduced_build):
    result, _ = reduced_build
    kit = KitMaker(load_season(SAMPLE_SEASON)).kits(result.decks, {})[0]
    archive = zipfile.ZipFile(io.BytesIO(kit.data))
    assert archive.read("assets/season_key_visual.fr.png") == (CAMPAIGN / "season_key_visual.fr.png").read_bytes()
    assert archive.read("assets/season_key_visual.png") == (CAMPAIGN / "season_key_visual.png").read_bytes()
    french_index = archive.read("fr/README.txt").decode("utf-8")
    assert "assets/season_key_visual.fr.png" in french_index and "assets/season_key_visual.png" not in french_index
    assert "assets/season_key_visual.png" in archive.read("en/README.txt").decode("utf-8")
    assert not any(name.endswith(".es.png") for name in archive.namelist())  # a kit in French and English only
    assert QUEBEC_RETAILER in kit.output
