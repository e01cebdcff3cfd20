"""Which tracker workbooks a season declares: one per region and language, and the network's."""

from __future__ import annotations

from dataclasses import dataclass

from generator.spec import Season, TrackerDef

NETWORK_LOCALES = {"en": "en_US", "fr": "fr_CA", "es": "es_MX"}


@dataclass(frozen=True)
class TrackerJob:
    """One workbook to write: which tracker, for which regions, in which language and locale."""

    tracker: TrackerDef
    regions: tuple[str, ...]
    audience_name: str  # English: the region's name, or None for the network (translated text)
    language: str
    locale: str
    currency: str | None  # None: several currencies side by side (plain numbers)
    output: str


def tracker_jobs(season: Season) -> list[TrackerJob]:
    """Return every tracker workbook the season declares, per region and language (and the network's)."""
    jobs = []
    for tracker in season.spec.trackers:
        if tracker.audience == "network":
            regions = tuple(r.id for r in season.spec.regions)
            for language in tracker.languages or ["en"]:
                name = tracker.filename or f"network-{tracker.name}"
                jobs.append(TrackerJob(tracker, regions, "", language, NETWORK_LOCALES[language], None,
                                       f"trackers/{language}/{name}.xlsx"))
            continue
        for region in season.spec.regions:
            for language in region.languages:
                if tracker.languages and language not in tracker.languages:
                    continue
                name = (tracker.filename or "{{ region.id }}-" + tracker.name).replace("{{ region.id }}", region.id)
                jobs.append(TrackerJob(tracker, (region.id,), region.name, language, region.locales[language],
                                       region.currency, f"trackers/{language}/{name}.xlsx"))
    return jobs
