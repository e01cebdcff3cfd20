"""XML text of the shapes the master and layouts are made of (DrawingML / PresentationML).

Written as small string builders: the shapes are few and fixed, and literal XML is the
clearest statement of what PowerPoint will read.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from generator.tools.master.spec import Placeholder, Rect

NSDECL = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')

GROUP_HEADER = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
                '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
                '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')

PLACEHOLDER_NAMES = {"title": "Title", "subTitle": "Subtitle", "body": "Text", "chart": "Chart",
                     "tbl": "Table", "pic": "Picture"}


def colour(value: str) -> str:
    """Return a solid fill for a scheme colour name or a 6-digit hex colour."""
    if len(value) == 6 and all(c in "0123456789ABCDEFabcdef" for c in value):
        return f'<a:solidFill><a:srgbClr val="{value.upper()}"/></a:solidFill>'
    return f'<a:solidFill><a:schemeClr val="{value}"/></a:solidFill>'


def xfrm(box: Rect) -> str:
    """Return the a:xfrm of ``box``."""
    x, y, cx, cy = box.emu()
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'


def background(fill: str) -> str:
    """Return a p:bg with a solid scheme colour."""
    return f'<p:bg><p:bgPr>{colour(fill)}<a:effectLst/></p:bgPr></p:bg>'


def placeholder(shape_id: int, ph: Placeholder) -> str:
    """Return the p:sp of a layout placeholder with explicit size, colour and no autofit."""
    idx = "" if ph.idx == 0 else f' idx="{ph.idx}"'
    font = "+mj-lt" if ph.kind == "title" else "+mn-lt"
    bullet = "" if ph.bullets else '<a:buNone/>'
    indent = "" if ph.bullets else ' marL="0" indent="0"'
    italic = ' i="1"' if ph.italic else ""
    prompt = f'<a:r><a:rPr lang="en-US"/><a:t>{escape(ph.prompt)}</a:t></a:r>' if ph.prompt else ""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{escape(ph.name)} {shape_id - 1}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="{ph.kind}"{idx}/></p:nvPr></p:nvSpPr>'
        f'<p:spPr>{xfrm(ph.box)}</p:spPr>'
        f'<p:txBody><a:bodyPr lIns="0" rIns="0" anchor="{ph.anchor}"><a:noAutofit/></a:bodyPr><a:lstStyle>'
        f'<a:lvl1pPr algn="{ph.align}"{indent}>{bullet}<a:defRPr sz="{round(ph.size_pt * 100)}"{italic}>'
        f'{colour(ph.colour)}<a:latin typeface="{font}"/></a:defRPr></a:lvl1pPr></a:lstStyle>'
        f'<a:p>{prompt}<a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>'
    )


def rule(shape_id: int, box: Rect, fill: str = "accent2") -> str:
    """Return a thin filled rectangle (the gold rule); a rectangle renders alike everywhere."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="Gold rule {shape_id - 1}"/><p:cNvSpPr/>'
        f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'{colour(fill)}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
    )


def picture(shape_id: int, box: Rect, rel_id: str, description: str) -> str:
    """Return a p:pic showing the image related as ``rel_id``."""
    return (
        f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo {shape_id - 1}" descr="{escape(description)}"/>'
        f'<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )


def page_number(shape_id: int, box: Rect) -> str:
    """Return a text box with a slide-number field: shown on every slide without a placeholder."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="Page number {shape_id - 1}"/><p:cNvSpPr txBox="1"/>'
        f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:noFill/></p:spPr><p:txBody><a:bodyPr lIns="0" anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
        f'<a:p><a:fld id="{{6D1C1F3A-2B4E-4C7A-9E0D-0A5B7C3E9F21}}" type="slidenum">'
        f'<a:rPr lang="en-US" sz="1000">{colour("5B6676")}<a:latin typeface="+mn-lt"/></a:rPr>'
        f'<a:t>‹#›</a:t></a:fld><a:endParaRPr lang="en-US" sz="1000"/></a:p></p:txBody></p:sp>'
    )
