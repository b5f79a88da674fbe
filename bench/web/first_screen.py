"""Bytes of JavaScript the browser needs for the web app's first screen, gzipped.

The first screen loads index.html's module script and the chunks it preloads; lazily imported chunks
(charts) are counted apart. Measures files, not time, so the machine's load does not matter.
Usage: `.venv/bin/python -m bench.web.first_screen [dist]` (after `make web`).
"""

from __future__ import annotations

import gzip
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DIST = Path(__file__).resolve().parents[2] / "services" / "gateway" / "webapp" / "dist"
BUDGET_KB = 250


@dataclass(frozen=True)
class Bundle:
    first_screen: dict[str, int]  # file -> gzipped bytes
    lazy: dict[str, int]

    @property
    def first_screen_kb(self) -> float:
        return sum(self.first_screen.values()) / 1024


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def measure(dist: Path = DIST) -> Bundle:
    html = (dist / "index.html").read_text()
    initial = set(re.findall(r'<script[^>]+src="/?([^"]+\.js)"', html))
    initial |= set(re.findall(r'<link[^>]+rel="modulepreload"[^>]+href="/?([^"]+\.js)"', html))
    scripts = {str(p.relative_to(dist)): p for p in (dist / "assets").glob("*.js")}
    return Bundle(
        first_screen={name: gzipped_size(scripts[name]) for name in sorted(initial)},
        lazy={name: gzipped_size(path) for name, path in sorted(scripts.items()) if name not in initial},
    )


def main() -> None:
    bundle = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else DIST)
    for name, size in bundle.first_screen.items():
        print(f"first screen  {name}  {size / 1024:.1f} KB gzip")
    for name, size in bundle.lazy.items():
        print(f"lazy          {name}  {size / 1024:.1f} KB gzip")
    print(f"first-screen JavaScript: {bundle.first_screen_kb:.1f} KB gzip (budget {BUDGET_KB} KB)")


if __name__ == "__main__":
    main()
