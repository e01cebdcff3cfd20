"""HQ master loading: pre-flight refusals, .potx, example-slide removal, boxes and fonts."""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from generator.errors import TemplateError
from generator.spec.profile import ROLE_SLOTS, TemplateProfile, load_profile
from generator.template import load_master

WILD = Path(__file__).parents[3] / "shared" / "templates-in-the-wild"
PROFILES = Path(__file__).parents[1] / "profiles"
ORVELLE = Path(__file__).parents[2] / "templates" / "orvelle_master.profile.yaml"
REL_NS = {"r": "http://schemas.openxmlformats.org/package/2006/relationships"}
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"

DEFAULT_ROLES = {
    "title": {"layout": "Title Slide", "slots": {"title": 0, "subtitle": 1}},
    "section": {"layout": "Section Header", "slots": {"title": 0, "subtitle": 1}},
    "bullets": {"layout": "Title and Content", "slots": {"title": 0, "body": 1}},
    "chart": {"layout": "Title Only", "slots": {"title": 0}},
    "two-content": {"layout": "Two Content", "slots": {"title": 0, "left": 1, "right": 2}},
    "table": {"layout": "Title Only", "slots": {"title": 0}},
    "kpi": {"layout": "Title and Content", "slots": {"title": 0, "tiles": "Content Placeholder 2"}},
    "picture": {"layout": "Picture with Caption", "slots": {"title": 0, "picture": 1, "caption": 2}},
    "closing": {"layout": "Title Slide", "slots": {"title": 0}},
}


def default_profile(**changes) -> TemplateProfile:
    roles = {**DEFAULT_ROLES, **changes}
    return TemplateProfile.model_validate({"template": "deck.pptx", "roles": roles})


def default_template(tmp_path: Path, slides: int = 2) -> Path:
    """Return python-pptx's default template saved with example slides, sections and a custom show."""
    prs = Presentation()
    for _ in range(slides):
        prs.slides.add_slide(prs.slide_layouts[1]).shapes.title.text = "Example slide"
    path = tmp_path / "deck.pptx"
    if slides:
        add_sections_and_custom_show(prs.part._element)
    prs.save(path)
    return path


def add_sections_and_custom_show(pres) -> None:
    """Add what PowerPoint writes when slides are grouped in sections and a custom show."""
    ids = [sld.get("id") for sld in pres.find("{*}sldIdLst")]
    rids = [sld.get(f"{{{R_NS}}}id") for sld in pres.find("{*}sldIdLst")]
    pres.find("{*}defaultTextStyle").addprevious(etree.fromstring(
        '<p:custShowLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><p:custShow name="Short" id="0">'
        f'<p:sldLst><p:sld r:id="{rids[0]}"/></p:sldLst></p:custShow></p:custShowLst>'))
    entries = "".join(f'<p14:sldId id="{i}"/>' for i in ids)
    pres.append(etree.fromstring(
        '<p:extLst xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:ext uri="{521415D9}">'
        f'<p14:sectionLst xmlns:p14="{P14}"><p14:section name="Intro" id="{{A1}}"><p14:sldIdLst>{entries}'
        '</p14:sldIdLst></p14:section></p14:sectionLst></p:ext></p:extLst>'))


def saved_members(master) -> zipfile.ZipFile:
    out = io.BytesIO()
    master.new_presentation().save(out)
    return zipfile.ZipFile(out)


