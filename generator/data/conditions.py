"""Row conditions of a binding (``where: {change: {lt: 0}}``), applied after aggregate/derive, before sort/top.

A column passes a condition when every operator given holds; a binding's rows pass
``where`` when every column does. A missing value (no sales last year, so no change)
holds no operator, ``ne`` included: a row is shown for what it has, never for what it lacks.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from generator.errors import DataError
from generator.spec import Condition, did_you_mean

Render = Callable[[str], str]


def apply_where(frame: pd.DataFrame, where: dict[str, Condition], source: str, render: Render = str) -> pd.DataFrame:
    """Return the rows of ``frame`` meeting every condition of ``where`` (operands may interpolate ``{{ }}``)."""
    if not where:
        return frame
    mask = pd.Series(True, index=frame.index)
    for column, condition in where.items():
        if column not in frame.columns:
            raise DataError(_no_column(column, frame, source))
        values = frame[column]
        for operator, operand in condition.operators().items():
            mask &= _holds(values, operator, operand, render)
    return frame[mask.to_numpy(dtype=bool)]


def _no_column(column: str, frame: pd.DataFrame, source: str) -> str:
    """Return the message for a ``where`` column the binding does not give, with the columns it does give."""
    columns = [str(c) for c in frame.columns]
    hint = did_you_mean(column, columns)
    return (f"where: the rows of source '{source}' have no column '{column}'" + (f" ({hint})" if hint else "")
            + f"; columns: {', '.join(columns)}")


def _holds(values: pd.Series, operator: str, operand: Any, render: Render) -> pd.Series:
    """Return the mask of ``values`` for which ``operator`` holds against ``operand`` (missing values: False)."""
    present = values.notna()
    if operator == "in":
        wanted = [_operand(values, item, render) for item in operand]
        return present & values.isin(wanted)
    if operator == "between":
        low, high = (_operand(values, item, render) for item in operand)
        return present & (values >= low) & (values <= high)
    target = _operand(values, operand, render)
    compare = {"lt": values.lt, "le": values.le, "gt": values.gt, "ge": values.ge, "eq": values.eq, "ne": values.ne}
    try:
        return present & compare[operator](target).astype(bool)
    except TypeError as exc:  # e.g. a text column against a number
        raise DataError(f"where: column '{values.name}' cannot be compared with {operand!r} ({operator}): "
                        f"its values are {_kind(values)}") from exc


def _operand(values: pd.Series, operand: Any, render: Render) -> Any:
    """Return ``operand`` in the type of ``values``: a number, a timestamp or text, ``{{ }}`` interpolated."""
    if isinstance(operand, str) and "{" in operand:
        operand = render(operand)
    if pd.api.types.is_datetime64_any_dtype(values):
        return pd.Timestamp(operand)
    if pd.api.types.is_bool_dtype(values):
        return operand if isinstance(operand, bool) else str(operand).strip().lower() == "true"
    if pd.api.types.is_numeric_dtype(values) and not isinstance(operand, bool):
        try:
            return float(operand)
        except ValueError as exc:
            raise DataError(f"where: column '{values.name}' holds numbers, not '{operand}'") from exc
    if pd.api.types.is_string_dtype(values) and not isinstance(operand, str) and _all_text(values):
        # a number written in the spec against an id column read as text ("004101"): compare as written
        return _as_text(operand)
    return operand


def _all_text(values: pd.Series) -> bool:
    return all(isinstance(v, str) for v in values.dropna())


def _as_text(operand: Any) -> str:
    return f"{operand:g}" if isinstance(operand, float) else str(operand)


def _kind(values: pd.Series) -> str:
    if pd.api.types.is_numeric_dtype(values):
        return "numbers"
    if pd.api.types.is_datetime64_any_dtype(values):
        return "dates"
    return "text" if _all_text(values) else "of mixed types"

