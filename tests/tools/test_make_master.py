"""Tests of the Orvelle master template builder (generator/tools/make_master.py)."""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from generator.tools.make_master import build_master, write_docs

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
LAYOUT_NAMES = ["Orvelle Title", "Orvelle Section", "Orvelle Bullets", "Orvelle Chart", "Orvelle Two Content",
                "Orvelle Table", "Orvelle KPI", "Orvelle Picture", "Orvelle Closing"]
CONTRACT = {  # layout -> {idx: accepted placeholder types}
    "Orvelle Title": {0: {"title"}, 1: {"subTitle", "body"}},
    "Orvelle Section": {0: {"title"}, 1: {"subTitle", "body"}},
    "Orvelle Bullets": {0: {"title"}, 1: {"body"}},
    "Orvelle Chart": {0: {"title"}, 13: {"chart", "obj"}, 14: {"body"}},
    "Orvelle Two Content": {0: {"title"}, 1: {"body"}, 2: {"body"}},
    "Orvelle Table": {0: {"title"}, 13: {"tbl", "obj"}},
    "Orvelle KPI": {0: {"title"}, 13: {"body"}},
    "Orvelle Picture": {0: {"title"}, 13: {"pic"}, 14: {"body"}},
    "Orvelle Closing": {0: {"title"}, 1: {"subTitle", "body"}},
}
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"


@pytest.fixture(scope="module")
def master(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("master") / "orvelle_master.pptx"
    build_master(out)
    write_docs(out)
    return out


def _ph_types(layout) -> dict[int, str]:
    found = {}
    for ph in layout._element.iter(f"{{{P_NS}}}ph"):
        found[int(ph.get("idx", "0"))] = ph.get("type", "obj")
    return found


def test_build_is_byte_identical_and_committed_copy_is_current(master: Path, tmp_path: Path) -> None:
    again = build_master(tmp_path / "again.pptx")
    assert again.read_bytes() == master.read_bytes()
    assert (TEMPLATES / "orvelle_master.pptx").read_bytes() == master.read_bytes()


def test_committed_profile_and_readme_are_current(master: Path) -> None:
    for name in ("orvelle_master.profile.yaml", "README.md"):
        assert (TEMPLATES / name).read_text(encoding="utf-8") == master.with_name(name).read_text(encoding="utf-8")


def test_nine_named_layouts_and_no_slides(master: Path) -> None:
    prs = Presentation(str(master))
    assert [layout.name for layout in prs.slide_layouts] == LAYOUT_NAMES
    assert len(prs.slides) == 0
    assert (prs.slide_width, prs.slide_height) == (12_192_000, 6_858_000)


def test_placeholder_idx_contract(master: Path) -> None:
    prs = Presentation(str(master))
    for layout in prs.slide_layouts:
        types = _ph_types(layout)
        assert set(types) == set(CONTRACT[layout.name]), layout.name
        for idx, accepted in CONTRACT[layout.name].items():
            assert types[idx] in accepted, (layout.name, idx, types[idx])


def test_profile_matches_layouts(master: Path) -> None:
    profile = yaml.safe_load(master.with_name("orvelle_master.profile.yaml").read_text(encoding="utf-8"))
    assert profile["template"] == "orvelle_master.pptx" and profile["fit"]["min_scale"] == 0.8
    for role in profile["roles"].values():
        assert set(role["slots"].values()) == set(CONTRACT[role["layout"]])


def test_theme_fonts_name_and_sizes(master: Path) -> None:
    prs = Presentation(str(master))
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    assert theme.get("name") == "Maison Orvelle"
    assert theme.find("a:themeElements/a:fontScheme/a:majorFont/a:latin", ns).get("typeface") == "Cambria"
    assert theme.find("a:themeElements/a:fontScheme/a:minorFont/a:latin", ns).get("typeface") == "Calibri"
    bullets = prs.slide_layouts[2].placeholders
    sizes = [ph._element.find(".//a:lvl1pPr/a:defRPr", ns).get("sz") for ph in bullets]
    assert sizes == ["3200", "1800"]


def test_no_autofit_and_unique_shape_ids(master: Path) -> None:
    prs = Presentation(str(master))
    for part in [prs.slide_master.part, *(layout.part for layout in prs.slide_layouts)]:
        xml = part.blob.decode("utf-8")
        assert "normAutofit" not in xml
        ids = [el.get("id") for el in etree.fromstring(part.blob).iter(f"{{{P_NS}}}cNvPr")]
        assert len(ids) == len(set(ids)), part.partname


def test_package_has_no_dangling_or_orphan_parts(master: Path) -> None:
    with zipfile.ZipFile(master) as archive:
        names = set(archive.namelist())
        targets = set()
        for rels in (n for n in names if n.endswith(".rels")):
            base = posixpath.dirname(posixpath.dirname(rels))
            for rel in etree.fromstring(archive.read(rels)):
                if rel.get("TargetMode") != "External":
                    targets.add(posixpath.normpath(posixpath.join(base, rel.get("Target"))).lstrip("/"))
        assert targets <= names
        assert {n for n in names if not n.endswith(".rels")} - targets == {"[Content_Types].xml"}
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_every_layout_renders_in_libreoffice(master: Path, tmp_path: Path) -> None:
    prs = Presentation(str(master))
    for layout in prs.slide_layouts:
        slide = prs.slides.add_slide(layout)
        for ph in slide.placeholders:
            if ph.has_text_frame:
                ph.text_frame.text = f"{layout.name} {ph.placeholder_format.idx}"
    deck = tmp_path / "all_layouts.pptx"
    prs.save(str(deck))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(deck)], check=True, capture_output=True, timeout=180)
    assert _page_count((tmp_path / "all_layouts.pdf").read_bytes()) == len(LAYOUT_NAMES)


def _page_count(pdf: bytes) -> int:
    """Return the page count from the PDF's page tree root (the largest /Count)."""
    return max(int(n) for n in re.findall(rb"/Count (\d+)", pdf))
