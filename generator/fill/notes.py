"""Speaker notes slides, made as python-pptx's ``slide.notes_slide`` makes them.

python-pptx clones the notes master's placeholders onto every new notes slide, reading each
placeholder's type with an XPath. Every deck of one template has the same notes master (the
template's own, or python-pptx's default), so the first clone is kept per template and copied.
"""

from __future__ import annotations

import weakref
from copy import deepcopy

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import NotesSlidePart
from pptx.slide import NotesSlide

from generator.template import Master

_CLONES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # Master -> the cloned placeholder elements


def notes_slide(master: Master, slide) -> NotesSlide:
    """Return the notes slide of ``slide`` (a deck on ``master``), made with the XML python-pptx gives it."""
    part = slide.part
    try:
        return part.part_related_by(RT.NOTES_SLIDE).notes_slide
    except KeyError:
        pass
    package = part.package
    notes_master = package.presentation_part.notes_master_part
    notes_part = NotesSlidePart._add_notes_slide_part(package, part, notes_master)
    notes = notes_part.notes_slide
    clones = _CLONES.get(master)
    if clones is None:
        notes.clone_master_placeholders(notes_master.notes_master)
        _CLONES[master] = [deepcopy(shape) for shape in notes.shapes._spTree.iter_shape_elms()]
    else:
        notes.shapes._spTree.extend(deepcopy(shape) for shape in clones)
    part.relate_to(notes_part, RT.NOTES_SLIDE)
    return notes
