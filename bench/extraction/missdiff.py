"""Fields one benchmark run gets right that another got wrong, and the reverse:
`.venv/bin/python -m bench.extraction.missdiff BEFORE.txt AFTER.txt [--list]`.

Each file is the output of `bench.extraction.run --misses N` (dev families only: one line per wrong
field, `stem field truth=... got=...`, after "Misses (dev families):"). A field is *fixed* when it is
wrong in BEFORE and not in AFTER, *broken* the other way round, *changed* when wrong in both with another
value. Give both runs a `--misses` limit above their number of misses (400 covers a seed), or a cut-off
list reads as fixes.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

_MISS = re.compile(r"(?P<stem>\S+)\s+(?P<field>\S+)\s+(?P<rest>truth=.*)$")
_DEV_MISSES = "Misses (dev families):"


def dev_misses(report: str) -> dict[tuple[str, str], str]:
    """(stem, field) -> 'truth=... got=...' for every dev miss the report lists."""
    misses: dict[tuple[str, str], str] = {}
    listing = False
    for line in report.splitlines():
        if line.startswith("Misses ("):
            listing = line.startswith(_DEV_MISSES)
            continue
        if listing and (match := _MISS.match(line.strip())):
            misses[(match["stem"], match["field"])] = match["rest"]
    return misses


def compare(
    before: dict[tuple[str, str], str], after: dict[tuple[str, str], str]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """(fixed, broken, changed) keys, sorted."""
    fixed = sorted(set(before) - set(after))
    broken = sorted(set(after) - set(before))
    changed = sorted(key for key in set(before) & set(after) if before[key] != after[key])
    return fixed, broken, changed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--list", action="store_true", help="also list the fixed and changed fields")
    args = parser.parse_args()
    before = dev_misses(args.before.read_text(encoding="utf-8"))
    after = dev_misses(args.after.read_text(encoding="utf-8"))
    fixed, broken, changed = compare(before, after)
    print(f"fixed {len(fixed)}  broken {len(broken)}  changed (wrong in both) {len(changed)}")
    for stem, field in broken:
        print(f"broken   {stem:40} {field:18} {after[(stem, field)]}")
    if args.list:
        for stem, field in fixed:
            print(f"fixed    {stem:40} {field:18} {before[(stem, field)]}")
        for stem, field in changed:
            got = after[(stem, field)].split(" got=")[-1]
            print(f"changed  {stem:40} {field:18} {before[(stem, field)]} -> got={got}")


if __name__ == "__main__":
    main()
