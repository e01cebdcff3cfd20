"""The context one deck is resolved in: its data, text renderer, template values and labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from generator.data import DataStore
from generator.i18n import TextRenderer
from generator.spec import DataBinding, LoadedYaml, Repeat

if TYPE_CHECKING:
    import pandas as pd


@dataclass
class DeckContext:
    """What resolving one deck needs: data, the text renderer and the template values."""

    store: DataStore
    renderer: TextRenderer
    values: dict[str, Any]
    labels: dict[str, str]
    document: LoadedYaml | None
    root: Path
    records: Callable[[Repeat, Callable[[str], str]], list[dict[str, Any]]]
    kpis_for: Callable[[str], Any]
    warnings: list[str] = field(default_factory=list)
    month_kpis_for: Callable[[str], Any] | None = None  # a retailer's as-of month KPIs

    def text(self, source: str, values: dict[str, Any] | None = None) -> str:
        """Return ``source`` translated and interpolated."""
        return self.renderer.text(source, values or self.values)

    def data(self, binding: DataBinding, values: dict[str, Any]) -> "pd.DataFrame":
        """Return the answer to ``binding``, its translated columns in the deck's language.

        Filters, grouping and sorting work on the values as written; only the answer is translated.
        """
        frame = self.store.query(binding, lambda s: self.renderer.interpolate(s, values))
        return self.renderer.data_frame(binding.source, frame)

    def record_values(self, name: str, record: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
        """Return ``values`` with a repeated record under ``name``, and a retailer's KPIs as ``<name>_kpi`` and
        ``<name>_month_kpi`` (the record as written: conditions read codes, not their translations)."""
        found = {**values, name: record}
        if "retailer_id" in record:
            found[f"{name}_kpi"] = self.kpis_for(str(record["retailer_id"]))
            if self.month_kpis_for is not None:
                found[f"{name}_month_kpi"] = self.month_kpis_for(str(record["retailer_id"]))
        return found

    def label(self, code: Any) -> str:
        """Return the translated label of a data code (the code itself when it has none)."""
        english = self.labels.get(str(code))
        return self.renderer.text(english, {}) if english else str(code)
