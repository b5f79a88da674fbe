"""Build the folders `bench.extraction.third_party` scores, from clones of public repositories.

    git clone https://github.com/zzzDavid/ICDAR-2019-SROIE
    python -m bench.extraction.third_party_sets sroie ICDAR-2019-SROIE OUT --offset 6
    git clone https://github.com/invoice-x/invoice2data
    python -m bench.extraction.third_party_sets invoice2data invoice2data OUT
    git clone https://github.com/ZUGFeRD/mustangproject
    python -m bench.extraction.third_party_sets pdfs mustangproject OUT --skip invalid --skip doc/
    git clone https://github.com/refaelcodes/israeli-invoice-extractor
    python -m bench.extraction.third_party_sets refaelcodes israeli-invoice-extractor OUT

SROIE: every 12th receipt from `--offset` (external-dev holds offset 0), its `data/key` labels as a
manifest (company, date as day/month/year, total). `pdfs`: every PDF of the clone that is not in
external-dev (by SHA-256), named by its path; `third_party` reads the invoice XML they carry.
`refaelcodes`: the Hebrew invoices, receipts and credit notes (folders 01-05) whose PDF is not in
external-dev, and the PNG render of every one, labelled from their JSON.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from bench.shared import EXTERNAL_DEV

MANIFEST_COLUMNS = (
    "source", "language", "file", "vendor", "vat_id", "invoice_number",
    "date_iso", "total_num", "net_num", "tax_num", "currency", "items_json",
)  # fmt: skip
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NUMERIC = re.compile(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4}|\d{2})")
_NAMED = re.compile(r"(\d{1,2})[ \-/]?([A-Za-z]{3})[a-z]*[ \-/,]*(\d{4}|\d{2})")


def sroie_date(printed: str) -> str:
    """ISO date of a SROIE label as printed: day first (Malaysia), two-digit years in 2000s; '' when
    the label is no such date."""
    if numeric := _NUMERIC.fullmatch(printed.strip()):
        day, month, year = int(numeric[1]), int(numeric[2]), numeric[3]
    elif (named := _NAMED.fullmatch(printed.strip())) and named[2].lower() in _MONTHS:
        day, month, year = int(named[1]), _MONTHS.index(named[2].lower()) + 1, named[3]
    else:
        return ""
    try:
        return date(int(year) + (2000 if len(year) == 2 else 0), month, day).isoformat()
    except ValueError:
        return ""


def sroie_row(labels: dict[str, str], file: str, source: str) -> dict[str, str]:
    return {
        "source": source,
        "language": "en",
        "file": file,
        "vendor": labels.get("company", ""),
        "date_iso": sroie_date(labels.get("date", "")),
        "total_num": re.sub(r"[^\d.]", "", labels.get("total", "")),
    }


def build_sroie(clone: Path, out: Path, offset: int) -> int:
    rows = []
    for index in range(offset, 10_000, 12):
        image, labels = clone / f"data/img/{index:03d}.jpg", clone / f"data/key/{index:03d}.json"
        if not image.exists():
            break
        shutil.copyfile(image, out / f"sroie_{index:03d}.jpg")
        rows.append(sroie_row(json.loads(labels.read_text()), f"sroie_{index:03d}.jpg", out.name))
    _write_manifest(out, rows)
    return len(rows)


def build_invoice2data(clone: Path, out: Path) -> int:
    files = [p for p in sorted((clone / "tests/compare").iterdir()) if p.suffix in (".pdf", ".png", ".json")]
    for path in files:
        shutil.copyfile(path, out / path.name)
    return sum(path.suffix != ".json" for path in files)


def refaelcodes_row(labels: dict[str, Any], file: str, source: str) -> dict[str, str]:
    fields = labels["fields"]
    day, month, year = str(fields.get("issue_date", "")).split("/")
    return {
        "source": source,
        "language": "he",
        "file": file,
        "vendor": fields["seller"]["name"],
        "vat_id": str(fields["seller"].get("vat_id", "")),
        "invoice_number": str(fields.get("doc_number", "")),
        "date_iso": f"{year}-{month}-{day}",
        "total_num": str(fields.get("total", "")),
        "net_num": str(fields.get("subtotal", "")),
        "tax_num": str(fields.get("vat_amount", "")),
        "currency": str(fields.get("currency", "")),
        "items_json": json.dumps(
            [
                {"description": item["description"], "amount": float(item["line_total"])}
                for item in fields.get("line_items", [])
            ],
            ensure_ascii=False,
        ),
    }


def build_refaelcodes(clone: Path, out: Path) -> int:
    known = _external_dev_digests()
    rows = []
    for labels_path in sorted(clone.glob("0[1-5]_*/*.json")):
        labels = json.loads(labels_path.read_text())
        for suffix, kind in ((".pdf", "pdf"), (".png", "image")):
            document = labels_path.with_suffix(suffix)
            if not document.exists() or (suffix == ".pdf" and _digest(document) in known):
                continue
            shutil.copyfile(document, out / document.name)
            rows.append(refaelcodes_row(labels, document.name, f"{out.name}/{kind}"))
    _write_manifest(out, rows)
    return len(rows)


def build_pdfs(clone: Path, out: Path, skip: list[str]) -> int:
    known = _external_dev_digests()
    count = 0
    for path in sorted(clone.rglob("*.pdf")):
        relative = path.relative_to(clone).as_posix()
        if any(part in relative for part in skip) or _digest(path) in known:
            continue
        shutil.copyfile(path, out / relative.replace("/", "_").replace(" ", "_"))
        count += 1
    return count


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _external_dev_digests() -> set[str]:
    manifest = EXTERNAL_DEV / "manifest.csv"
    if not manifest.exists():
        return set()
    with manifest.open(newline="") as handle:
        return {row["sha256"] for row in csv.DictReader(handle)}


def _write_manifest(out: Path, rows: list[dict[str, str]]) -> None:
    with (out / "manifest.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_COLUMNS, restval="")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=("sroie", "invoice2data", "pdfs", "refaelcodes"))
    parser.add_argument("clone", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--offset", type=int, default=6, help="sroie: first receipt (every 12th after it)")
    parser.add_argument("--skip", action="append", default=[], help="pdfs: leave out paths containing this")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.kind == "sroie":
        count = build_sroie(args.clone, args.out, args.offset)
    elif args.kind == "invoice2data":
        count = build_invoice2data(args.clone, args.out)
    elif args.kind == "refaelcodes":
        count = build_refaelcodes(args.clone, args.out)
    else:
        count = build_pdfs(args.clone, args.out, args.skip)
    print(f"{count} documents in {args.out}")


if __name__ == "__main__":
    main()
