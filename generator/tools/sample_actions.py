"""Build the monthly calls' follow-up table: actions agreed at each region's call, with their status."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from generator.tools import sample_catalog as cat

ACTION_COLUMNS = ["action_id", "region_id", "call_month", "action", "owner", "due", "status"]
#: the months a call reviewed (the season's, and the month before it)
CALL_MONTHS = [date(2026, month, 1) for month in range(6, 13)]
ACTIONS_PER_CALL = (2, 4)
ACTIONS = (
    "Rebalance slow-moving references between doors",
    "Confirm window dates for the next launch",
    "Send the updated price list to every door",
    "Plan a clienteling evening with the flagship",
    "Book the next product training session",
    "Review stock cover with the doors under six weeks",
    "Share the best-selling references with standard doors",
    "Follow up the competitor boutique opening",
    "Collect photos of the new point-of-sale materials",
    "Agree the holiday display plan with focus doors",
)
#: status as the as-of month sees it: recent actions are still open more often
STATUSES = ("done", "in-progress", "late")


def _status(rng: np.random.Generator, month: date) -> str:
    recent = month >= date(2026, 11, 1)
    weights = (0.3, 0.5, 0.2) if recent else (0.75, 0.1, 0.15)
    return STATUSES[int(rng.choice(len(STATUSES), p=weights))]


def build_actions(rng: np.random.Generator) -> pd.DataFrame:
    """Return 2-4 actions per region and call month, each with an owner, a due date and a status."""
    rows = []
    for region in cat.REGIONS:
        for month in CALL_MONTHS:
            count = int(rng.integers(*ACTIONS_PER_CALL, endpoint=True))
            for index in sorted(rng.choice(len(ACTIONS), size=count, replace=False)):
                due = month + timedelta(days=31 + int(rng.integers(5, 25)))
                owner = cat.INITIATIVE_OWNERS[region.region_id]
                rows.append([region.region_id, month.isoformat(), ACTIONS[index], owner, due.isoformat(),
                             _status(rng, month)])
    frame = pd.DataFrame(rows, columns=ACTION_COLUMNS[1:])
    frame = frame.sort_values(["call_month", "region_id", "action"], kind="stable", ignore_index=True)
    frame.insert(0, "action_id", [f"AC26-{i:04d}" for i in range(1, len(frame) + 1)])
    return frame
