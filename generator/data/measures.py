"""Derived measures, computed in code and referenced by name from specs.

Each takes an aggregated frame and returns a column. Divisions by zero give
NaN (shown as a gap or a dash), never an exception.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pandas as pd

WEEKS_PER_MONTH = 52 / 12


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    return numerator.astype(float) / denominator.astype(float).replace(0, np.nan)


def sell_through(frame: pd.DataFrame) -> pd.Series:
    """Return units sold out divided by units sold in."""
    return _ratio(frame["sellout_units"], frame["sellin_units"])


def sellout_growth(frame: pd.DataFrame) -> pd.Series:
    """Return sell-out value growth against last year (needs ``sellout_value_ly``)."""
    return _ratio(frame["sellout_value"], frame["sellout_value_ly"]) - 1


def sellout_change(frame: pd.DataFrame) -> pd.Series:
    """Return the change of sell-out value against last year (needs ``sellout_value_ly``)."""
    return frame["sellout_value"].astype(float) - frame["sellout_value_ly"].astype(float)


def roi(frame: pd.DataFrame) -> pd.Series:
    """Return incremental sell-out per unit of trade-marketing spend."""
    return _ratio(frame["incremental_sellout"], frame["spend"])


def average_price(frame: pd.DataFrame) -> pd.Series:
    """Return the average sell-out price per unit."""
    return _ratio(frame["sellout_value"], frame["sellout_units"])


def share(frame: pd.DataFrame) -> pd.Series:
    """Return each row's share of the total sell-out value."""
    return _ratio(frame["sellout_value"], pd.Series(frame["sellout_value"].sum(), index=frame.index))


DERIVED_MEASURES: dict[str, Callable[[pd.DataFrame], pd.Series]] = {
    "sell_through": sell_through,
    "sellout_growth": sellout_growth,
    "sellout_change": sellout_change,
    "roi": roi,
    "average_price": average_price,
    "share": share,
}
