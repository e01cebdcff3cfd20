"""HQ deck benchmark (not part of ``make test``): the largest finished deck localized into three languages.

Prints, side by side:

- the baseline: python-pptx opening and saving the deck three times (what any copy costs);
- kitgen: reading its text, translating every paragraph (a pseudo-translation, 30 % longer),
  setting the proofing language, refitting, and saving, once per language (en, fr, es);
- the whole ``kitgen build`` of the sample season's HQ decks (8 copies), timed from outside.

    python tests/benchmarks/bench_hq.py [DECK]
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pptx import Presentation

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hq_helpers import SAMPLE_HQ, WILD_DECKS, pseudo  # noqa: E402

from generator.fit import Fitter, ThemeFonts  # noqa: E402
from generator.hq import Localization, read_deck  # noqa: E402
from generator.hq.copies import localize_presentation  # noqa: E402
from generator.template import theme_fonts  # noqa: E402

LANGUAGES = (("en", "en-US"), ("fr", "fr-CA"), ("es", "es-MX"))
ROOT = Path(__file__).resolve().parents[2]


def _baseline(blob: bytes) -> float:
    started = time.perf_counter()
    for _ in LANGUAGES:
        Presentation(io.BytesIO(blob)).save(io.BytesIO())
    return time.perf_counter() - started


def _kitgen(blob: bytes) -> tuple[float, int]:
    started = time.perf_counter()
    units = 0
    for language, tag in LANGUAGES:
        prs = Presentation(io.BytesIO(blob))
        fitter = Fitter(ThemeFonts(*theme_fonts(prs.slide_master)), 0.8, tag)
        job = Localization("bench", language, lambda unit: pseudo(unit.text), lambda text: text, tag)
        copy = localize_presentation(prs, job, fitter)
        units += len(copy.text.units)
        copy.prs.save(io.BytesIO())
    return time.perf_counter() - started, units


def _build_seconds() -> float:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "generator", "build", str(ROOT / "decks" / "fw26"), "--out", out,
                        "--only", "solenne-launch", "--only", "product-training", "--no-kits", "--no-report"],
                       check=True, capture_output=True)
        return time.perf_counter() - started


def main() -> None:
    decks = [Path(a) for a in sys.argv[1:]] or WILD_DECKS or SAMPLE_HQ
    largest = max(decks, key=lambda p: p.stat().st_size)
    blob = largest.read_bytes()
    paragraphs = sum(len(read_deck(Presentation(str(p))).units) for p in WILD_DECKS + SAMPLE_HQ)
    print(f"decks read: {len(WILD_DECKS + SAMPLE_HQ)}, paragraphs: {paragraphs}")
    baseline = min(_baseline(blob) for _ in range(3))
    seconds, units = min(_kitgen(blob) for _ in range(3))
    print(f"{largest.name} ({len(blob) // 1024} KB, {units // 3} paragraphs) into en, fr, es:")
    print(f"  baseline (open + save x3)      {baseline:6.2f} s")
    print(f"  kitgen (localize + save x3)    {seconds:6.2f} s")
    print(f"  kitgen build of the sample HQ decks (8 copies), whole process: {_build_seconds():.2f} s")


if __name__ == "__main__":
    main()
