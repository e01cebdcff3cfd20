"""Generate the synthetic FW26 sample season data (``make sample-data``).

Usage::

    python -m generator.tools.sample_data --out decks/fw26/data [--retailers 40] [--seed 2026]

Output is fully deterministic: the same arguments give byte-identical files,
including the Excel workbook (fixed document properties and zip timestamps).
Each table draws from its own random stream, so changing one table's logic
does not reshuffle the others.
"""

from __future__ import annotations

import io
import logging
import zipfile
from datetime import datetime
from pathlib import Path

import click
import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.packaging.core import DocumentProperties
from openpyxl.xml.functions import tostring

from generator.errors import KitgenError
from generator.tools import sample_activity as activity
from generator.tools import sample_catalog as cat
from generator.tools.sample_actions import build_actions
from generator.tools.sample_readme import README_TEMPLATE
from generator.tools.sample_retailers import MINIMUM_RETAILERS, build_retailers
from generator.tools.sample_sales import build_references, simulate

log = logging.getLogger(__name__)

MAXIMUM_RETAILERS = 800  # bounded by distinct invented shop names (Mexico runs out first)
FIXED_TIME = datetime(2026, 12, 31, 0, 0, 0)
STOCK_SHEET = "Stock"
STREAMS = {"retailers": 1, "sales": 2, "trade": 3, "competitors": 4, "trainings": 5, "initiatives": 6, "targets": 7,
           "actions": 8}


def _rng(seed: int, stream: str) -> np.random.Generator:
    """Return the random generator of one table, derived from the seed and the table."""
    return np.random.default_rng([seed, STREAMS[stream]])


def build_tables(retailers: int = 40, seed: int = 2026) -> dict[str, pd.DataFrame]:
    """Return every sample table by file name, in memory (the stock table under ``stock.xlsx``)."""
    if not MINIMUM_RETAILERS <= retailers <= MAXIMUM_RETAILERS:
        raise KitgenError(
            f"--retailers {retailers}: must be between {MINIMUM_RETAILERS} and {MAXIMUM_RETAILERS} "
            f"(every region needs a flagship and two focus retailers)"
        )
    shops = build_retailers(retailers, _rng(seed, "retailers"))
    sales, stock = simulate(shops, _rng(seed, "sales"))
    return {
        "retailers.csv": shops,
        "references.csv": build_references(),
        "sales.csv": sales,
        "stock.xlsx": stock,
        "trade_marketing.csv": activity.build_trade_marketing(shops, _rng(seed, "trade")),
        "competitors.csv": activity.build_competitors(_rng(seed, "competitors")),
        "trainings.csv": activity.build_trainings(shops, _rng(seed, "trainings")),
        "initiatives.csv": activity.build_initiatives(_rng(seed, "initiatives")),
        "targets.csv": activity.build_targets(shops, sales, _rng(seed, "targets")),
        "actions.csv": build_actions(_rng(seed, "actions")),
    }


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Return ``path`` after writing ``frame`` as UTF-8 CSV (no BOM, ``\\n`` line ends)."""
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def _stock_workbook(stock: pd.DataFrame) -> Workbook:
    """Return a one-sheet workbook: plain header row, text retailer ids, a real date cell."""
    book = Workbook()
    sheet = book.active
    sheet.title = STOCK_SHEET
    sheet.append(list(stock.columns))
    for row in stock.itertuples(index=False):
        sheet.append([datetime.fromisoformat(row.snapshot_date), str(row.retailer_id), row.reference,
                      int(row.units_on_hand), int(row.value_on_hand)])
    for day, retailer_id, *_ in sheet.iter_rows(min_row=2):
        day.number_format = "yyyy-mm-dd"
        retailer_id.number_format = "@"  # Excel's Text format keeps the leading zeros visible as typed
    return book


def _frozen_zip(raw: bytes, core_xml: bytes) -> bytes:
    """Return the xlsx zip rewritten with fixed entry timestamps and document properties.

    openpyxl stamps both the zip entries and ``docProps/core.xml`` with the
    current time on save; replacing them makes the workbook reproducible.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = core_xml if entry.filename == "docProps/core.xml" else source.read(entry)
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()


def write_stock_xlsx(stock: pd.DataFrame, path: Path) -> Path:
    """Return ``path`` after writing the stock snapshot as a reproducible workbook."""
    book = _stock_workbook(stock)
    properties = DocumentProperties(creator="kitgen sample_data", title="FW26 stock snapshot (synthetic)",
                                    created=FIXED_TIME, modified=FIXED_TIME, lastModifiedBy="kitgen sample_data")
    book.properties = properties
    raw = io.BytesIO()
    book.save(raw)
    properties.modified = FIXED_TIME  # save() sets it to now
    path.write_bytes(_frozen_zip(raw.getvalue(), tostring(properties.to_tree())))
    return path


def write_readme(tables: dict[str, pd.DataFrame], path: Path, retailers: int, seed: int) -> Path:
    """Return ``path`` after writing the data folder's README with counts and the command."""
    counts = {f"{Path(name).stem}_rows": len(frame) for name, frame in tables.items()}
    text = README_TEMPLATE.format(
        seed=seed, retailers=retailers, season=cat.SEASON, season_start=cat.SEASON_START,
        season_end=cat.SEASON_END, snapshot=cat.SEASON_END, **counts,
    )
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def generate(out_dir: Path, retailers: int = 40, seed: int = 2026) -> list[Path]:
    """Return the paths written after generating the whole sample season into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = build_tables(retailers, seed)
    written = [
        write_stock_xlsx(frame, out_dir / name) if name.endswith(".xlsx") else write_csv(frame, out_dir / name)
        for name, frame in tables.items()
    ]
    written.append(write_readme(tables, out_dir / "README.md", retailers, seed))
    log.info("wrote %d sample data files to %s", len(written), out_dir)
    return written


@click.command()
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the data files into.")
@click.option("--retailers", default=40, show_default=True, help="Number of retailers across all regions.")
@click.option("--seed", default=2026, show_default=True, help="Random seed; same seed, same bytes.")
def main(out_dir: Path, retailers: int, seed: int) -> None:
    """Generate the synthetic FW26 sample season data."""
    for path in generate(out_dir, retailers, seed):
        click.echo(f"wrote {path}")


if __name__ == "__main__":
    main()
