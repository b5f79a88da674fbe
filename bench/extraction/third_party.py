"""Score the extractor on folders of real third-party invoices that nobody on the team wrote or labelled.

    python -m bench.extraction.third_party DIR [DIR ...] [--list]

Truth per document, first found wins:
- `DIR/manifest.csv` in external-dev's format (a row per file, `file` relative to DIR);
- `DIR/<stem>.json` in invoice2data's test format (`issuer`, `invoice_number`, `date`, `amount`,
  `amount_untaxed`, `amount_tax`, `currency`), e.g. invoice2data's `tests/compare`;
- the machine-readable invoice a PDF carries (Factur-X, ZUGFeRD 1/2, XRechnung CII), read from its
  attachments: seller, seller's VAT id, number, issue date, totals, currency.
Documents with none of these are skipped. Scoring uses the shared scorer's `same` (amounts within
0.01, ids without separators, vendor names fuzzy), so the rules are the judge's. Also printed: the
confidence calibration of the fields scored, and line items where the truth lists them (the invoice
XML's lines, or a manifest's `items_json`): printed items matched, items given, and documents whose
items the extractor warned did not add up. `bench.extraction.third_party_sets` builds such folders.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.extraction import external
from bench.extraction.cache import CACHE, OcrCache
from bench.extraction.extract import extract_files
from bench.extraction.report import calibration_lines
from bench.extraction.score import line_items_matched

COLUMNS = ("vendor", "vat_id", "invoice_number", "date_iso", "total_num", "net_num", "tax_num", "currency")
INVOICE_XML_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "order-x.xml")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first_text(root: ElementTree.Element, *path: str) -> str:
    """Text of the first element whose last tags (namespaces ignored) are `path`, or ''."""
    for parent in root.iter():
        if _local(parent.tag) != path[0]:
            continue
        found = [parent]
        for name in path[1:]:
            found = [child for element in found for child in element if _local(child.tag) == name]
        for element in found:
            if element.text and element.text.strip():
                return element.text.strip()
    return ""


def _seller_vat_id(root: ElementTree.Element) -> str:
    for seller in (e for e in root.iter() if _local(e.tag) == "SellerTradeParty"):
        for registration in (e for e in seller if _local(e.tag) == "SpecifiedTaxRegistration"):
            for identifier in (e for e in registration if _local(e.tag) == "ID"):
                if identifier.get("schemeID") == "VA" and identifier.text:
                    return identifier.text.strip()
    return ""


def truth_from_cii(xml: bytes) -> dict[str, Any] | None:
    """external-dev's columns from a Cross Industry Invoice (ZUGFeRD 1's CrossIndustryDocument
    too); None for anything else (an Order-X order, a UBL file)."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return None
    if _local(root.tag) not in ("CrossIndustryInvoice", "CrossIndustryDocument"):
        return None
    header = "ExchangedDocument" if _local(root.tag) == "CrossIndustryInvoice" else "HeaderExchangedDocument"
    issued = _first_text(root, header, "IssueDateTime", "DateTimeString")
    return {
        "vendor": _first_text(root, "SellerTradeParty", "Name"),
        "vat_id": _seller_vat_id(root),
        "invoice_number": _first_text(root, header, "ID"),
        "date_iso": f"{issued[:4]}-{issued[4:6]}-{issued[6:8]}" if len(issued) == 8 else "",
        "total_num": _first_text(root, "GrandTotalAmount"),
        "net_num": _first_text(root, "TaxBasisTotalAmount"),
        "tax_num": _first_text(root, "TaxTotalAmount"),
        "currency": _first_text(root, "InvoiceCurrencyCode"),
    }


def items_from_cii(xml: bytes) -> list[dict[str, Any]]:
    """The invoice's lines as printed items (product name, line total), for
    `score.line_items_matched`; [] when the XML is no invoice or has no lines."""
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return []
    items = []
    for line in (e for e in root.iter() if _local(e.tag) == "IncludedSupplyChainTradeLineItem"):
        name, amount = (
            _first_text(line, "SpecifiedTradeProduct", "Name"),
            _first_text(line, "LineTotalAmount"),
        )
        if name and amount:
            items.append({"description": name, "amount": float(amount)})
    return items


def truth_from_invoice2data(expected: Any) -> dict[str, Any]:
    """external-dev's columns from an invoice2data test file (a list of one dict)."""
    fields = expected[0] if isinstance(expected, list) else expected
    keys = {
        "vendor": "issuer",
        "invoice_number": "invoice_number",
        "date_iso": "date",
        "total_num": "amount",
        "net_num": "amount_untaxed",
        "tax_num": "amount_tax",
        "currency": "currency",
    }
    row = {column: str(fields.get(key) or "") for column, key in keys.items()}
    row["date_iso"] = row["date_iso"][:10]
    return row


def embedded_invoice_xml(pdf: Path) -> bytes | None:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError:
        return None
    try:
        for index in range(document.count_attachments()):
            attachment = document.get_attachment(index)
            if attachment.get_name().lower() in INVOICE_XML_NAMES:
                return bytes(attachment.get_data())
    finally:
        document.close()
    return None


