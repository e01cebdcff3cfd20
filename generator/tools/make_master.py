"""Build the Maison Orvelle HQ master template ``templates/orvelle_master.pptx`` (``make template``).

Starts from python-pptx's default template, rebrands the theme, rebuilds the master and
nine layouts (one per kitgen role) and saves byte-identical output on every run. Also
writes the template profile and README next to it.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import yaml
from pptx import Presentation

from generator.tools.master.compose import compose
from generator.tools.master.docs import profile_yaml, readme
from generator.tools.master.package import save_canonical, set_properties
from generator.tools.master.spec import SLIDE_H, SLIDE_W

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "templates" / "orvelle_master.pptx"
BRAND_DIR = ROOT / "brand_assets"
log = logging.getLogger(__name__)


def build_master(out_path: Path = DEFAULT_OUT, brand_dir: Path = BRAND_DIR) -> Path:
    """Return ``out_path`` after writing the master template there (from ``brand_dir``'s kit)."""
    brand = yaml.safe_load((brand_dir / "brand.yaml").read_text(encoding="utf-8"))
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    compose(prs, brand, brand_dir)
    set_properties(prs)
    return save_canonical(prs, out_path)


def write_docs(out_path: Path) -> list[Path]:
    """Return the profile and README paths after writing them next to ``out_path``."""
    profile = out_path.with_name(out_path.stem + ".profile.yaml")
    profile.write_text(profile_yaml(out_path.name), encoding="utf-8")
    notes = out_path.with_name("README.md")
    notes.write_text(readme(out_path.name), encoding="utf-8")
    return [profile, notes]


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: ``python -m generator.tools.make_master [--out FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .pptx (default: templates/)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    written = [build_master(args.out), *write_docs(args.out)]
    log.info("wrote %s", ", ".join(str(path) for path in written))


if __name__ == "__main__":
    main()
