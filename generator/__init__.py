"""kitgen: YAML deck specs + HQ master templates + regional data -> localized PowerPoint decks."""

__version__ = "0.1.0"
