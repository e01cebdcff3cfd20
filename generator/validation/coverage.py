"""Cross-check that the KPI sources cover the months the season's figures need, at the default as-of.

The same check runs in the build for the as-of it is given (``--as-of``); here the as-of is the
build's default, the latest month of the sales data, so a month missing from the data is an
error before anyone builds.
"""

from __future__ import annotations

from generator.data import check_as_of, coverage_findings
from generator.errors import DataError
from generator.validation.context import SeasonView


def check_coverage(view: SeasonView) -> None:
    """Record findings for months a KPI source lacks, and doors without rows in the season's months."""
    sales = view.spec.kpis.sales
    if not sales or sales not in view.spec.sources or not view.spec.sources[sales].date_column:
        return  # a KPI source without dates is reported by the data checks
    frame = view.frame(sales)
    if frame is None or view.frame(view.spec.retailers) is None or "retailer_id" not in frame.columns:
        return  # the source itself is already reported
    store = view.store
    try:
        check_as_of(store, store.as_of.day, named=f"the latest month of the data ({store.as_of.key})")
    except DataError as exc:
        view.add(view.season_doc.finding(("kpis", "sales"), str(exc)))
        return
    for finding in coverage_findings(store, view.season_doc):
        view.add(finding)
