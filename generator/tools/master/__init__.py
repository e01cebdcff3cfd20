"""Building blocks of ``generator.tools.make_master`` (the Maison Orvelle HQ master template)."""
