"""HQ master templates: pre-flight, cleaning and role mapping (see :class:`Master`)."""

from __future__ import annotations

from generator.template.inspect import format_inspection, inspect_template
from generator.template.layouts import theme_fonts
from generator.template.master import Master, clean_template_bytes, load_master
from generator.template.package import read_template_bytes
from generator.template.propose import propose_profile

__all__ = ["Master", "clean_template_bytes", "format_inspection", "inspect_template", "load_master",
           "propose_profile", "read_template_bytes", "theme_fonts"]
