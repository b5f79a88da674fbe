"""Which photos' page outline a change to `preprocess.page_fills` moves: the outline `find_page_quad` finds
with the module as it is and as it was at COMMIT, on every image given.

    .venv/bin/python -m bench.ocr.outline_changes --at COMMIT 'GLOB' ['GLOB' ...] [--hide NAME ...]

Prints each image whose corners moved by more than a pixel (or that one of the two finds no page on), then
how many images were compared. `--hide NAME`: an image whose path holds NAME is counted, not named
(held-out families: nobody tuning looks at them).
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from invoiceme_ocr.images import to_gray_and_colour
from invoiceme_ocr.preprocess import geometry

MODULE = "services/ocr/invoiceme_ocr/preprocess/page_fills.py"
MOVED = 1.0  # px: corners moved further than this count as a change


def module_at(commit: str) -> object:
    """`page_fills` as it was at `commit`, loaded from git."""
    source = subprocess.run(["git", "show", f"{commit}:{MODULE}"], check=True, capture_output=True).stdout
    folder = Path(tempfile.mkdtemp())
    (folder / "page_fills_then.py").write_bytes(source)
    spec = importlib.util.spec_from_file_location("page_fills_then", folder / "page_fills_then.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--at", required=True, help="the commit to compare against")
    parser.add_argument("patterns", nargs="+", help="image globs (quote them)")
    parser.add_argument("--hide", action="append", default=[], help="count, do not name, paths holding this")
    args = parser.parse_args()
    then, now = module_at(args.at).extend_over_edge_fills, geometry.extend_over_edge_fills  # type: ignore[attr-defined]
    files = sorted({path for pattern in args.patterns for path in glob.glob(pattern)})
    moved = 0
    for path in files:
        gray, colour = to_gray_and_colour(Image.open(path))
        geometry.extend_over_edge_fills = then
        before = geometry.find_page_quad(gray, colour)
        geometry.extend_over_edge_fills = now
        after = geometry.find_page_quad(gray, colour)
        same = (before is None) == (after is None) and (
            before is None or float(np.abs(before - after).max()) <= MOVED
        )
        if not same:
            moved += 1
            hidden = any(name in path for name in args.hide)
            print("(held out)" if hidden else path)
    print(f"{len(files)} images, outline moved on {moved}")


if __name__ == "__main__":
    main()
