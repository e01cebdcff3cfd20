"""Writer: deterministic deck bytes, core properties, staged commits, atomic writes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from pptx import Presentation

from generator.errors import OutputError
from generator.resolve.content import DeckMeta
from generator.writer import ZIP_EPOCH, Staging, deck_bytes, json_bytes, normalize_zip, write_atomic

META = DeckMeta(title="FW26 market meeting: Canada", author="Maison Orvelle", language="fr-CA",
                subject="FW26 market-meeting", keywords="CA", modified=dt.datetime(2026, 7, 1))


def _deck() -> Presentation:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = "Bonjour"
    return prs


def test_deck_bytes_deterministic():
    first, second = deck_bytes(_deck(), META), deck_bytes(_deck(), META)
    assert first == second


def test_zip_timestamps_fixed():
    members = zipfile.ZipFile(io.BytesIO(deck_bytes(_deck(), META))).infolist()
    assert members and all(m.date_time == ZIP_EPOCH for m in members)
    assert members[0].filename == "[Content_Types].xml"


def _picture_deck() -> Presentation:
    prs = _deck()
    png = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (40, 20), "navy").save(png, "PNG")
    jpeg = io.BytesIO()
    Image.new("RGB", (40, 20), "gold").save(jpeg, "JPEG")
    prs.slides[0].shapes.add_picture(png, 0, 0)
    prs.slides[0].shapes.add_picture(jpeg, 0, 0)
    return prs


def test_single_pass_zip_matches_saving_and_rezipping():
    """The members written straight from the parts are exactly what prs.save plus the re-zip gave."""
    saved = io.BytesIO()
    prs = _picture_deck()
    direct = deck_bytes(prs, META)  # sets the properties, so the saved copy below has them too
    prs.save(saved)
    assert direct == normalize_zip(saved.getvalue())


def test_jpeg_stored_png_and_xml_deflated():
    members = {m.filename: m for m in zipfile.ZipFile(io.BytesIO(deck_bytes(_picture_deck(), META))).infolist()}
    kinds = {name.rsplit(".", 1)[-1]: m.compress_type for name, m in members.items() if name.startswith("ppt/media/")}
    assert kinds == {"png": zipfile.ZIP_DEFLATED, "jpg": zipfile.ZIP_STORED}
    assert members["ppt/presentation.xml"].compress_type == zipfile.ZIP_DEFLATED


def test_core_properties_from_meta():
    props = Presentation(io.BytesIO(deck_bytes(_deck(), META))).core_properties
    assert (props.author, props.title, props.last_modified_by) == ("Maison Orvelle", META.title, "Maison Orvelle")
    assert (props.modified, props.created) == (dt.datetime(2026, 7, 1), dt.datetime(2026, 7, 1))
    assert (props.language, props.subject, props.keywords, props.revision) == ("fr-CA", "FW26 market-meeting", "CA", 1)


def test_staging_commit_moves_files_and_removes_the_folder(tmp_path):
    with Staging(tmp_path) as staging:
        final = staging.write("fr/CA-deck.pptx", b"deck")
        assert not final.exists()  # nothing in place before the commit
    assert final.read_bytes() == b"deck"
    assert [p.name for p in tmp_path.iterdir()] == ["fr"]


def test_failed_build_leaves_the_good_file_and_no_staging(tmp_path):
    good = tmp_path / "en" / "CA-deck.pptx"
    good.parent.mkdir()
    good.write_bytes(b"good deck")
    with pytest.raises(RuntimeError):
        with Staging(tmp_path) as staging:
            staging.write("en/CA-deck.pptx", b"half a deck")
            raise RuntimeError("a later deck failed")
    assert good.read_bytes() == b"good deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en"]


def test_staging_refuses_an_unwritable_place(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError) as info:
        Staging(blocker / "out")
    assert info.value.message.startswith(f"cannot write to {blocker / 'out'}: ")


def test_write_atomic_replaces_without_leftovers(tmp_path):
    target = tmp_path / "sub" / "manifest.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["manifest.json"]


def test_json_bytes_stable():
    assert json_bytes({"b": 1, "a": "é"}) == '{\n  "a": "é",\n  "b": 1\n}\n'.encode()


def test_kit_zip_stores_compressed_members_and_deflates_text():
    from generator.writer import zip_bytes

    data = zip_bytes({"en/deck.pptx": b"PK" + b"x" * 500, "en/README.txt": b"hello " * 100})
    kinds = {m.filename: m.compress_type for m in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert kinds == {"en/README.txt": zipfile.ZIP_DEFLATED, "en/deck.pptx": zipfile.ZIP_STORED}
