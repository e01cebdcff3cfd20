"""What delivery is asked to make, and what it made (plain data: a command reads them without loading delivery)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DeliveryOptions:
    """Which deliverables to make."""

    pdf: bool = False
    kits: bool = True
    report: bool = True
    pdf_processes: int = 2  # LibreOffice processes converting at once
    trackers: bool = True  # the KPI tracker workbooks the season declares (OUT/trackers/)


@dataclass
class DeliveryResult:
    """What delivery wrote (paths relative to the build folder) and how long each part took."""

    pdfs: list[str] = field(default_factory=list)
    kits: list[str] = field(default_factory=list)
    report: str | None = None
    trackers: list[str] = field(default_factory=list)
    kept_trackers: int = 0  # of ``trackers``, those made from unchanged inputs and kept as they were
    timings: dict[str, float] = field(default_factory=dict)
