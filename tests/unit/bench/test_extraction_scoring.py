"""The extraction benchmark's judging: field rules, line-item matching, calibration buckets, docs upkeep."""

from __future__ import annotations

from pathlib import Path

from bench.extraction.report import replace_between
from bench.extraction.score import calibration, field_matches, line_items_matched, mean_accuracy, tally


class TestFieldRules:
    """Same leniency as the shared external scorer, no more."""

    def test_amounts_ids_rates_and_names(self) -> None:
        assert field_matches("total", -120.5, 120.5) and not field_matches("total", 120.5, 120.52)
        assert field_matches("vendor_tax_id", "514123459", "51-412345-9")
        assert not field_matches("invoice_number", "A-1002", "1002A")
        assert field_matches("vat_rate", 0.18, 18) and field_matches("vat_rate", 0.17, 0.17)
        assert not field_matches("vat_rate", 0.17, 0.18)
        assert field_matches("vendor_name", 'אור מערכות בע"מ', "אור מערכות בעמ")
        assert not field_matches("vendor_name", "Blue Labs Ltd", "Harbor Foods Ltd")
        assert not field_matches("invoice_date", "2025-01-02", None)

    def test_tally_counts_only_printed_fields(self) -> None:
        truth = {"language": "he", "total": 10.0, "subtotal": None, "invoice_number": "7"}
        table = tally(
            [(truth, {"total": 10.0, "subtotal": 3.0, "invoice_number": "8"})], lambda t: (t["language"],)
        )
        cells = table[("he",)]
        assert cells["total"] == [1, 1] and cells["invoice_number"] == [0, 1] and "subtotal" not in cells
        assert mean_accuracy(cells) == 0.5


class TestLineItems:
    """An item is found once, by amount and a similar description."""

    def test_each_prediction_used_once(self) -> None:
        truth = [
            {"description": "Cloud hosting", "amount": 50.0},
            {"description": "Cloud hosting", "amount": 50.0},
        ]
        predicted = [{"description": "Cloud hosting 2", "amount": 50.0}]
        assert line_items_matched(truth, predicted) == 1

    def test_amount_and_description_both_needed(self) -> None:
        truth = [{"description": "Training session", "amount": 300.0}]
        assert line_items_matched(truth, [{"description": "Training session", "amount": 30.0}]) == 0
        assert line_items_matched(truth, [{"description": "Delivery", "amount": 300.0}]) == 0
        assert line_items_matched(truth, [{"description": "training  session", "amount": -300.0}]) == 1


class TestCalibration:
    def test_buckets(self) -> None:
        rows = calibration([(0.95, True), (0.91, False), (0.3, True), (1.0, True)])
        assert rows[-1] == ("[0.9, 1.0]", 3, 2 / 3)
        assert rows[0] == ("[0.0, 0.5)", 1, 1.0)
        assert rows[1][1] == 0


class TestDocs:
    """--write-docs replaces only its own block, inside the Extraction section."""

    def test_replace_between_keeps_other_sections(self, tmp_path: Path) -> None:
        docs = tmp_path / "B.md"
        docs.write_text("# Benchmarks\n\n## Extraction\n\nintro\n\n## OCR\n\nocr numbers\n")
        replace_between(docs, "extraction-results", ["first"], "## Extraction")
        replace_between(docs, "extraction-results", ["second"], "## Extraction")
        text = docs.read_text()
        assert "second" in text and "first" not in text and "ocr numbers" in text and "intro" in text
        assert text.index("second") < text.index("## OCR")


class TestOcrCache:
    """Keyed by content; a damaged entry is a miss, never a crash."""

    def test_round_trip_and_damaged_entry(self, tmp_path: Path) -> None:
        from bench.extraction.cache import OcrCache
        from invoiceme_common.events import OcrDocument, OcrPage

        cache = OcrCache("options-a", tmp_path)
        document = OcrDocument(
            pages=[OcrPage(number=1, text="Total 10.00", method="ocr", confidence=0.9)],
            media_type="image/png",
        )
        assert cache.get(b"file") is None
        cache.put(b"file", document)
        assert cache.get(b"file") == document and cache.get(b"other file") is None
        assert OcrCache("options-b", tmp_path).get(b"file") is None  # other OCR options, other entry
        cache.path(b"file").write_text('{"pages": [')
        assert cache.get(b"file") is None
        assert not list(tmp_path.glob("*.part"))
