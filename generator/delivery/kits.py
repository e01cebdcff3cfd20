"""Retailer kits: ``kits/<retailer-id>.zip`` with everything a retailer receives.

A kit holds, per language of the retailer, its decks (PPTX, and PDF when built),
a localized checklist workbook and a short index; plus the campaign visuals of
``brand_assets/`` its tier is entitled to, in each of its languages (``visual.fr.png``
beside ``visual.png`` for a visual with words). Zips are reproducible.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from generator.build import BuiltDeck
from generator.cache_key import cache_key, file_sha256
from generator.data import DataStore
from generator.delivery.checklist import RetailerPlan, checklist_rows, checklist_workbook
from generator.delivery.pdf import pdf_output
from generator.errors import DataError
from generator.i18n import Catalogs, LocaleContext, TextRenderer, translated_columns
from generator.spec import Asset, Season, load_brand, localized_file
from generator.writer import zip_bytes

CHECKLIST_FILE = "checklist.xlsx"
INDEX_FILE = "README.txt"


KIT_FORMAT = "kitgen-kit 2"  # bump when a kit's layout changes without its inputs changing


@dataclass(frozen=True)
class Kit:
    """One retailer's kit: where it goes in the build folder and its zip bytes (empty when ``kept``)."""

    retailer_id: str
    output: str
    data: bytes
    members: tuple[str, ...]
    kept: bool = False  # the kit already in the build folder was made from the same inputs: not rewritten


