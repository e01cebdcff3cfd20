"""Drawing and text helpers behind ``generator.tools.brand_art`` (the Maison Orvelle brand kit)."""
