"""HQ master templates: pre-flight, cleaning and role mapping (see :class:`Master`)."""

from generator.template.master import Master, clean_template_bytes, load_master

__all__ = ["Master", "clean_template_bytes", "load_master"]
