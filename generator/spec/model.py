"""Typed, validated models of the spec format (season.yaml and deck specs).

These models know nothing of python-pptx, pandas or matplotlib: they describe
what a reviewer wrote. Text fields hold English source strings that may
interpolate values with ``{{ ... }}``; they are translated and rendered later.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from generator.spec.base import Strict
from generator.spec.chart_kinds import kind_names, kind_rules
from generator.spec.conditions import (  # noqa: F401 -- CONDITION_OPERATORS, EmptyNote re-exported
    CONDITION_OPERATORS, Condition, EmptyNote, WhenEmpty, when_empty_shape,
)
from generator.spec.languages import LANGUAGES, Language  # noqa: F401 -- LANGUAGES re-exported
from generator.spec.trackers import TrackerDef

Role = Literal["title", "section", "bullets", "chart", "two-content", "table", "kpi", "picture", "closing"]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
# the one list of chart kinds, with what each needs: generator/spec/chart_kinds.py
ChartKind = Literal[kind_names()]  # type: ignore[valid-type]
ValueFormat = Literal["number", "currency", "percent", "multiple", "weeks", "date", "text"]
Aggregate = Literal["sum", "mean", "count", "min", "max", "first", "nunique"]
Period = Literal["season", "last_season", "year", "last_year", "all",  # the as-of month's (generator/data/periods.py):
                 "month", "month_last_year", "previous_month", "next_month", "last_3_months", "month_to_date",
                 "season_to_date"]
Audience = Literal["region", "retailer", "once"]


# ---------------------------------------------------------------- data bindings
class SortKey(Strict):
    by: str
    descending: bool = False


class DataBinding(Strict):
    """A declarative query: source -> filter -> period -> group/aggregate -> derive -> where -> sort -> top-N."""

    source: str
    filter: dict[str, str | int | float | bool | list[str | int]] = Field(default_factory=dict)
    period: Period | None = None
    group_by: list[str] = Field(default_factory=list)
    aggregate: dict[str, Aggregate] = Field(default_factory=dict)
    derive: dict[str, str] = Field(default_factory=dict, description="new column -> named derived measure")
    compare_last_year: bool = Field(default=False, description="add <column>_ly for each aggregate")
    where: dict[str, Condition] = Field(default_factory=dict)
    sort: list[SortKey] = Field(default_factory=list)
    top: int | None = Field(default=None, ge=1)

    _sort = field_validator("sort", mode="before")(lambda value: _sort_shorthand(value))


def _sort_shorthand(value: object) -> object:
    """Accept ``sort: -value`` or ``sort: [month, -units]`` shorthands."""
    items = [value] if isinstance(value, (str, dict)) else value
    return [_sort_key(item) for item in items] if isinstance(items, list) else value


def _sort_key(item: object) -> object:
    if isinstance(item, str):
        return {"by": item.lstrip("-"), "descending": item.startswith("-")}
    return item


# ---------------------------------------------------------------- slide content
class SeriesSpec(Strict):
    column: str
    label: str = ""
    kind: Literal["", "ty", "ly", "target"] = ""


class ReferenceLine(Strict):
    """A line across a bar or line chart at a value the reader compares with: a target, 100 %, the region."""

    value: float | str = Field(description="a number or an expression, e.g. 1 or region_kpi.sell_through")
    label: str = Field(default="", description="the words at its end (default: the value)")


class ChartSpec(Strict):
    type: ChartKind
    data: DataBinding | None = None
    x: str | None = Field(default=None, description="column holding the categories")
    x_format: Literal["text", "month", "date"] = "text"
    x_labels: bool = Field(default=True, description="show category codes through the season's 'labels' (false: as they are)")
    series: list[SeriesSpec] = Field(default_factory=list)
    split_by: str | None = Field(default=None, description="one series per value of this column")
    value_format: ValueFormat = "number"
    render: Literal["image", "native"] | None = None
    reference: ReferenceLine | None = Field(default=None, description="a line across bar and line charts")
    # bullet
    actual: str | None = Field(default=None, description="expression, e.g. kpi.roi")
    target: float | str | None = None
    # waterfall: an opening bar (e.g. last year's total) before the steps
    opening_label: str = ""
    opening_column: str | None = None
    total_label: str = ""
    # gantt
    label: str | None = None
    start: str | None = None
    end: str | None = None
    category: str | None = None
    caption: str = ""
    source_note: str = ""
    when_empty: WhenEmpty = "note"

    _when_empty = field_validator("when_empty", mode="before")(when_empty_shape)

    @model_validator(mode="after")
    def _needs(self) -> "ChartSpec":
        unmet = kind_rules(self.type).unmet(self)  # the keys each kind needs are listed with the kind
        if unmet:
            raise ValueError(unmet)
        return self


class ColumnSpec(Strict):
    column: str
    label: str = ""
    format: ValueFormat = "text"
    labels: bool = Field(default=True, description="show codes through the season's 'labels', translated (false: as they are)")


class TableSpec(Strict):
    data: DataBinding
    columns: list[ColumnSpec] = Field(min_length=1)
    max_rows: int = Field(default=10, ge=1, description="rows per slide before continuing")
    source_note: str = ""
    when_empty: WhenEmpty = "note"

    _when_empty = field_validator("when_empty", mode="before")(when_empty_shape)


class KpiTile(Strict):
    label: str
    value: str
    delta: str = ""
    note: str = ""
    trend: str | None = Field(default=None, description="expression; > 0 shows the delta as good news")


class Block(Strict):
    """One side of a two-content slide: bullets, a chart, a table or an image."""

    heading: str = ""
    bullets: list[str] = Field(default_factory=list)
    chart: ChartSpec | None = None
    table: TableSpec | None = None
    image: str | None = None


class Repeat(Strict):
    """Make one slide per record of a source (e.g. one per focus door)."""

    source: str
    filter: dict[str, str | int | float | bool | list[str | int]] = Field(default_factory=dict)
    as_: str = Field(alias="as", pattern=r"^[a-z_][a-z0-9_]*$")
    sort: list[SortKey] = Field(default_factory=list)
    limit: int | None = Field(default=None, ge=1)
    when_empty: WhenEmpty = "skip"

    _sort = field_validator("sort", mode="before")(lambda value: _sort_shorthand(value))
    _when_empty = field_validator("when_empty", mode="before")(when_empty_shape)


class IncludeSpec(Strict):
    """Slides taken from a finished HQ deck the season declares (``hq:``), localized like its copies."""

    deck: str = Field(description="the HQ deck's name or path, as season.yaml's 'hq' declares it")
    slides: list[int | str] = Field(min_length=1, description="slide numbers and ranges: [3, 5-7]")
    restyle: bool = Field(default=True, description="give their tables and charts the brand's style "
                                                    "(false: as HQ made them)")

    @field_validator("slides")
    @classmethod
    def _ranges(cls, value: list[int | str]) -> list[int | str]:
        for item in value:
            if isinstance(item, str) and not _RANGE.fullmatch(item.strip()):
                raise ValueError(f"'{item}' is no slide number or range (write 3 or 5-7)")
        return value

    @property
    def numbers(self) -> tuple[int, ...]:
        """Return the slide numbers, ranges expanded, in the order written."""
        found: list[int] = []
        for item in self.slides:
            first, _, last = str(item).strip().partition("-")
            found += range(int(first), int(last or first) + 1)
        return tuple(found)


_RANGE = re.compile(r"\d+(\s*-\s*\d+)?")


class ScoreColumn(Strict):
    """One KPI column of a scorecard: its value per record, its format and the thresholds it marks."""

    label: str
    value: str = Field(description="expression per record, e.g. door_month_kpi.stock_cover_weeks")
    format: ValueFormat = "number"
    alert: Condition | None = Field(default=None, description="values meeting it are marked as alerts: {lt: 12}")
    good: Condition | None = Field(default=None, description="values meeting it are marked as good news")


class ScorecardSpec(Strict):
    """Records (doors, references) by KPIs in one table, thresholds marked: one slide where one per
    record would make the reader compare them from memory."""

    records: Repeat
    label: str = Field(description="the first column's text per record, e.g. '{{ door.name }}, {{ door.city }}'")
    label_header: str = ""
    columns: list[ScoreColumn] = Field(min_length=1)
    keep: str | None = Field(default=None, description="expression: only the records for which it is true")
    sort: str | None = Field(default=None, description="a column's label to sort by ('-' first: descending)")
    legend: str = Field(default="", description="under the table: what the marks mean, thresholds written")
    max_rows: int = Field(default=12, ge=1, description="rows per slide before continuing")
    source_note: str = Field(default="", description="the note under the table (default: 'Source: <records' source>, "
                                                     "as of <as-of day>'): name where the figures come from")

    @model_validator(mode="after")
    def _sort_names_a_column(self) -> "ScorecardSpec":
        labels = [column.label for column in self.columns]
        if self.sort and self.sort.lstrip("-").strip() not in labels:
            wanted = self.sort.lstrip("-").strip()
            raise ValueError(f"sort: no column labelled '{wanted}' (columns: {', '.join(labels)})")
        return self


def _role_or_include(schema: dict) -> None:
    """Let editors accept a slide with a role, or one that only includes HQ slides."""
    schema["required"] = [key for key in schema.get("required", []) if key != "role"]
    schema["anyOf"] = [{"required": ["role"]}, {"required": ["include"]}]


class SlideSpec(Strict):
    model_config = ConfigDict(**Strict.model_config, json_schema_extra=_role_or_include)

    role: Role
    title: str = ""
    subtitle: str = ""
    bullets: list[str] = Field(default_factory=list)
    notes: str = ""
    chart: ChartSpec | None = None
    table: TableSpec | None = None
    scorecard: ScorecardSpec | None = Field(default=None, description="on a 'table' slide, in place of 'table'")
    image: str | None = None
    caption: str = ""
    kpis: list[KpiTile] = Field(default_factory=list)
    left: Block | None = None
    right: Block | None = None
    when: str | None = Field(default=None, description="condition, e.g. retailer.tier == 'flagship'")
    repeat: Repeat | None = None
    include: IncludeSpec | None = Field(default=None, description="slides from an HQ deck (no role needed)")

    @model_validator(mode="before")
    @classmethod
    def _included(cls, data: object) -> object:
        # an include takes its slides' own layouts: "role" is implied, not written
        if isinstance(data, dict) and "include" in data and "role" not in data:
            return {**data, "role": "section"}
        return data

    @model_validator(mode="after")
    def _content_for_role(self) -> "SlideSpec":
        needed = {"chart": "chart", "table": "table", "kpi": "kpis", "picture": "image", "bullets": "bullets"}
        field_name = needed.get(self.role)
        if self.role == "table" and self.scorecard is not None:
            if self.table is not None:
                raise ValueError("a 'table' slide has either 'table' or 'scorecard', not both")
            field_name = None
        if field_name and not getattr(self, field_name):
            raise ValueError(f"a '{self.role}' slide needs '{field_name}'")
        if self.role == "two-content" and not (self.left and self.right):
            raise ValueError("a 'two-content' slide needs 'left' and 'right'")
        return self


class DeckSpec(Strict):
    title: str
    slides: list[SlideSpec] = Field(min_length=1)


# ---------------------------------------------------------------- season
class SeasonInfo(Strict):
    code: str
    name: str
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> "SeasonInfo":
        if self.end <= self.start:
            raise ValueError("'end' must be after 'start'")
        return self


class Maison(Strict):
    name: str
    city: str = ""
    website: str = ""


class TemplateRef(Strict):
    path: str
    profile: str | None = None


class DropRows(Strict):
    """Rows an export adds that are not data, known by a column's text (``^Overall Result$``)."""

    column: str
    matches: str = Field(description="regular expression searched in the column's text")

    @field_validator("matches")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"'{pattern}' is not a regular expression: {exc}") from exc
        return pattern


