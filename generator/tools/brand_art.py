"""Regenerate the committed Maison Orvelle brand kit in ``brand_assets/`` (``make brand``).

Deterministic: the same bytes on every run, so git only shows real design changes.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from generator.tools.brand.campaign import draw_asset  # noqa: E402 (backend chosen first)
from generator.tools.brand.identity import ASSETS, PALETTE, VARIANTS  # noqa: E402
from generator.tools.brand.logo import draw_logo  # noqa: E402
from generator.tools.brand.texts import LOGO, LOGO_LIGHT, STYLE, brand_yaml, mplstyle, readme  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parents[2] / "brand_assets"
log = logging.getLogger(__name__)


def build_brand(out_dir: Path = DEFAULT_OUT) -> list[Path]:
    """Return the files written after drawing the whole brand kit into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = {"brand.yaml": brand_yaml(), STYLE: mplstyle(), "README.md": readme()}
    for name, text in texts.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    draw_logo(out_dir / LOGO, PALETTE["ink"])
    draw_logo(out_dir / LOGO_LIGHT, PALETTE["ivory"])
    pictures = []
    for asset in ASSETS:
        draw_asset(asset, out_dir / asset.file)
        pictures.append(out_dir / asset.file)
        for language in VARIANTS if asset.text else ():  # words in the picture: one variant per kit language
            draw_asset(asset, out_dir / asset.variant(language), language)
            pictures.append(out_dir / asset.variant(language))
    written = [out_dir / name for name in (*texts, LOGO, LOGO_LIGHT)] + pictures
    log.info("wrote %d brand files to %s", len(written), out_dir)
    return written


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: ``python -m generator.tools.brand_art [--out DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: brand_assets/)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build_brand(args.out)


if __name__ == "__main__":
    main()
