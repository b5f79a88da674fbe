"""A French VAT number read as its bare SIREN beside a TVA label ('Numéro de TVA . _ 528425671', the
'FR 11' OCR set on another line): the SIREN passes its Luhn check, so the number is FR, the key
computed from the SIREN, and the SIREN; said below the review line."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.vat_numbers import french_vat_of_siren


def _found(text: str, value: str) -> Found:
    return Found(value, value, Line(text, 1, 1), 0.85)


class TestFrenchVatFromSiren:
    def test_the_siren_beside_a_tva_label_is_the_vat_number(self) -> None:
        found = french_vat_of_siren(_found("Numéro de TVA . _ 528425671", "528425671"))
        assert found is not None and found.value == "FR11528425671"
        assert found.confidence < 0.9

    def test_a_siren_label_keeps_the_siren(self) -> None:
        found = french_vat_of_siren(_found("SIREN 528425671", "528425671"))
        assert found is not None and found.value == "528425671"

    def test_nine_digits_failing_the_luhn_check_stay(self) -> None:
        found = french_vat_of_siren(_found("N° TVA 528425672", "528425672"))
        assert found is not None and found.value == "528425672"