class SourceDef(Strict):
    path: str
    sheet: str | None = None
    encoding: str = "utf-8"
    delimiter: str = ","
    decimal: str = "."
    thousands: str | None = None
    negative_trailing_minus: bool = Field(default=False, description="SAP exports write -1234.56 as '1.234,56-'")
    header_rows: int = Field(default=1, ge=1, le=2, description="2: merge two header rows as 'top bottom'")
    skip_rows: int = Field(default=0, ge=0, description="lines above the header (an export's title block)")
    header_row: int | None = Field(default=None, ge=1, description="line of the (first) header row: skip_rows + 1")
    skip_footer: int = Field(default=0, ge=0, description="lines after the data (trailing blank lines not counted)")
    drop_rows: list[DropRows] = Field(default_factory=list, description="rows that are not data, by a column's text")
    blank_rows: Literal["report", "skip"] = Field(default="report", description="blank lines among the data")
    totals: Literal["drop", "keep"] = Field(
        default="drop", description="rows labelled Total/Result whose numbers are the column sums: dropped, reported")
    dtypes: dict[str, Literal["str", "int", "float", "date", "bool", "period"]] = Field(default_factory=dict)
    na_values: list[str] = Field(default_factory=list, description="cell texts that mean 'no value' (NA is text unless listed)")
    date_column: str | None = Field(default=None, description="column used by 'period' filters")
    grain: Literal["month", "day"] | None = Field(
        default=None, description="a time series: one row per key and month (or day); every month a build needs "
        "must be in the file (the KPI sales source is monthly unless it says day)")
    missing_rows: Literal["report", "zero"] = Field(
        default="report", description="a door without rows in a month the figures need: reported, or read as zero")
    translate: list[str] = Field(default_factory=list, description="text columns readers see: their values are "
                                 "translated through the catalogs (msgctxt 'source.column')")
    keep: list[str] = Field(default_factory=list, description="text columns shown as written on purpose "
                            "(proper nouns, a competitor's own wording)")

    @field_validator("drop_rows", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _one_way_to_skip(self) -> "SourceDef":
        if self.header_row is not None and self.skip_rows:
            raise ValueError("declare skip_rows or header_row, not both (header_row: N is skip_rows: N-1)")
        return self

    @property
    def lines_above_header(self) -> int:
        """Return how many lines come before the header row(s)."""
        return self.header_row - 1 if self.header_row is not None else self.skip_rows


class RegionDef(Strict):
    id: str
    name: str
    languages: list[Language] = Field(min_length=1)
    locales: dict[Language, str]
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    manager: str = ""
    manager_email: str = ""
    manager_title: str = ""

    @model_validator(mode="after")
    def _locale_per_language(self) -> "RegionDef":
        missing = [lang for lang in self.languages if lang not in self.locales]
        if missing:
            raise ValueError(f"no locale for language(s) {', '.join(missing)} (e.g. fr: fr_CA)")
        return self


class KpiSources(Strict):
    """Which named sources feed the derived KPIs."""

    sales: str
    stock: str | None = None
    trade: str | None = None
    targets: str | None = None


class DeckDef(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    spec: str
    audience: Audience
    languages: list[Language] | None = None
    when: str | None = None
    filename: str = ""


class HqDeckDef(Strict):
    """A finished deck from HQ: one localized copy per audience and language."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    path: str = Field(description=".pptx file, relative to the season folder")
    source_language: Language = Field(default="en", description="the language HQ wrote it in")
    audience: Audience
    languages: list[Language] | None = None
    when: str | None = None
    filename: str = ""


class ChecklistSpec(Strict):
    """The retailer kit's checklist workbook: English source strings, translated per language."""

    title: str = "Season checklist"
    sheet: str = "Checklist"
    headers: list[str] = Field(default_factory=lambda: ["Section", "Task", "Date", "Done", "Notes"],
                               min_length=5, max_length=5)
    sections: dict[str, str] = Field(default_factory=lambda: {
        "window": "Window display", "pos": "Point-of-sale materials", "training": "Training"})
    tasks: dict[str, list[str]] = Field(default_factory=dict, description="section -> standing tasks")
    activations: str | None = Field(default=None, description="source of dated window/POS activations")
    trainings: str | None = Field(default=None, description="source of dated training sessions")
    asset_task: str = "Install: {{ asset }}"
    activation_task: str = "Activation: {{ name }}"
    training_task: str = "Training session: {{ topic }}"


class KitIndexSpec(Strict):
    """The short index (README.txt) of a retailer kit: English source strings."""

    title: str = "{{ maison.name }} partner kit, {{ season.name }}"
    intro: str = "Prepared for {{ retailer.name }}, {{ retailer.city }}."
    decks: str = "Presentations"
    assets: str = "Campaign visuals"
    checklist: str = "Checklist"


class KitSpec(Strict):
    """What a retailer kit holds beyond its decks."""

    checklist: ChecklistSpec = Field(default_factory=ChecklistSpec)
    index: KitIndexSpec = Field(default_factory=KitIndexSpec)


class SeasonSpec(Strict):
    season: SeasonInfo
    maison: Maison
    template: TemplateRef
    brand: str
    locale_dir: str = "locale"
    sources: dict[str, SourceDef]
    retailers: str = Field(description="name of the source listing the retailers")
    kpis: KpiSources
    regions: list[RegionDef] = Field(min_length=1)
    decks: list[DeckDef] = Field(min_length=1)
    render: Literal["image", "native"] = "image"
    labels: dict[str, str] = Field(default_factory=dict, description="data code -> English label (translated)")
    kit: KitSpec = Field(default_factory=KitSpec, description="retailer kit checklist and index texts")
    trackers: list[TrackerDef] = Field(default_factory=list, description="KPI tracker workbooks (OUT/trackers/)")
    hq: list[HqDeckDef] = Field(default_factory=list, description="HQ's finished decks, localized per audience")

    @model_validator(mode="after")
    def _references(self) -> "SeasonSpec":
        names = set(self.sources)
        used = [self.retailers, self.kpis.sales, self.kpis.stock, self.kpis.trade, self.kpis.targets]
        unknown = [n for n in used if n and n not in names]
        if unknown:
            raise ValueError(f"unknown source(s) {', '.join(unknown)}; defined: {', '.join(sorted(names))}")
        return self
