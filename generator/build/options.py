"""What a build is asked to make and where (plain data: a command reads it without loading the engine)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildOptions:
    """What to build and where."""

    out_dir: Path
    languages: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    retailers: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    strict: bool = False
    template: Path | None = None  # another HQ master than the season's (its profile beside it)
    profile: Path | None = None
    jobs: int = 1  # worker processes; the output is the same for any number
    force: bool = False  # rebuild decks whose inputs did not change
    cache_dir: Path | None = None  # chart picture cache (default OUT/.kitgen-cache/charts)
    as_of: dt.date | None = None  # the monthly figures' day (default: the end of the latest month of sales)
    executor: str = "local"  # "local" (``jobs`` processes here) or "dask" (tasks on a Dask cluster)
    scheduler: str | None = None  # the Dask scheduler (tcp://HOST:PORT); None starts a LocalCluster of ``jobs`` workers

    @property
    def chart_cache_dir(self) -> Path:
        """Return the folder of the disk chart cache."""
        return self.cache_dir or self.out_dir / ".kitgen-cache" / "charts"

    @property
    def data_cache_dir(self) -> Path:
        """Return the folder of the typed data file cache."""
        return self.out_dir / ".kitgen-cache" / "data"
