"""Make the sample season's finished HQ decks (``make sample-hq``): what Maison Orvelle's HQ
would send, built on its master, written by hand the way HQ writes them.

Usage::

    python -m generator.tools.sample_hq --out decks/fw26/hq

- ``solenne-launch.pptx`` (English): a collection launch with data tags
  (``{{ region.name }}``, ``{{ kpi.sellout | money }}``, a launch date), runs in bold,
  italic and colour, a hyperlink, a line break, and a picture swapped per region
  (alt text ``{{ ... }}``) with its region visuals in ``visuals/``.
- ``product-training.pptx`` (French, as HQ in Geneva writes it): speaker notes, a
  table, a native chart with axis titles, a group of shapes.

The output is deterministic: the same code gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import click
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu, Inches, Pt

from generator.resolve import DeckMeta
from generator.template import clean_template_bytes
from generator.writer import deck_bytes, normalize_zip, write_atomic

ROOT = Path(__file__).resolve().parents[2]
MASTER = ROOT / "templates" / "orvelle_master.pptx"
GOLD, INK = RGBColor(0xB0, 0x8D, 0x57), RGBColor(0x1C, 0x1C, 0x1C)
REGIONS = {"US-E": (28, 45, 72), "US-W": (140, 84, 44), "CA": (120, 30, 40), "MX": (30, 96, 80)}
MODIFIED = dt.datetime(2026, 6, 1)


def _new() -> Presentation:
    return Presentation(io.BytesIO(clean_template_bytes(MASTER)))


def _slide(prs, layout: str):
    found = next(l for l in prs.slide_layouts if l.name == layout)
    return prs.slides.add_slide(found)


def _placeholder(slide, idx: int):
    return next(p for p in slide.placeholders if p.placeholder_format.idx == idx)


def _runs(paragraph, *pieces) -> None:
    """Add runs to ``paragraph``: each piece is text, or (text, {bold, italic, color, link})."""
    for piece in pieces:
        text, style = (piece, {}) if isinstance(piece, str) else piece
        if text == "\n":
            paragraph.add_line_break()
            continue
        run = paragraph.add_run()
        run.text = text
        run.font.bold = style.get("bold")
        run.font.italic = style.get("italic")
        if "color" in style:
            run.font.color.rgb = style["color"]
        if "link" in style:
            run.hyperlink.address = style["link"]


def _write(frame, paragraphs: list[tuple]) -> None:
    frame.text = ""
    for number, pieces in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        _runs(paragraph, *pieces)


def launch_deck(out: Path) -> Presentation:
    """Return the Solenne launch guide (English), its region visuals written to ``out/visuals``."""
    prs = _new()
    slide = _slide(prs, "Orvelle Title")
    slide.shapes.title.text = "Solenne: the new moon-phase collection"
    _write(_placeholder(slide, 1).text_frame, [("Launch guide for {{ region.name }}, from {{ '2026-09-15' | date }}",)])
    slide = _slide(prs, "Orvelle Bullets")
    slide.shapes.title.text = "Why Solenne matters"
    _write(_placeholder(slide, 1).text_frame, [
        ("A ", ("moon-phase", {"bold": True}), " complication at an ", ("accessible", {"italic": True}), " price"),
        # the audience's own season target (the region's in a meeting, the retailer's in its kit): HQ has no
        # separate launch figure, and a "launch target" equal to the season's sales contradicted the deck
        ("Season target, Solenne included: ", ("{{ kpi.target | money }}", {"bold": True}), " in sell-out"),
        ("Available from September", "\n", "in every flagship and focus door"),
        ("Order the window kit at ", ("orvelle.example.com/solenne", {"link": "https://orvelle.example.com/solenne"})),
    ])
    slide = _slide(prs, "Orvelle Picture")
    slide.shapes.title.text = "The Solenne window"
    picture = _placeholder(slide, 13)
    visual = _visuals(out / "visuals")["US-E"]
    placed = slide.shapes.add_picture(str(visual), picture.left, picture.top, picture.width, picture.height)
    picture._element.getparent().remove(picture._element)
    placed._element.nvPicPr.cNvPr.set("descr", "{{ 'hq/visuals/solenne-' ~ region.id ~ '.png' }}")
    _write(_placeholder(slide, 14).text_frame, [("Install it ", ("one week before", {"color": GOLD, "bold": True}),
                                                 " the launch date")])
    slide = _slide(prs, "Orvelle Closing")
    slide.shapes.title.text = "Thank you"
    _write(_placeholder(slide, 1).text_frame, [("Questions: {{ region.manager }}, your regional manager",)])
    return prs


def _visuals(folder: Path) -> dict[str, Path]:
    """Write one window visual per region (a night sky with its moon) and return their paths."""
    paths = {}
    for region, colour in REGIONS.items():
        image = Image.new("RGB", (960, 345), colour)
        draw = ImageDraw.Draw(image)
        for step in range(12):
            draw.ellipse((40 + step * 75, 40 + (step % 3) * 20, 48 + step * 75, 48 + (step % 3) * 20), fill=(230, 220, 200))
        draw.ellipse((640, 90, 800, 250), fill=(236, 226, 196))
        draw.ellipse((600, 80, 760, 240), fill=colour)  # the moon's phase
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=True)
        paths[region] = folder / f"solenne-{region}.png"
        write_atomic(paths[region], buffer.getvalue())
    return paths


def training_deck() -> Presentation:
    """Return the Solenne product training (written in French by HQ)."""
    prs = _new()
    slide = _slide(prs, "Orvelle Title")
    slide.shapes.title.text = "Formation produit : Solenne"
    _write(_placeholder(slide, 1).text_frame, [("Le calibre OR-26 expliqué aux équipes de vente",)])
    slide = _slide(prs, "Orvelle Bullets")
    slide.shapes.title.text = "Trois arguments pour le client"
    _write(_placeholder(slide, 1).text_frame, [
        ("Une phase de lune ", ("précise à un jour près en 122 ans", {"bold": True})),
        ("Une réserve de marche de ", ("72 heures", {"italic": True})),
        ("Un boîtier de 38 ou 42 mm, en acier ou en or",),
    ])
    slide.notes_slide.notes_text_frame.text = "Faites essayer la montre : le client retient ce qu'il a touché."
    _table_slide(prs)
    _chart_slide(prs)
    _steps_slide(prs)
    return prs


def _table_slide(prs) -> None:
    slide = _slide(prs, "Orvelle Table")
    slide.shapes.title.text = "Les références"
    box = _placeholder(slide, 13)
    rows = [("Référence", "Boîtier", "Cadran"), ("Solenne 38", "Acier", "Bleu nuit"),
            ("Solenne 42", "Or rose", "Argenté"), ("Solenne 42 Bicolore", "Acier et or", "Nacre")]
    shape = slide.shapes.add_table(len(rows), 3, box.left, box.top, box.width, Emu(len(rows) * Inches(0.5)))
    box._element.getparent().remove(box._element)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            shape.table.cell(r, c).text = text
    slide.notes_slide.notes_text_frame.text = "La version bicolore n'est livrée qu'aux boutiques phares."


def _chart_slide(prs) -> None:
    slide = _slide(prs, "Orvelle Chart")
    slide.shapes.title.text = "Ventes prévues au lancement"
    box = _placeholder(slide, 13)
    data = CategoryChartData()
    data.categories = ["Acier", "Or rose", "Bicolore"]
    data.add_series("Unités", (420, 160, 90))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, box.left, box.top, box.width, box.height, data)
    box._element.getparent().remove(box._element)
    chart = frame.chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "Unités par version, premier trimestre"
    chart.value_axis.has_title = True
    chart.value_axis.axis_title.text_frame.text = "Unités vendues"
    chart.category_axis.has_title = True
    chart.category_axis.axis_title.text_frame.text = "Version"
    _write(_placeholder(slide, 14).text_frame, [("Prévisions de la Maison pour l'Amérique du Nord",)])
    workbook = frame.chart.part.chart_workbook.xlsx_part
    workbook._blob = _fixed_workbook(workbook.blob)


def _fixed_workbook(blob: bytes) -> bytes:
    """Return the chart's embedded workbook without the clock in it (xlsxwriter stamps the time of writing)."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    members = []
    for info in source.infolist():
        content = source.read(info.filename)
        if info.filename == "docProps/core.xml":
            content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-06-01T00:00:00Z", content)
        members.append((info.filename, content))
    return normalize_zip(_zipped(members))


