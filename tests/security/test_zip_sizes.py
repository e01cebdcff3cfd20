"""A zip member is counted as it really inflates: headers that lie about its size are refused, memory stays bounded."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from security_helpers import kitgen, project

from generator.errors import PackageError
from generator.ooxml import unpack

ROOT = Path(__file__).resolve().parents[2]


def lie_about_size(data: bytes, name: str, size: int) -> bytes:
    """Return the zip ``data`` whose local and central headers say member ``name`` unpacks to ``size`` bytes."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local = archive.getinfo(name).header_offset
        central = archive.start_dir
    struct.pack_into("<I", out, local + 22, size)
    while out[central:central + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, central + 28)
        if out[central + 46:central + 46 + name_len] == name.encode():
            struct.pack_into("<I", out, central + 24, size)
        central += 46 + name_len + extra_len + comment_len
    return bytes(out)


def _with_member(name: str, blob: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(ROOT / "templates" / "orvelle_master.pptx") as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(name, blob)
    return out.getvalue()


def test_a_theme_bigger_than_its_header_says_is_refused_by_validate(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    master = tmp_path / "templates" / "orvelle_master.pptx"
    with zipfile.ZipFile(master) as archive:
        real = archive.getinfo("ppt/theme/theme1.xml").file_size
    master.write_bytes(lie_about_size(master.read_bytes(), "ppt/theme/theme1.xml", 1000))
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 1
    line = (season / "season.yaml").read_text(encoding="utf-8").splitlines().index(
        "  path: ../../templates/orvelle_master.pptx") + 1
    assert result.output.splitlines()[0] == (
        f"decks/fw26/season.yaml:{line}:3: template.path: decks/fw26/../../templates/orvelle_master.pptx: "
        f"member ppt/theme/theme1.xml: unpacks to {real} bytes, not the 1000 its zip header says; "
        "the file is damaged or hostile")


def test_check_stops_a_member_that_says_1000_bytes_at_the_limit(tmp_path):
    """120 MB of zeros under a 1 000-byte header: refused at 100 MB, read in chunks, never in one piece."""
    deck = tmp_path / "bomb.pptx"
    deck.write_bytes(lie_about_size(_with_member("ppt/media/bomb.bin", bytes(120 * 2**20)), "ppt/media/bomb.bin", 1000))
    result = kitgen("check", str(deck))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (f"{deck}: member ppt/media/bomb.bin: unpacks to more than 100 MB "
                                             "(limit 100 MB); refusing it")


def test_unpack_counts_the_whole_file_against_its_limit():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(3):
            archive.writestr(f"ppt/media/{index}.bin", bytes(2**20))
    with zipfile.ZipFile(out) as archive, pytest.raises(PackageError) as caught:
        unpack("deck.pptx", archive, max_member=2 * 2**20, max_total=int(2.5 * 2**20))
    assert caught.value.message == "deck.pptx: the file unpacks to more than 2 MB (limit 2 MB); compress its pictures"
