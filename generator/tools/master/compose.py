"""Rebuild the master and the nine layouts of a python-pptx default presentation in place."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType

from generator.tools.master import shapes
from generator.tools.master.spec import (
    CONTENT_BOTTOM, CONTENT_TOP, CONTENT_W, DECOR, LAYOUTS, MARGIN, LayoutSpec, Placeholder, Rect,
)
from generator.tools.master.styles import rebrand_theme, text_styles

LOGO_TEXT = "Maison Orvelle logo"


def compose(prs: PresentationType, brand: dict, brand_dir: Path) -> None:
    """Turn the default presentation ``prs`` into the Orvelle master (theme, master, layouts)."""
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    fonts = brand["fonts"]
    theme._blob = rebrand_theme(theme.blob, brand["palette"], fonts["heading"]["name"], fonts["body"]["name"])
    _rebuild_master(prs, brand_dir / brand["logo"])
    layouts = list(prs.slide_layouts)
    for layout in layouts[len(LAYOUTS):]:
        prs.slide_layouts.remove(layout)
    logo = brand_dir / brand["logo_light"]
    for layout, spec in zip(layouts, LAYOUTS):
        # Reusing the default layout parts keeps their master relationship and part names.
        layout.part._element = parse_xml(_layout_xml(spec, layout.part, logo))


def _rebuild_master(prs: PresentationType, logo: Path) -> None:
    master = prs.slide_master
    _, rel_id = master.part.get_or_add_image_part(str(logo))
    body = Placeholder("body", 1, "Text", Rect(MARGIN, CONTENT_TOP, CONTENT_W, CONTENT_BOTTOM - CONTENT_TOP), 18,
                       "Click to edit text", bullets=True)
    title = LAYOUTS[2].placeholders[0]
    parts = [shapes.placeholder(2, title), shapes.placeholder(3, body), shapes.rule(4, DECOR.title_rule),
             shapes.rule(5, DECOR.footer_rule), shapes.picture(6, DECOR.logo, rel_id, LOGO_TEXT),
             shapes.page_number(7, DECOR.page_number)]
    c_sld = parse_xml(f'<p:cSld {shapes.NSDECL}>{shapes.background("bg2")}'
                      f'<p:spTree>{shapes.GROUP_HEADER}{"".join(parts)}</p:spTree></p:cSld>')
    _replace(master._element, "p:cSld", c_sld)
    _replace(master._element, "p:txStyles", parse_xml(text_styles()))


def _replace(parent, tag: str, new) -> None:
    """Swap the child ``tag`` of ``parent`` for ``new``, keeping its position."""
    old = parent.find(qn(tag))
    parent.replace(old, new)


def _layout_xml(spec: LayoutSpec, part, light_logo: Path) -> str:
    """Return the full sldLayout XML of ``spec`` (decorations first, then placeholders)."""
    makers: list[Callable[[int], str]] = []
    if spec.dark:
        _, rel_id = part.get_or_add_image_part(str(light_logo))
        makers += [partial(shapes.rule, box=spec.rule),
                   partial(shapes.picture, box=spec.logo, rel_id=rel_id, description=LOGO_TEXT)]
    makers += [partial(shapes.placeholder, ph=ph) for ph in spec.placeholders]
    numbered = [make(shape_id) for shape_id, make in enumerate(makers, start=2)]  # id 1 is the tree
    show_master = ' showMasterSp="0"' if spec.dark else ""
    bg = shapes.background("tx1") if spec.dark else ""
    return (
        f'<p:sldLayout {shapes.NSDECL} type="{spec.layout_type}" preserve="1" userDrawn="1"{show_master}>'
        f'<p:cSld name="{spec.name}">{bg}<p:spTree>{shapes.GROUP_HEADER}{"".join(numbered)}</p:spTree></p:cSld>'
        f'<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>'
    )

