"""Template profiles: which layout and placeholders of an HQ master serve each slide role.

A profile is a small YAML file next to the master template. It knows nothing of
python-pptx: placeholders are named by idx (int) or name (str) and checked
against the template only when the master is loaded.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from pydantic import (Field, PositiveFloat, PrivateAttr, ValidationError, field_validator,
                      model_validator)

from generator.errors import Finding, Location, SpecError
from generator.spec.base import Strict
from generator.spec.loader import KeyPath, LoadedYaml, load_yaml
from generator.spec.model import ROLES, Role

# Slots each role may fill; the first one is the slide title.
ROLE_SLOTS: dict[str, tuple[str, ...]] = {
    "title": ("title", "subtitle"),
    "section": ("title", "subtitle"),
    "bullets": ("title", "body"),
    "chart": ("title", "chart", "caption"),
    "two-content": ("title", "left", "right"),
    "table": ("title", "table"),
    "kpi": ("title", "tiles"),
    "picture": ("title", "picture", "caption"),
    "closing": ("title", "subtitle"),
}
# Slots that fall back to the layout's content area when the profile omits them.
CONTENT_SLOTS = frozenset({"body", "left", "right", "chart", "table", "picture", "tiles"})
# The slots a role's minimum box (``fit.min_box``) is about: its main content, or its subtitle.
MIN_BOX_SLOTS: dict[str, tuple[str, ...]] = {
    "title": ("subtitle",), "section": ("subtitle",), "bullets": ("body",), "chart": ("chart",),
    "two-content": ("left", "right"), "table": ("table",), "kpi": ("tiles",), "picture": ("picture",),
    "closing": ("subtitle",),
}
# Smallest box (width, height in inches) each role's content may get, as proposed for a new master:
# bullets never go into a 0.3 in caption line, KPI tiles need room for two or more side by side.
DEFAULT_MIN_BOX: dict[str, tuple[float, float]] = {
    "title": (2.0, 0.3), "section": (2.0, 0.3), "bullets": (3.0, 1.6), "chart": (3.0, 1.6), "two-content": (2.0, 1.6),
    "table": (3.0, 1.6), "kpi": (4.0, 1.6), "picture": (2.0, 1.5), "closing": (2.0, 0.3),
}


class FitSettings(Strict):
    """How far text may shrink to fit its box before it is an error, and the smallest box per role."""

    min_scale: float = Field(default=0.8, ge=0.5, le=1.0)
    # role -> (width, height) in inches; the master is refused when a role's box is smaller
    min_box: dict[Role, tuple[PositiveFloat, PositiveFloat]] = Field(default_factory=dict)


class RoleMapping(Strict):
    """One role's layout (by name) and its slots (placeholder idx or name)."""

    layout: str = Field(min_length=1)
    slots: dict[str, int | str] = Field(default_factory=dict)


class TemplateProfile(Strict):
    """Return value of :func:`load_profile`: the template file and its role mappings."""

    template: str = Field(min_length=1)
    fit: FitSettings = Field(default_factory=FitSettings)
    roles: dict[Role, RoleMapping]
    _source: Path | None = PrivateAttr(default=None)

    @field_validator("roles")
    @classmethod
    def _all_roles(cls, roles: dict[str, RoleMapping]) -> dict[str, RoleMapping]:
        missing = [role for role in ROLES if role not in roles]
        if missing:
            raise ValueError(f"missing role(s): {', '.join(missing)} (every one of {', '.join(ROLES)} is required)")
        return roles

    @model_validator(mode="after")
    def _known_slots(self) -> "TemplateProfile":
        for role, mapping in self.roles.items():
            unknown = sorted(set(mapping.slots) - set(ROLE_SLOTS[role]))
            if unknown:
                raise ValueError(f"roles.{role}.slots: unknown slot(s) {', '.join(unknown)}; "
                                 f"{role} has {', '.join(ROLE_SLOTS[role])}")
        return self

    def template_path(self) -> Path:
        """Return the template file, resolved relative to the profile it came from."""
        if self._source is None:
            return Path(self.template)
        return self._source.parent / self.template


def load_profile(path: Path) -> TemplateProfile:
    """Return the validated profile at ``path``; raise SpecError with located findings."""
    loaded = load_yaml(path)
    if not isinstance(loaded.data, dict):
        raise SpecError(Finding(Location(path, 1, 1), "", "a profile must be a mapping",
                                "start with 'template:', 'fit:' and 'roles:'"))
    try:
        profile = TemplateProfile.model_validate(loaded.data)
    except ValidationError as exc:
        raise SpecError([_finding(loaded, err) for err in exc.errors()]) from exc
    profile._source = Path(path)
    return profile


def _finding(loaded: LoadedYaml, error: dict) -> Finding:
    """Return a located finding for one pydantic error."""
    path: KeyPath = tuple(part for part in error["loc"] if part != "[key]")
    message = error["msg"].removeprefix("Value error, ")
    if message.startswith("roles.") and ".slots:" in message:  # raised by the model validator
        key, message = message.split(": ", 1)
        path = tuple(key.split("."))
    hint = "a minimum box is [width, height] in inches, e.g. [3.0, 1.6]" if path[:2] == ("fit", "min_box") else None
    if "[key]" in error["loc"] and isinstance(error.get("input"), str):
        close = difflib.get_close_matches(error["input"], ROLES, n=1)
        message, hint = f"unknown role '{error['input']}'", (f"did you mean '{close[0]}'?" if close else None)
    return loaded.finding(path, message[:1].lower() + message[1:], hint)
