"""Validations as warnings, passing and failing; serious ones mean needs_review."""

from __future__ import annotations

from datetime import date

from invoiceme_extractor import israel
from invoiceme_extractor.contract import Extraction
from invoiceme_extractor.validation import validate

TODAY = date(2026, 11, 25)


def codes(extraction: Extraction) -> set[str]:
    return {warning.code for warning in validate(extraction, TODAY)}


def israeli(**fields) -> Extraction:  # type: ignore[no-untyped-def]
    base = dict(
        document_type="tax_invoice",
        vendor_tax_id="514321678",
        currency="ILS",
        invoice_date="2025-03-01",
        subtotal=1000.0,
        vat_rate=0.18,
        vat_amount=180.0,
        total=1180.0,
    )
    return Extraction(**(base | fields))


class TestArithmetic:
    def test_consistent_invoice_has_no_warnings(self) -> None:
        assert codes(israeli()) == set()

    def test_totals_mismatch_is_serious(self) -> None:
        extraction = israeli(total=1190.0)
        extraction.warnings = validate(extraction, TODAY)
        assert "totals_mismatch" in codes(extraction) and extraction.needs_review

    def test_within_one_cent_passes(self) -> None:
        assert "totals_mismatch" not in codes(israeli(total=1180.01))

    def test_line_items_must_sum_to_subtotal(self) -> None:
        items = [{"description": "a", "amount": 600.0}, {"description": "b", "amount": 300.0}]
        assert "line_items_mismatch" in codes(israeli(line_items=items))
        items[1]["amount"] = 400.0
        assert "line_items_mismatch" not in codes(israeli(line_items=items))


class TestIsraeliRules:
    def test_vat_rate_by_date(self) -> None:
        assert "vat_rate_unexpected" in codes(israeli(vat_rate=0.17, vat_amount=170.0, total=1170.0))
        old = israeli(invoice_date="2024-12-31", vat_rate=0.17, vat_amount=170.0, total=1170.0)
        assert "vat_rate_unexpected" not in codes(old)
        assert israel.vat_rate_on(date(2025, 1, 1)) == 0.18 and israel.vat_rate_on(date(2024, 12, 31)) == 0.17

    def test_check_digit(self) -> None:
        assert "tax_id_check_digit" in codes(israeli(vendor_tax_id="514321676"))
        assert israel.israeli_id_is_valid("514321678")

    def test_allocation_thresholds_table(self) -> None:
        assert israel.allocation_threshold_on(date(2024, 5, 4)) is None
        assert israel.allocation_threshold_on(date(2024, 5, 5)) == 25_000
        assert israel.allocation_threshold_on(date(2025, 6, 1)) == 20_000
        assert israel.allocation_threshold_on(date(2026, 1, 1)) == 10_000
        assert israel.allocation_threshold_on(date(2026, 6, 1)) == 5_000

    def test_allocation_number_required_above_threshold(self) -> None:
        big = israeli(invoice_date="2026-02-01", subtotal=12_000.0, vat_amount=2160.0, total=14_160.0)
        assert "allocation_number_missing" in codes(big)
        assert "allocation_number_missing" not in codes(
            big.model_copy(update={"allocation_number": "123456789"})
        )
        assert "allocation_number_missing" not in codes(big.model_copy(update={"document_type": "receipt"}))
        assert "allocation_number_missing" not in codes(big.model_copy(update={"invoice_date": "2025-06-01"}))


class TestDates:
    def test_future_date_is_serious(self) -> None:
        assert "date_in_future" in codes(israeli(invoice_date="2027-01-01", vat_rate=0.18))

    def test_due_before_issue(self) -> None:
        assert "due_before_issue" in codes(israeli(due_date="2025-02-01"))
        assert "due_before_issue" not in codes(israeli(due_date="2025-04-01"))
