"""Tests for generator.check: a clean python-pptx deck passes; each repair cause is caught."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from check_fixtures import good_deck, read_part, rel_id, rewrite, sub
from click.testing import CliRunner
from lxml import etree

from generator.check import Problem, check_deck, ensure_clean, schema
from generator.check.compat import preprocess
from generator.check.schema import load_schema, schema_dir
from generator.commands.check import check_command
from generator.errors import CheckError

SLIDE1 = "ppt/slides/slide1.xml"
SLIDE2 = "ppt/slides/slide2.xml"
SLIDE2_RELS = "ppt/slides/_rels/slide2.xml.rels"
PRESENTATION = "ppt/presentation.xml"
CONTENT_TYPES = "[Content_Types].xml"
needs_schemas = pytest.mark.skipif(schema_dir() is None, reason="OOXML schemas not found (KITGEN_OOXML_XSD)")


@pytest.fixture(scope="module")
def deck() -> bytes:
    return good_deck()


@pytest.fixture(scope="module", autouse=True)
def compiled_schemas() -> None:
    """Compile the schemas once for the whole module (load_schema caches per process)."""
    folder = schema_dir()
    if folder is not None:
        load_schema(folder, "pml.xsd")
        load_schema(folder, "dml-chart.xsd")


def messages(problems: list[Problem], part: str) -> list[str]:
    return [p.message for p in problems if p.part == part]


def test_problem_prints_as_one_line() -> None:
    assert str(Problem("a.pptx", SLIDE1, "broken")) == "a.pptx: ppt/slides/slide1.xml: broken"


@needs_schemas
def test_good_deck_is_clean_with_schema(deck: bytes) -> None:
    assert check_deck(deck) == []


def test_good_deck_is_clean_without_schema(deck: bytes) -> None:
    assert check_deck(deck, schema=False) == []


def test_reopen_can_be_left_to_kitgen_check(deck: bytes, monkeypatch) -> None:
    """The build checks structure only; reopening with python-pptx stays in `kitgen check`."""
    import generator.check as check

    monkeypatch.setattr(check, "reopen_problems", lambda label, data: [Problem(label, "", "reopened")])
    assert check_deck(deck, schema=False, reopen=False) == []
    assert [p.message for p in check_deck(deck, schema=False)] == ["reopened"]


def test_deck_from_path_uses_path_as_label(deck: bytes, tmp_path: Path) -> None:
    path = tmp_path / "fw26-en.pptx"
    path.write_bytes(rewrite(deck, {PRESENTATION: sub(r'<p:sldId id="257"', '<p:sldId id="256"')}))
    assert {p.deck for p in check_deck(path, schema=False)} == {str(path)}


def test_missing_content_type(deck: bytes) -> None:
    broken = rewrite(deck, {CONTENT_TYPES: sub(r'<Default Extension="png"[^>]*/>', "")})
    assert messages(check_deck(broken, schema=False), "ppt/media/image1.png") == [
        f"no content type (add a Default for '.png' or an Override in {CONTENT_TYPES})"
    ]


def test_dangling_relationship_target(deck: bytes) -> None:
    image = rel_id(deck, SLIDE2_RELS, "/image")
    broken = rewrite(deck, {SLIDE2_RELS: sub(r"\.\./media/image1\.png", "../media/image9.png")})
    problems = check_deck(broken, schema=False)
    assert messages(problems, SLIDE2_RELS) == [f"{image} targets missing part ppt/media/image9.png"]
    assert messages(problems, "ppt/media/image1.png") == ["orphan part: no relationship points to it"]


def test_undeclared_relationship_id(deck: bytes) -> None:
    image = rel_id(deck, SLIDE2_RELS, "/image")
    broken = rewrite(deck, {SLIDE2: sub(f'r:embed="{image}"', 'r:embed="rId99"')})
    assert messages(check_deck(broken, schema=False), SLIDE2) == [
        f'r:embed="rId99" on <a:blip> is not declared in {SLIDE2_RELS}'
    ]


def test_duplicate_shape_id(deck: bytes) -> None:
    broken = rewrite(deck, {SLIDE2: sub(r'<p:cNvPr id="3" name="Picture 2"', '<p:cNvPr id="2" name="Picture 2"')})
    assert messages(check_deck(broken, schema=False), SLIDE2) == [
        "shape id 2 is used by 2 shapes ('Title 1', 'Picture 2')"
    ]


def test_alternate_content_branches_may_repeat_a_shape_id(deck: bytes) -> None:
    wrapped = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="p14">\\1</mc:Choice><mc:Fallback>\\1</mc:Fallback></mc:AlternateContent>'
    )
    broken = rewrite(deck, {SLIDE2: sub(r"(<p:pic>.*?</p:pic>)", wrapped)})
    assert check_deck(broken) == []


def test_duplicate_slide_id(deck: bytes) -> None:
    broken = rewrite(deck, {PRESENTATION: sub(r'<p:sldId id="257"', '<p:sldId id="256"')})
    assert messages(check_deck(broken, schema=False), PRESENTATION) == [
        "slide id 256 is used 2 times in p:sldIdLst"
    ]


def test_slide_id_below_256(deck: bytes) -> None:
    broken = rewrite(deck, {PRESENTATION: sub(r'<p:sldId id="257"', '<p:sldId id="42"')})
    assert messages(check_deck(broken, schema=False), PRESENTATION) == ["slide id '42' must be a number >= 256"]


def test_orphan_slide_without_relationship(deck: bytes) -> None:
    override = (
        '<Override PartName="/ppt/slides/slide3.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/></Types>'
    )
    broken = rewrite(
        deck,
        {
            CONTENT_TYPES: sub(r"</Types>", override),
            "ppt/slides/slide3.xml": read_part(deck, SLIDE1),
            "ppt/slides/_rels/slide3.xml.rels": read_part(deck, "ppt/slides/_rels/slide1.xml.rels"),
        },
    )
    assert messages(check_deck(broken, schema=False), "ppt/slides/slide3.xml") == [
        f"orphan slide: {PRESENTATION} has no relationship to it"
    ]


def test_orphan_slide_missing_from_slide_list(deck: bytes) -> None:
    second = rel_id(deck, "ppt/_rels/presentation.xml.rels", "/slide")
    broken = rewrite(deck, {PRESENTATION: sub(rf'<p:sldId id="\d+" r:id="{second}"/>', "")})
    assert messages(check_deck(broken, schema=False), SLIDE1) == [
        f"orphan slide: {second} is not in p:sldIdLst of {PRESENTATION}"
    ]


def test_external_image_link(deck: bytes) -> None:
    image = rel_id(deck, SLIDE2_RELS, "/image")
    external = 'Target="https://cdn.example.com/a.png" TargetMode="External"'
    broken = rewrite(deck, {SLIDE2_RELS: sub(r'Target="\.\./media/image1\.png"', external)})
    assert messages(check_deck(broken, schema=False), SLIDE2_RELS) == [
        f"{image} (image) links to external target https://cdn.example.com/a.png "
        "(only hyperlinks may be external; embed the file instead)"
    ]


def test_external_hyperlink_is_allowed(deck: bytes) -> None:
    link = (
        '<Relationship Id="rId50" TargetMode="External" Target="https://orvelle.example/" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/></Relationships>'
    )
    broken = rewrite(deck, {SLIDE2_RELS: sub(r"</Relationships>", link)})
    assert check_deck(broken, schema=False) == []


@needs_schemas
def test_schema_invalid_slide(deck: bytes) -> None:
    broken = rewrite(deck, {SLIDE1: sub(r"</p:spTree>", "<p:bogus/></p:spTree>")})
    assert messages(check_deck(broken), SLIDE1) == [
        "schema: /p:sld/p:cSld/p:spTree/p:bogus: Element 'p:bogus': This element is not expected. "
        "Expected is ( p:extLst )."
    ]
    assert check_deck(broken, schema=False) == []


@needs_schemas
def test_schema_ignores_mc_ignorable_markup(deck: bytes) -> None:
    ignorable = (
        '<p:sld xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:x1="urn:kitgen:test" mc:Ignorable="x1" x1:flag="1" '
    )
    edited = rewrite(deck, {SLIDE1: sub(r"<p:sld ", ignorable)})
    assert check_deck(edited) == []


def test_preprocess_keeps_fallback_and_drops_ignorable() -> None:
    root = etree.fromstring(
        '<r xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:x="urn:x" mc:Ignorable="x"><x:new/><mc:AlternateContent>'
        "<mc:Choice Requires=\"x\"><a/></mc:Choice><mc:Fallback><b/></mc:Fallback>"
        "</mc:AlternateContent></r>"
    )
    assert [child.tag for child in preprocess(root)] == ["b"]
    assert len(root) == 2  # the original tree is untouched


def test_malformed_xml(deck: bytes) -> None:
    broken = rewrite(deck, {SLIDE1: lambda data: data[:-20]})
    found = messages(check_deck(broken), SLIDE1)
    assert len(found) == 1 and found[0].startswith("not well-formed XML: ")


def test_duplicate_master_and_layout_id(deck: bytes) -> None:
    master = "ppt/slideMasters/slideMaster1.xml"
    broken = rewrite(deck, {master: sub(r'<p:sldLayoutId id="\d+"', '<p:sldLayoutId id="2147483648"')})
    assert messages(check_deck(broken, schema=False), PRESENTATION) == [
        f"master/layout id 2147483648 is used 2 times ({PRESENTATION}, {master})"
    ]


def test_notes_slide_must_point_back(deck: bytes) -> None:
    notes_rels = "ppt/notesSlides/_rels/notesSlide1.xml.rels"
    broken = rewrite(deck, {notes_rels: sub(r'<Relationship [^>]*/slide"[^>]*/>', "")})
    assert messages(check_deck(broken, schema=False), "ppt/notesSlides/notesSlide1.xml") == [
        f"notes slide does not point back to {SLIDE2}"
    ]


def test_duplicate_and_unsafe_member_names(deck: bytes) -> None:
    with pytest.warns(UserWarning):  # zipfile warns when writing a duplicate name
        broken = rewrite(deck, {}, extra_members=(("ppt/media/image1.png", b"x"), ("../evil.txt", b"x")))
    problems = check_deck(broken, schema=False)
    assert "zip holds 2 members with this name" in messages(problems, "ppt/media/image1.png")
    assert "unsafe zip member name (absolute, '..' or backslash)" in messages(problems, "../evil.txt")


def test_relationships_of_missing_part(deck: bytes) -> None:
    broken = rewrite(deck, {"ppt/slides/_rels/slide7.xml.rels": read_part(deck, SLIDE2_RELS)})
    assert messages(check_deck(broken, schema=False), "ppt/slides/_rels/slide7.xml.rels") == [
        "relationships of missing part ppt/slides/slide7.xml"
    ]


def test_not_a_zip() -> None:
    problems = check_deck(b"not a deck")
    assert [(p.part, p.message.split(":")[0]) for p in problems] == [("[package]", "not a readable .pptx (zip) file")]


def test_missing_file_raises_check_error(tmp_path: Path) -> None:
    with pytest.raises(CheckError, match="cannot read the deck"):
        check_deck(tmp_path / "absent.pptx")


def test_ensure_clean_raises_with_every_problem(deck: bytes) -> None:
    broken = rewrite(deck, {PRESENTATION: sub(r'<p:sldId id="257"', '<p:sldId id="256"')})
    ensure_clean(deck, schema=False)
    with pytest.raises(CheckError, match="slide id 256 is used 2 times"):
        ensure_clean(broken, schema=False)


def test_missing_schemas_warn_once_and_skip(deck: bytes, monkeypatch, tmp_path: Path, caplog) -> None:
    monkeypatch.setenv("KITGEN_OOXML_XSD", str(tmp_path))
    schema._warn_missing.cache_clear()
    broken = rewrite(deck, {SLIDE1: sub(r"</p:spTree>", "<p:bogus/></p:spTree>")})
    with caplog.at_level(logging.WARNING, logger="generator.check.schema"):
        assert check_deck(broken) == []
        assert check_deck(broken) == []
    assert len([r for r in caplog.records if "schemas not found" in r.message]) == 1


def test_cli_exit_codes(deck: bytes, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.pptx", tmp_path / "bad.pptx"
    good.write_bytes(deck)
    bad.write_bytes(rewrite(deck, {PRESENTATION: sub(r'<p:sldId id="257"', '<p:sldId id="256"')}))
    ok = CliRunner().invoke(check_command, [str(good), "--no-schema"])
    assert (ok.exit_code, ok.output) == (0, "1 deck(s) checked, 0 problem(s)\n")
    failed = CliRunner().invoke(check_command, [str(tmp_path), "--no-schema"])
    assert failed.exit_code == 1
    assert failed.output.splitlines() == [
        f"{bad}: {PRESENTATION}: slide id 256 is used 2 times in p:sldIdLst",
        "2 deck(s) checked, 1 problem(s)",
    ]


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_render_round_trip(deck: bytes) -> None:
    assert check_deck(deck, schema=False, render=True) == []
    hidden = rewrite(deck, {SLIDE1: sub(r"<p:sld ", '<p:sld show="0" ')})
    assert check_deck(hidden, schema=False, render=True) == []


def test_schema_imports_by_url_resolve_to_local_files(tmp_path: Path) -> None:
    (tmp_path / "inner.xsd").write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:inner">'
        '<xsd:element name="leaf" type="xsd:int"/></xsd:schema>'
    )
    (tmp_path / "outer.xsd").write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:i="urn:inner" targetNamespace="urn:outer">'
        '<xsd:import namespace="urn:inner" schemaLocation="http://schemas.example.invalid/2006/inner.xsd"/>'
        '<xsd:element name="root"><xsd:complexType><xsd:sequence><xsd:element ref="i:leaf"/>'
        "</xsd:sequence></xsd:complexType></xsd:element></xsd:schema>"
    )
    compiled = load_schema(tmp_path, "outer.xsd")
    assert compiled.validate(etree.fromstring('<o:root xmlns:o="urn:outer" xmlns:i="urn:inner"><i:leaf>3</i:leaf></o:root>'))
