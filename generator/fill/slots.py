"""Remembered answers of a master about its slots (placeholder idx, boxes, content area)."""

from __future__ import annotations

import weakref

from generator.template import Master

# Answers of each master by (question, role, slot). They depend on the template only, and the
# master works them out from its layouts' shapes (an XPath per shape) on every call.
_ANSWERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def template_answer(master: Master, question: str, *args: str):
    """Return ``master.<question>(*args)`` (slot_idx, slot_box, content_area), remembered per master."""
    answers = _ANSWERS.setdefault(master, {})
    key = (question, *args)
    if key not in answers:
        answers[key] = getattr(master, question)(*args)
    return answers[key]


def slot_area(master: Master, role: str, slot: str):
    """Return the box of ``slot`` of ``role``: its placeholder's, else the layout's content area."""
    return template_answer(master, "slot_box", role, slot) or template_answer(master, "content_area", role)