def folder_rows(folder: Path) -> list[dict[str, Any]]:
    """A manifest row per document of `folder` whose truth is known (`source` = the folder's name)."""
    manifest = folder / "manifest.csv"
    if manifest.exists():
        with manifest.open(newline="") as handle:
            rows = [{**row, "file": str(folder / row["file"])} for row in csv.DictReader(handle)]
        for row in rows:  # printed items: a manifest's own column, else the PDF's XML lists them
            if row.get("items_json"):
                row["items"] = json.loads(row["items_json"])
            elif row["file"].lower().endswith(".pdf") and (xml := embedded_invoice_xml(Path(row["file"]))):
                row["items"] = items_from_cii(xml)
        return rows
    rows = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in external.DOCUMENT_SUFFIXES:
            continue
        labels = path.with_suffix(".json")
        truth: dict[str, Any] | None = None
        if labels.exists():
            truth = truth_from_invoice2data(json.loads(labels.read_text()))
        elif path.suffix.lower() == ".pdf" and (xml := embedded_invoice_xml(path)) is not None:
            truth = truth_from_cii(xml)
            if truth:
                truth["items"] = items_from_cii(xml)  # not a manifest column
        if truth:
            kind = "pdf" if path.suffix.lower() == ".pdf" else "image"
            rows.append({**truth, "source": f"{folder.name}/{kind}", "language": "", "file": str(path)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="print every wrong or missing field")
    parser.add_argument(
        "--read-once", action="store_true", help="no second read of till slips (OCR_SECOND_READ=false)"
    )
    args = parser.parse_args()
    if not external.SCORER.exists():
        raise SystemExit(f"needs the shared scorer at {external.SCORER} (set INVOICEME_SHARED)")
    missing = [str(folder) for folder in args.folders if not folder.is_dir()]
    if missing:
        raise SystemExit(f"no such folder: {', '.join(missing)}")
    rows = [row for folder in args.folders for row in folder_rows(folder)]
    predictions, failures = _predict([Path(row["file"]) for row in rows], second_read=not args.read_once)
    scorer = external.load_scorer()
    with tempfile.TemporaryDirectory() as folder:
        manifest = Path(folder) / "manifest.csv"
        with manifest.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["source", "language", "file", *COLUMNS])
            writer.writeheader()
            for row in rows:  # `file` named so that the scorer's <stem>.json is <name>.json
                writer.writerow(
                    {**{key: row.get(key, "") for key in writer.fieldnames}, "file": _key(row) + ".x"}
                )
        for key, prediction in predictions.items():
            (Path(folder) / f"{key}.json").write_text(json.dumps(prediction, ensure_ascii=False))
        scorer.main(str(manifest), folder)
    print(f"{len(rows)} documents; failed to read: {failures}")
    print("\n".join(calibration_lines("these documents", list(_judged(scorer, rows, predictions)))))
    _print_items(rows, predictions)
    if args.list:
        for row in rows:
            prediction = predictions.get(_key(row), {})
            for column, name in external.labelled_fields(scorer, row):
                if not scorer.same(column, row[column], prediction.get(name)):
                    print(f"{_key(row):44} {name:14} truth={row[column]!r} got={prediction.get(name)!r}")


def _judged(
    scorer: Any, rows: list[dict[str, str]], predictions: dict[str, dict[str, Any]]
) -> Iterator[tuple[float, bool]]:
    """(confidence, right) of every labelled field the extractor gave a value."""
    for row in rows:
        prediction = predictions.get(_key(row), {})
        confidence = prediction.get("confidence") or {}
        for column, name in external.labelled_fields(scorer, row):
            if prediction.get(name) not in (None, "") and name in confidence:
                yield float(confidence[name]), bool(scorer.same(column, row[column], prediction[name]))


def _print_items(rows: list[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> None:
    """Line items of the invoices whose truth lists them, per source: printed items matched, items the
    extractor gave in all (those beyond the matched ones are noise a user sees), and documents it
    warned about because its items did not add up (a false alarm when the page's items do)."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        if row.get("items"):
            prediction = predictions.get(_key(row), {})
            predicted = prediction.get("line_items") or []
            codes = [warning.get("code") for warning in prediction.get("warnings") or []]
            total = counts.setdefault(row["source"], [0, 0, 0, 0, 0])
            found = line_items_matched(row["items"], predicted)
            added = (len(row["items"]), found, len(predicted), 1, int("line_items_mismatch" in codes))
            for index, add in enumerate(added):
                total[index] += add
    for source, (printed, found, given, documents, warned) in sorted(counts.items()):
        matched = f"{found} of {printed} printed items matched ({found / printed:.3f})"
        mismatched = f"items did not add up on {warned} of {documents}"
        print(f"line items {source}: {matched}; {given} given; {mismatched}")


def _key(row: dict[str, str]) -> str:
    return Path(row["file"]).name


def _predict(files: list[Path], second_read: bool = True) -> tuple[dict[str, dict[str, Any]], int]:
    """Predictions by file name. The extractor's are by stem, and a folder may hold an invoice as a
    PDF and as a picture of it under one stem: each suffix is read on its own."""
    from invoiceme_ocr.engine import OcrOptions

    cache = OcrCache(OcrOptions(second_read=second_read), CACHE / "ocr")
    predictions, failures = {}, 0
    for suffix in sorted({path.suffix for path in files}):
        extracted = extract_files([path for path in files if path.suffix == suffix], cache)
        predictions.update({f"{stem}{suffix}": value for stem, value in extracted.predictions.items()})
        failures += len(extracted.failures)
    return predictions, failures


if __name__ == "__main__":
    main()
