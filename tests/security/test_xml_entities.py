"""XML with a DOCTYPE (entity expansion, external entities) in a template or HQ deck is refused, never parsed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from security_helpers import PASSWD, kitgen, leaks_passwd, project

from generator.errors import PackageError
from generator.ooxml import has_doctype, parse_part, unpack

REFUSED = "XML with a DOCTYPE (entities) is not accepted: save the file again from PowerPoint"
BILLION_LAUGHS = (b'<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
EXTERNAL = f'<!DOCTYPE t [<!ENTITY e SYSTEM "file://{PASSWD}">]>'.encode()
SMARTART = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + EXTERNAL +
            b'<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"'
            b' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt modelId="1">'
            b'<dgm:t><a:p><a:r><a:t>&e;</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>')


def with_doctype(package: Path, part: str, doctype: bytes) -> None:
    """Rewrite ``package`` with ``doctype`` after the XML declaration of ``part``."""
    rewrite(package, {part: lambda blob: blob.replace(b"?>", b"?>" + doctype, 1)})


def rewrite(package: Path, changes: dict, added: dict | None = None) -> None:
    """Rewrite the zip ``package``: members named in ``changes`` through their function, ``added`` members appended."""
    out = io.BytesIO()
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info)
            target.writestr(info, changes[info.filename](blob) if info.filename in changes else blob)
        for name, blob in (added or {}).items():
            target.writestr(name, blob)
    package.write_bytes(out.getvalue())


def _line(season: Path, text: str) -> int:
    return (season / "season.yaml").read_text(encoding="utf-8").splitlines().index(text) + 1


def test_entity_expansion_in_the_template_theme_is_refused_by_validate(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    with_doctype(tmp_path / "templates" / "orvelle_master.pptx", "ppt/theme/theme1.xml", BILLION_LAUGHS)
    result = kitgen("validate", "decks/fw26")
    assert result.exit_code == 1
    line = _line(season, "  path: ../../templates/orvelle_master.pptx")
    assert result.output.splitlines()[0] == (f"decks/fw26/season.yaml:{line}:3: template.path: "
                                             f"decks/fw26/../../templates/orvelle_master.pptx: "
                                             f"part ppt/theme/theme1.xml: {REFUSED}")
    assert "Traceback" not in result.output


def test_an_external_entity_in_an_hq_smartart_part_is_refused_by_validate_and_build(tmp_path, monkeypatch):
    season = project(tmp_path, monkeypatch)
    deck = season / "hq" / "solenne-launch.pptx"
    rewrite(deck, {}, {"ppt/diagrams/data1.xml": SMARTART})
    line = _line(season, "    path: hq/solenne-launch.pptx")
    expected = (f"decks/fw26/season.yaml:{line}:5: hq[0].path: {deck}: part ppt/diagrams/data1.xml: {REFUSED} "
                "(export the deck again from PowerPoint)")
    validated = kitgen("validate", "decks/fw26")
    assert validated.exit_code == 1
    assert validated.output.splitlines()[0] == expected
    built = kitgen("build", "decks/fw26", "--out", "out")
    assert built.exit_code == 1
    assert built.output == f"Error: {expected}\n"
    assert not leaks_passwd(validated.output + built.output)


def test_check_names_the_file_and_part(tmp_path):
    deck = tmp_path / "deck.pptx"
    deck.write_bytes((Path(__file__).parents[2] / "templates" / "orvelle_master.pptx").read_bytes())
    with_doctype(deck, "ppt/slideLayouts/slideLayout1.xml", EXTERNAL)
    result = kitgen("check", str(deck))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{deck}: part ppt/slideLayouts/slideLayout1.xml: {REFUSED}"


def test_the_one_parser_refuses_a_doctype_in_utf8_and_utf16():
    blob = b'<?xml version="1.0"?>' + BILLION_LAUGHS + b"<t>&c;</t>"
    with pytest.raises(PackageError) as caught:
        parse_part(blob, "deck.pptx", "ppt/theme/theme1.xml")
    assert caught.value.message == f"deck.pptx: part ppt/theme/theme1.xml: {REFUSED}"
    assert has_doctype(blob.decode().encode("utf-16-le"))
    assert parse_part(b"<t>&amp;</t>").text == "&"


def test_an_svg_picture_with_a_doctype_is_not_refused():
    """Pictures are not parsed: an SVG exported with its DOCTYPE stays a picture."""
    out = io.BytesIO()
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("ppt/media/image1.svg", svg)
    with zipfile.ZipFile(out) as archive:
        assert unpack("deck.pptx", archive) == {"ppt/media/image1.svg": svg}
