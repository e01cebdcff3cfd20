"""HQ master templates: pre-flight, cleaning and role mapping (see :class:`Master`)."""

from generator.template.layouts import theme_fonts
from generator.template.master import Master, clean_template_bytes, load_master
from generator.template.package import read_template_bytes

__all__ = ["Master", "clean_template_bytes", "load_master", "read_template_bytes", "theme_fonts"]