class KitMaker:
    """Makes the kits of one season's retailers (shares data, brand and catalogs between kits).

    Each kit's zip carries, as its archive comment, a hash of everything it is made from
    (decks, PDFs, retailer record, checklist plan, visuals, catalogs, season spec). With
    ``out_dir`` given, a kit already there with the same hash is kept as it is.
    """

    def __init__(self, season: Season, out_dir: Path | None = None, store: DataStore | None = None):
        self.season = season
        self.out_dir = out_dir
        self._file_hashes: dict[Path, str] = {}
        self._by_retailer: dict[tuple[str, str], dict[str, tuple[dict[str, Any], ...]]] = {}
        self.store = store or DataStore(season.spec, season.root)  # the build's own, its sources read already
        self.brand, self.brand_dir = load_brand(season.path(season.spec.brand))
        self.catalogs = Catalogs(season.path(season.spec.locale_dir), translated_columns(season.spec.sources))
        self.modified = dt.datetime.combine(season.spec.season.start, dt.time())

    def kits(self, decks: list[BuiltDeck], pdfs: dict[str, bytes]) -> list[Kit]:
        """Return a kit for every retailer that has decks among ``decks``."""
        by_retailer: dict[str, list[BuiltDeck]] = {}
        for deck in decks:
            if deck.job.audience == "retailer" and deck.job.audience_id:
                by_retailer.setdefault(deck.job.audience_id, []).append(deck)
        return [self.kit(rid, by_retailer[rid], pdfs) for rid in sorted(by_retailer)]

    def kit(self, retailer_id: str, decks: list[BuiltDeck], pdfs: dict[str, bytes]) -> Kit:
        """Return the kit of ``retailer_id`` from its built ``decks`` and their PDFs (by output path)."""
        record = self.retailer(retailer_id)
        assets = self.entitled(str(record.get("tier", "")))
        plan = self.plan(retailer_id, assets)
        output = f"kits/{retailer_id}.zip"
        languages = list(dict.fromkeys(d.job.language for d in decks))
        key = self._key(record, assets, plan, decks, pdfs, languages)
        kept = self._kept(output, key)
        if kept is not None:
            return Kit(retailer_id, output, b"", kept, kept=True)
        members = {f"assets/{self.visual(a, language).name}": self.visual(a, language).read_bytes()
                   for language in languages for a in assets}
        for language in languages:
            own = [d for d in decks if d.job.language == language]
            members.update(self._language_files(record, own, pdfs, plan, assets))
        return Kit(retailer_id, output, zip_bytes(members, comment=key.encode()), tuple(sorted(members)))

    def _key(self, record: dict[str, Any], assets: list[Asset], plan: RetailerPlan, decks: list[BuiltDeck],
             pdfs: dict[str, bytes], languages: list[str]) -> str:
        """Return the hash of everything the kit is made from (with kitgen's code and xlsxwriter's version)."""
        parts: list[object] = [KIT_FORMAT, self._season_json, repr((sorted(record.items()), plan))]
        visuals = dict.fromkeys(self.visual(asset, language) for language in languages for asset in assets)
        parts += [f"{path.name} {self._file_hash(path)}" for path in visuals]
        for deck in decks:
            parts += [deck.job.output, deck.content_hash(), pdfs.get(pdf_output(deck.job.output), b"")]
        locale_dir = self.season.path(self.season.spec.locale_dir)
        languages = sorted({d.job.language for d in decks})
        parts += [self._file_hash(locale_dir / f"{language}.po") for language in languages]
        return f"{KIT_FORMAT} {cache_key('kit', *parts)}"

    @cached_property
    def _season_json(self) -> bytes:
        return self.season.spec.model_dump_json().encode()  # the same for every kit: dumped once

    def _file_hash(self, path: Path) -> str:
        if path not in self._file_hashes:  # the same visuals and catalogs serve every kit
            self._file_hashes[path] = file_sha256(path)
        return self._file_hashes[path]

    def _kept(self, output: str, key: str) -> tuple[str, ...] | None:
        """Return the members of the kit already at ``output`` when it was made from the same inputs."""
        if self.out_dir is None:
            return None
        try:
            with zipfile.ZipFile(self.out_dir / output) as existing:
                if existing.comment == key.encode():
                    return tuple(sorted(existing.namelist()))
        except (OSError, zipfile.BadZipFile):
            pass
        return None

    def _language_files(self, record: dict[str, Any], decks: list[BuiltDeck], pdfs: dict[str, bytes],
                        plan: RetailerPlan, assets: list[Asset]) -> dict[str, bytes]:
        job = decks[0].job
        renderer = TextRenderer(LocaleContext(job.language, job.locale, job.currency), self.catalogs)
        context = self.context(record, renderer)
        files: dict[str, bytes] = {}
        for deck in decks:
            name = PurePosixPath(deck.job.output).name
            # a kept deck is read from the build folder only now: a kit made from unchanged inputs never needs it
            files[f"{job.language}/{name}"] = deck.read_back(self.out_dir) if self.out_dir else deck.data
            pdf_path = pdf_output(deck.job.output)
            if pdf_path in pdfs:
                files[f"{job.language}/{PurePosixPath(pdf_path).name}"] = pdfs[pdf_path]
        spec = self.season.spec.kit.checklist
        rows = checklist_rows(spec, self._shown(plan, renderer), renderer, context)
        files[f"{job.language}/{CHECKLIST_FILE}"] = checklist_workbook(spec, rows, renderer, context, self.modified)
        files[f"{job.language}/{INDEX_FILE}"] = self.index(job.language, sorted(files), assets, renderer, context)
        return files

    def _shown(self, plan: RetailerPlan, renderer: TextRenderer) -> RetailerPlan:
        """Return ``plan`` with the translated columns of its activations and trainings in the kit's language."""
        spec = self.season.spec.kit.checklist
        return replace(plan, activations=tuple(renderer.data_record(spec.activations, a) for a in plan.activations),
                       trainings=tuple(renderer.data_record(spec.trainings, t) for t in plan.trainings))

    def index(self, language: str, files: list[str], assets: list[Asset], renderer: TextRenderer,
              context: dict[str, Any]) -> bytes:
        """Return the kit's short index (README.txt) in ``language``: what each file is."""
        texts = self.season.spec.kit.index
        decks = [f for f in files if f.endswith((".pptx", ".pdf"))]
        lines = [renderer.text(texts.title, context), renderer.text(texts.intro, context), "",
                 renderer.text(texts.decks, context) + ":", *(f"  {f}" for f in decks), "",
                 renderer.text(texts.checklist, context) + ":", f"  {language}/{CHECKLIST_FILE}"]
        if assets:
            lines += ["", renderer.text(texts.assets, context) + ":",
                      *(f"  assets/{self.visual(a, language).name}: {renderer.text(a.title, {})}" for a in assets)]
        return ("\n".join(lines) + "\n").encode("utf-8")

    # ------------------------------------------------------------ inputs
    def retailer(self, retailer_id: str) -> dict[str, Any]:
        """Return the retailer record with id ``retailer_id``."""
        rows = self._retailer_rows(self.season.spec.retailers, "").get(retailer_id)
        if not rows:
            raise DataError(f"no retailer '{retailer_id}' in source '{self.season.spec.retailers}'")
        return rows[0]

    def visual(self, asset: Asset, language: str) -> Path:
        """Return the file of ``asset`` a ``language`` kit carries: its variant in that language when drawn."""
        return localized_file(self.brand_dir / asset.file, language)

    def entitled(self, tier: str) -> list[Asset]:
        """Return the brand assets a retailer of ``tier`` receives, in catalogue order."""
        return [a for a in self.brand.assets if tier in a.tiers]

    def plan(self, retailer_id: str, assets: list[Asset]) -> RetailerPlan:
        """Return what the retailer's checklist lists."""
        spec = self.season.spec.kit.checklist
        return RetailerPlan(tuple((a.kind, a.title) for a in assets),
                            self._records(spec.activations, retailer_id, "start"),
                            self._records(spec.trainings, retailer_id, "date"))

    def _records(self, source: str | None, retailer_id: str, date_column: str) -> tuple[dict[str, Any], ...]:
        return self._retailer_rows(source, date_column).get(retailer_id, ()) if source else ()

    def _retailer_rows(self, source: str, date_column: str) -> dict[str, tuple[dict[str, Any], ...]]:
        """Return the records of ``source`` by retailer id, in ``date_column`` order (split once, not per kit)."""
        key = (source, date_column)
        if key not in self._by_retailer:
            frame = self.store.frame(source)
            if "retailer_id" not in frame.columns:
                raise DataError(f"kit.checklist: source '{source}' has no retailer_id column (add it to the file, "
                                "or point kit.checklist.activations / trainings at a source that has one)")
            if date_column in frame.columns:
                frame = frame.sort_values(date_column, kind="stable")
            grouped: dict[str, list[dict[str, Any]]] = {}
            for record in frame.to_dict("records"):
                grouped.setdefault(str(record["retailer_id"]), []).append(record)
            self._by_retailer[key] = {rid: tuple(rows) for rid, rows in grouped.items()}
        return self._by_retailer[key]

    def context(self, record: dict[str, Any], renderer: TextRenderer) -> dict[str, Any]:
        """Return the values kit texts can interpolate (season, maison, retailer)."""
        spec = self.season.spec
        return {"season": {**spec.season.model_dump(), "name": renderer.text(spec.season.name, {})},
                "maison": spec.maison.model_dump(), "retailer": renderer.data_record(spec.retailers, record)}