def assert_no_dangling_references(archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    for rels in (n for n in names if n.endswith(".rels")):
        base = posixpath.dirname(posixpath.dirname(rels))
        for rel in etree.fromstring(archive.read(rels)).iterfind("r:Relationship", REL_NS):
            if rel.get("TargetMode") != "External":
                target = rel.get("Target")
                resolved = posixpath.normpath(posixpath.join(base, target)).lstrip("/")
                assert resolved in names, f"{rels} -> {target}"
    for override in etree.fromstring(archive.read("[Content_Types].xml")).iterfind("{*}Override"):
        assert override.get("PartName").lstrip("/") in names


def assert_clean(archive: zipfile.ZipFile) -> None:
    names = archive.namelist()
    assert not [n for n in names if n.startswith(("ppt/slides/", "ppt/notesSlides/", "ppt/changesInfos/"))]
    assert "docProps/thumbnail.jpeg" not in names and "ppt/revisionInfo.xml" not in names
    presentation = archive.read("ppt/presentation.xml")
    assert b"sldId " not in presentation and b"sectionLst" not in presentation and b"custShow" not in presentation
    assert_no_dangling_references(archive)


# ------------------------------------------------------------------ self-made template
def test_default_template_loses_slides_sections_and_custom_shows(tmp_path):
    template = default_template(tmp_path)
    source = zipfile.ZipFile(template).read("ppt/presentation.xml")
    assert b"sectionLst" in source and b"custShowLst" in source
    master = load_master(template, default_profile())
    assert len(master.new_presentation().slides) == 0
    assert_clean(saved_members(master))


def test_new_presentation_is_independent_per_call(tmp_path):
    master = load_master(default_template(tmp_path), default_profile())
    first = master.new_presentation()
    first.slides.add_slide(master.layout(first, "bullets"))
    assert len(master.new_presentation().slides) == 0


def test_layout_slot_idx_and_boxes(tmp_path):
    master = load_master(default_template(tmp_path), default_profile())
    prs = master.new_presentation()
    assert master.layout(prs, "two-content").name == "Two Content"
    assert master.slot_idx("kpi", "tiles") == 1
    assert master.slot_idx("chart", "chart") is None
    title, area = master.slot_box("chart", "title"), master.slot_box("chart", "chart")
    assert area.top >= title.top + title.height and area.left == title.left
    assert master.slot_box("chart", "caption") is None
    left, right = master.slot_box("two-content", "left"), master.slot_box("two-content", "right")
    assert left.left + left.width <= right.left


def test_fonts_and_font_sizes(tmp_path):
    master = load_master(default_template(tmp_path), default_profile())
    assert master.fonts == ("Calibri", "Calibri")
    assert master.placeholder_font_size("title", "title") == 44.0
    assert master.placeholder_font_size("bullets", "body") == 32.0
    assert master.placeholder_font_size("chart", "chart") is None
    assert master.slide_size == (9144000, 6858000)


def test_layout_typo_suggests_a_name(tmp_path):
    profile = default_profile(bullets={"layout": "Title and Contnet", "slots": {"title": 0}})
    with pytest.raises(TemplateError, match="Did you mean 'Title and Content'.*Available layouts: 'Title Slide'"):
        load_master(default_template(tmp_path), profile)


def test_missing_placeholder_lists_the_layout_placeholders(tmp_path):
    profile = default_profile(chart={"layout": "Title Only", "slots": {"title": 0, "chart": 13}})
    with pytest.raises(TemplateError, match="has no placeholder 13; its placeholders are 0 'Title 1' \\(title\\)"):
        load_master(default_template(tmp_path), profile)


def test_unknown_slot_asked_by_code(tmp_path):
    master = load_master(default_template(tmp_path), default_profile())
    with pytest.raises(TemplateError, match="role 'chart' has no slot 'body'"):
        master.slot_box("chart", "body")


# ------------------------------------------------------------------ pre-flight refusals
def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in members.items():
            archive.writestr(zipfile.ZipInfo(name), blob, compress_type=zipfile.ZIP_DEFLATED)
    return path


def refusal(path: Path) -> str:
    with pytest.raises(TemplateError) as info:
        load_master(path, default_profile())
    assert str(path) in str(info.value)
    return str(info.value)


def test_not_a_zip(tmp_path):
    path = tmp_path / "notes.pptx"
    path.write_bytes(b"just some text, not a presentation")
    assert "not a valid zip" in refusal(path)


def test_encrypted_template(tmp_path):
    path = tmp_path / "locked.pptx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    assert "password-protected; save an unprotected copy" in refusal(path)


def test_zip_bomb_ratio(tmp_path):
    path = write_zip(tmp_path / "bomb.pptx", {"[Content_Types].xml": b"<Types/>", "ppt/big.xml": b"\0" * 5_000_000})
    assert "looks like a zip bomb" in refusal(path)


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/evil.xml", "ppt\\evil.xml", "ppt/a/../../evil.xml"])
def test_unsafe_member_names(tmp_path, name):
    path = write_zip(tmp_path / "evil.pptx", {"[Content_Types].xml": b"<Types/>", name: b"x"})
    assert "unsafe member name" in refusal(path)


def test_too_many_members(tmp_path):
    path = write_zip(tmp_path / "many.pptx", {f"m/{i}.xml": b"" for i in range(5_001)})
    assert "5001 files" in refusal(path)


def test_no_content_types(tmp_path):
    path = write_zip(tmp_path / "other.pptx", {"hello.txt": b"hi"})
    assert "not a PowerPoint file" in refusal(path)


def with_layout_link(tmp_path: Path, kind: str, target: str) -> Path:
    """Return a template whose second layout has an external relationship of ``kind``."""
    source = zipfile.ZipFile(default_template(tmp_path, slides=0))
    members = {info.filename: source.read(info.filename) for info in source.infolist()}
    rels = "ppt/slideLayouts/_rels/slideLayout2.xml.rels"
    link = (f'<Relationship Id="rId99" Type="{R_NS}/{kind}" Target="{target}" TargetMode="External"/>'
            "</Relationships>")
    members[rels] = members[rels].replace(b"</Relationships>", link.encode())
    return write_zip(tmp_path / f"{kind}.pptx", members)


def test_external_image_in_layout_is_refused(tmp_path):
    message = refusal(with_layout_link(tmp_path, "image", "http://example.com/logo.png"))
    assert "ppt/slideLayouts/slideLayout2.xml links its image to 'http://example.com/logo.png'" in message


def test_external_hyperlink_is_fine(tmp_path):
    load_master(with_layout_link(tmp_path, "hyperlink", "http://example.com/"), default_profile())


def test_damaged_part_is_a_template_error(tmp_path):
    path = write_zip(tmp_path / "broken.pptx", {"[Content_Types].xml": b"<Types/>", "ppt/x.xml": b"x"})
    assert "cannot be read" in refusal(path)


# ------------------------------------------------------------------ templates made by others
wild = pytest.mark.skipif(not WILD.is_dir(), reason=f"templates made by others not found at {WILD}")


def wild_master(name: str):
    profile = load_profile(PROFILES / f"{name}.profile.yaml")
    return load_master(profile.template_path(), profile)


@wild
def test_bdo_example_slides_are_gone():
    assert len(zipfile.ZipFile(WILD / "bdo-science-16x9.pptx").infolist()) == 53  # 4 slides, 2 notes inside
    archive = saved_members(wild_master("bdo-science-16x9"))
    assert_clean(archive)
    assert sorted(n for n in archive.namelist() if n.startswith("ppt/media/")) == ["ppt/media/image1.png",
                                                                                  "ppt/media/image2.png"]
    assert len([n for n in archive.namelist() if n.startswith("ppt/slideLayouts/slideLayout")]) == 11


@wild
def test_potx_loads_as_a_presentation():
    master = wild_master("nyu-shanghai-unofficial")
    archive = saved_members(master)
    assert_clean(archive)
    assert b"presentation.main+xml" in archive.read("[Content_Types].xml")
    assert master.fonts == ("Verdana", "Verdana")
    assert master.slot_idx("title", "subtitle") == 1  # named "Subtitle 2" in the profile


@wild
@pytest.mark.parametrize("name", ["bdo-science-16x9", "nyu-shanghai-unofficial"])
def test_wild_boxes_are_sane(name):
    master = wild_master(name)
    width, height = master.slide_size
    for role, slots in ROLE_SLOTS.items():
        for slot in slots:
            box = master.slot_box(role, slot)
            if box is None:
                continue
            assert box.width > 0 and box.height > 0, (role, slot)
            assert 0 <= box.left and box.left + box.width <= width and 0 <= box.top and box.top + box.height <= height
        title = master.slot_box(role, "title")
        assert title is not None and master.placeholder_font_size(role, "title") > 0
    chart, title = master.slot_box("chart", "chart"), master.slot_box("chart", "title")
    assert chart.top > title.top + title.height and chart.top + chart.height < height * 0.96
    assert chart.left >= width * 0.02  # the nyu title bar is full-bleed: margins come from elsewhere


@pytest.mark.skipif(not ORVELLE.is_file(), reason="templates/orvelle_master.profile.yaml not built yet")
def test_orvelle_master_loads():
    profile = load_profile(ORVELLE)
    master = load_master(profile.template_path(), profile)
    assert_clean(saved_members(master))
    for role, slots in ROLE_SLOTS.items():
        assert master.slot_box(role, slots[0]) is not None


@wild
def test_content_area_keeps_clear_of_the_layout_logo():
    chart = wild_master("bdo-science-16x9").slot_box("chart", "chart")
    logo_left, logo_top = 8107453, 3980403  # picture-filled box on bdo's "Title Only" layout
    assert chart.left + chart.width < logo_left or chart.top + chart.height < logo_top


def test_macro_enabled_template_is_refused(tmp_path):
    source = zipfile.ZipFile(default_template(tmp_path, slides=0))
    members = {info.filename: source.read(info.filename) for info in source.infolist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml")
    assert "macro-enabled" in refusal(write_zip(tmp_path / "macro.pptm", members))


def test_add_slide_makes_the_slide_python_pptx_makes(tmp_path):
    """Later slides reuse the first slide's cloned placeholders: the XML must not change."""
    master = load_master(default_template(tmp_path), default_profile())
    ours, theirs = master.new_presentation(), master.new_presentation()
    for role in ("bullets", "two-content", "bullets", "picture", "two-content"):
        master.add_slide(ours, role)
        theirs.slides.add_slide(master.layout(theirs, role))
    assert len(ours.slides) == 5
    for mine, reference in zip(ours.slides, theirs.slides):
        assert etree.tostring(mine._element) == etree.tostring(reference._element)
        assert mine.slide_layout.name == reference.slide_layout.name


def test_a_role_box_smaller_than_its_min_box_is_refused_at_load(tmp_path):
    profile = TemplateProfile.model_validate({"template": "deck.pptx", "roles": DEFAULT_ROLES,
                                              "fit": {"min_box": {"two-content": [5.0, 1.6], "bullets": [3, 1.6]}}})
    with pytest.raises(TemplateError) as info:
        load_master(default_template(tmp_path), profile)
    assert info.value.message.endswith(
        "profile role 'two-content' slot 'left': the box on layout 'Two Content' is 4.42 x 4.95 in, smaller than "
        "fit.min_box.two-content (5 x 1.6 in); map the role to a larger box or lower fit.min_box.two-content")