def _zipped(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in members:
            target.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), content)
    return out.getvalue()


def _steps_slide(prs) -> None:
    slide = _slide(prs, "Orvelle Bullets")
    slide.shapes.title.text = "La présentation en trois temps"
    body = _placeholder(slide, 1)
    left, top = body.left, body.top
    body._element.getparent().remove(body._element)
    group = slide.shapes.add_group_shape()
    for step, text in enumerate(("Présenter la phase de lune", "Faire essayer la montre", "Conclure par le service")):
        box = group.shapes.add_textbox(left + step * Inches(4.1), top, Inches(3.8), Inches(1.2))
        _write(box.text_frame, [(("Étape " + str(step + 1) + " : ", {"bold": True, "color": GOLD}), text)])
        box.text_frame.word_wrap = True
        for paragraph in box.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(20)
    slide.notes_slide.notes_text_frame.text = "Comptez dix minutes par client."


@click.command()
@click.option("--out", type=click.Path(path_type=Path), default=ROOT / "decks" / "fw26" / "hq", show_default=True)
def main(out: Path) -> None:
    """Write the sample HQ decks and their visuals into OUT."""
    for name, prs, language, title in (
            ("solenne-launch", launch_deck(out), "en-US", "Solenne launch guide"),
            ("product-training", training_deck(), "fr-FR", "Formation produit Solenne")):
        meta = DeckMeta(title=title, author="Maison Orvelle HQ", language=language, modified=MODIFIED)
        write_atomic(out / f"{name}.pptx", deck_bytes(prs, meta))
        click.echo(f"wrote {out / name}.pptx")


if __name__ == "__main__":
    main()
