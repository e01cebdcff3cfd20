"""Spec stage: load YAML with line marks and validate it into typed models."""

from generator.spec.season import Season, load_season

__all__ = ["Season", "load_season"]
