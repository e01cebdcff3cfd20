"""Spec stage: load YAML with line marks and validate it into typed models.

The face (:class:`Season`, :func:`load_season`) is imported on first use, so a command that only
needs a constant of the spec format (``LANGUAGES``) does not load pydantic and every model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import lazy_face
from generator.spec.chart_kinds import KindRules, Needs, kind_names, kind_rules
from generator.spec.languages import LANGUAGES
from generator.spec.visuals import has_variants, localized_file, variant_file

if TYPE_CHECKING:  # the names below, for type checkers and IDEs
    from generator.spec.brand import Asset, Brand, load_brand
    from generator.spec.conditions import CONDITION_OPERATORS, Condition, EmptyNote
    from generator.spec.loader import KeyPath, LoadedYaml, format_key, load_yaml, walk_scalars
    from generator.spec.model import (
        Block, ChartSpec, ChecklistSpec, DataBinding, DeckDef, DeckSpec, HqDeckDef, KpiTile, Maison,
        ReferenceLine, RegionDef, Repeat, ScoreColumn, ScorecardSpec, SeasonInfo, SeasonSpec, SlideSpec, SourceDef,
        TableSpec,
    )
    from generator.spec.paths import escape_problem, name_problem, path_problem, project_root
    from generator.spec.profile import (
        CONTENT_SLOTS, DEFAULT_MIN_BOX, MIN_BOX_SLOTS, ROLE_SLOTS, TemplateProfile, load_profile,
    )
    from generator.spec.reference import spec_reference
    from generator.spec.schema import spec_schema
    from generator.spec.season import (
        SEASON_FILE, Season, SeasonDraft, catalog_file, display_path, finding_order, load_season, read_season,
        season_file,
    )
    from generator.spec.trackers import TrackerAlerts, TrackerDef
    from generator.spec.validate import did_you_mean, validate_document

# imported on first use: pydantic and the models cost about 0.13-0.16 s, the YAML loader 0.02 s (python -X
# importtime); a build whose run stamp says nothing changed reads neither, nor does the chart-kind list
_LATER = {
    "generator.spec.brand": ("Asset", "Brand", "load_brand"),
    "generator.spec.conditions": ("CONDITION_OPERATORS", "Condition", "EmptyNote"),
    "generator.spec.loader": ("KeyPath", "LoadedYaml", "format_key", "load_yaml", "walk_scalars"),
    "generator.spec.model": (
        "Block", "ChartSpec", "ChecklistSpec", "DataBinding", "DeckDef", "DeckSpec", "HqDeckDef", "KpiTile",
        "Maison", "ReferenceLine", "RegionDef", "Repeat", "ScoreColumn", "ScorecardSpec", "SeasonInfo", "SeasonSpec",
        "SlideSpec",
        "SourceDef", "TableSpec",
    ),
    "generator.spec.paths": ("escape_problem", "name_problem", "path_problem", "project_root"),
    "generator.spec.profile": (
        "CONTENT_SLOTS", "DEFAULT_MIN_BOX", "MIN_BOX_SLOTS", "ROLE_SLOTS", "TemplateProfile", "load_profile",
    ),
    "generator.spec.reference": ("spec_reference",),
    "generator.spec.schema": ("spec_schema",),
    "generator.spec.season": (
        "SEASON_FILE", "Season", "SeasonDraft", "catalog_file", "display_path", "finding_order",
        "load_season", "read_season", "season_file",
    ),
    "generator.spec.trackers": ("TrackerAlerts", "TrackerDef"),
    "generator.spec.validate": ("did_you_mean", "validate_document"),
}

__all__ = ["CONDITION_OPERATORS", "CONTENT_SLOTS", "DEFAULT_MIN_BOX", "LANGUAGES", "MIN_BOX_SLOTS", "ROLE_SLOTS",
           "SEASON_FILE", "Asset", "Block", "Brand", "ChartSpec", "ChecklistSpec", "Condition", "DataBinding",
           "DeckDef", "DeckSpec", "EmptyNote", "HqDeckDef", "KeyPath", "KindRules", "KpiTile", "LoadedYaml", "Maison",
           "Needs", "ReferenceLine", "RegionDef", "Repeat", "ScoreColumn", "ScorecardSpec", "Season",
           "SeasonDraft", "SeasonInfo", "SeasonSpec", "SlideSpec", "SourceDef", "TableSpec", "TemplateProfile",
           "TrackerAlerts", "TrackerDef", "catalog_file", "did_you_mean", "display_path", "escape_problem",
           "finding_order",
           "format_key", "has_variants", "kind_names", "kind_rules", "load_brand", "load_profile", "load_season",
           "load_yaml", "localized_file", "name_problem",
           "path_problem", "project_root", "read_season", "season_file", "spec_reference", "spec_schema",
           "validate_document", "variant_file", "walk_scalars"]

__getattr__ = lazy_face(__name__, _LATER)
