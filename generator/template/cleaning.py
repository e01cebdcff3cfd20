"""Strip a template's own example slides (and what only they used) from an opened package.

python-pptx serialises only the parts reachable from the package's relationship
graph, so dropping the presentation's relationships to slides removes the slides,
their notes and media that nothing else uses. What still names those slides
(sections, custom shows) is removed first, and so are parts that would leak the
template author's content or history into every generated deck.
"""

from __future__ import annotations

import logging

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation

LOG = logging.getLogger(__name__)
P14_NS = "http://schemas.microsoft.com/office/powerpoint/2010/main"
# Revision history and the thumbnail/app statistics describe the example slides.
PRESENTATION_LEAKS = ("changesInfo", "revisionInfo", "commentAuthors")
PACKAGE_LEAKS = (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES)


def remove_example_slides(prs: Presentation) -> int:
    """Return how many example slides were removed from ``prs`` (modified in place)."""
    pres = prs.part._element
    _remove_slide_references(pres)
    id_list = pres.find(_p("sldIdLst"))
    removed = 0
    for sld_id in list(id_list) if id_list is not None else []:
        rid = sld_id.get(_r("id"))
        id_list.remove(sld_id)
        prs.part.drop_rel(rid)
        removed += 1
    _drop_leaky_parts(prs)
    LOG.debug("removed %d example slide(s) from the template", removed)
    return removed


def _remove_slide_references(pres) -> None:
    """Remove custom shows and sections: both list slides that are about to go."""
    for shows in pres.findall(_p("custShowLst")):
        pres.remove(shows)
    for ext_list in pres.findall(_p("extLst")):
        for ext in list(ext_list):
            if ext.find(f"{{{P14_NS}}}sectionLst") is not None:
                ext_list.remove(ext)


def _drop_leaky_parts(prs: Presentation) -> None:
    for rid, rel in list(prs.part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in PRESENTATION_LEAKS:
            prs.part.rels.pop(rid)
    package = prs.part.package
    # python-pptx exposes no public listing of package-level relationships.
    for rid, rel in list(package._rels.items()):
        if rel.reltype in PACKAGE_LEAKS:
            package.drop_rel(rid)


def _p(tag: str) -> str:
    return f"{{http://schemas.openxmlformats.org/presentationml/2006/main}}{tag}"


def _r(attr: str) -> str:
    return f"{{http://schemas.openxmlformats.org/officeDocument/2006/relationships}}{attr}"
