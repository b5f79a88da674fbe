"""A payment request that names its deadline in a sentence ('Please pay 1,234.50 EUR by 3 March
2025', 'נא לשלם 255.65 ש"ח עד 28.02.24'): the date after the deadline word is the due date, though
no due date's label is printed."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.prose import pay_deadline


def _letter(sentence: str, issued: str) -> str:
    # the request under the items, far from the issue date's block
    items = "\n".join(f"Item {n} 1 100.00 100.00" for n in range(1, 7))
    return f"Acme Services\nInvoice No: 4521\n{issued}\n{items}\n{sentence}\n"


class TestPaymentDeadlineSentence:
    @pytest.mark.parametrize(
        ("sentence", "issued", "due"),
        [
            (
                "Por favor, abone 17.536,36 EUR antes del 20.09.2025 en la cuenta indicada.",
                "Fecha 22.07.2025",
                "2025-09-20",
            ),
            ('נא לשלם 255.65 ש"ח עד 28.02.24 לחשבון המצוין מטה.', "תאריך 14.02.24", "2024-02-28"),
            ("Please pay 1,234.50 EUR by 03.03.2025 to the account below.", "Date 01.02.2025", "2025-03-03"),
            (
                "Bitte überweisen Sie 1.234,50 EUR bis zum 03.03.2025 auf das unten genannte Konto.",
                "Datum 01.02.2025",
                "2025-03-03",
            ),
        ],
    )
    def test_the_date_after_the_deadline_word_is_the_due_date(
        self, sentence: str, issued: str, due: str
    ) -> None:
        result = extract_with_rules([(1, _letter(sentence, issued))])
        assert result.due_date == due
        assert result.invoice_date != due

    def test_a_request_without_a_date_names_no_deadline(self) -> None:
        assert not pay_deadline("Please pay 1,234.50 EUR by bank transfer to the account below.")
        assert not pay_deadline('נא לשלם 8,173.86 ש"ח לחשבון המצוין מטה.')

    def test_a_deadline_word_outside_a_payment_request_names_none(self) -> None:
        assert not pay_deadline("Services delivered by 03.03.2025 at the customer's site in full.")
