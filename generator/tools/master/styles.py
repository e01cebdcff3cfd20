"""Master-level XML: text styles and the theme (colours, fonts, name)."""

from __future__ import annotations

from lxml import etree

from generator.ooxml import parse_part
from generator.tools.master.shapes import NSDECL

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
THEME_NAME = "Maison Orvelle"

# (indent in EMU, size in points, bullet) per body level: a gold bullet, then en dashes.
BODY_LEVELS = ((228600, 18, "•"), (457200, 16, "–"), (685800, 14, "–"), (914400, 12, "–"), (1143000, 12, "–"))


def _body_level(level: int, indent: int, size: int, char: str) -> str:
    return (
        f'<a:lvl{level}pPr marL="{indent}" indent="-228600" algn="l" defTabSz="914400">'
        f'<a:lnSpc><a:spcPct val="105000"/></a:lnSpc><a:spcBef><a:spcPts val="{900 if level == 1 else 400}"/></a:spcBef>'
        f'<a:buClr><a:schemeClr val="accent2"/></a:buClr><a:buFont typeface="Arial"/><a:buChar char="{char}"/>'
        f'<a:defRPr sz="{size * 100}" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
        f'<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl{level}pPr>'
    )


def text_styles() -> str:
    """Return the master's p:txStyles: Cambria titles at 32 pt, Calibri body at 18 pt."""
    title = (
        '<p:titleStyle><a:lvl1pPr algn="l" defTabSz="914400"><a:lnSpc><a:spcPct val="90000"/></a:lnSpc>'
        '<a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/><a:defRPr sz="3200" kern="1200">'
        '<a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mj-lt"/>'
        '<a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>'
    )
    body = "".join(_body_level(n, *values) for n, values in enumerate(BODY_LEVELS, start=1))
    other = ('<p:otherStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr><a:lvl1pPr algn="l" defTabSz="914400">'
             '<a:defRPr sz="1800" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
             '<a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:otherStyle>')
    return f'<p:txStyles {NSDECL}>{title}<p:bodyStyle>{body}</p:bodyStyle>{other}</p:txStyles>'


def theme_colours(palette: dict) -> dict[str, str]:
    """Return the twelve theme colour slots filled from the brand palette."""
    chart = [c.lstrip("#").upper() for c in palette["chart"]]
    hexes = {key: palette[key].lstrip("#").upper() for key in ("ink", "ivory", "slate", "gold")}
    return {
        "dk1": hexes["ink"], "lt1": "FFFFFF", "dk2": chart[0], "lt2": hexes["ivory"],
        "accent1": chart[0], "accent2": hexes["gold"], "accent3": chart[2], "accent4": chart[3],
        "accent5": chart[4], "accent6": chart[5], "hlink": "8A6D3B", "folHlink": hexes["slate"],
    }


def rebrand_theme(blob: bytes, palette: dict, heading: str, body: str) -> bytes:
    """Return the theme XML with the Orvelle name, colour scheme and major/minor fonts."""
    root = parse_part(blob, "master", "theme")
    ns = {"a": A_NS}
    root.set("name", THEME_NAME)
    scheme = root.find("a:themeElements/a:clrScheme", ns)
    scheme.set("name", THEME_NAME)
    for slot, value in theme_colours(palette).items():
        holder = scheme.find(f"a:{slot}", ns)
        holder.clear()
        etree.SubElement(holder, f"{{{A_NS}}}srgbClr", val=value)
    fonts = root.find("a:themeElements/a:fontScheme", ns)
    fonts.set("name", THEME_NAME)
    fonts.find("a:majorFont/a:latin", ns).set("typeface", heading)
    fonts.find("a:minorFont/a:latin", ns).set("typeface", body)
    root.find("a:themeElements/a:fmtScheme", ns).set("name", THEME_NAME)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
