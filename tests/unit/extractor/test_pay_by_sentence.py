"""A covering letter's payment request names its deadline after the amount ('Please pay 762.69 EUR
by 01/11/2024', 'נא לשלם 762.69 ש"ח עד 01/11/2024'): that date is the due date."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.prose import pay_deadline


class TestPayBySentence:
    """The date after a payment request's 'by' / 'עד' is the due date; a request without one names none."""

    def test_hebrew_request_names_the_due_date(self) -> None:
        text = "\n".join(
            [
                'הדר תקשורת בע"מ',
                "מספר מסמך 48093 תאריך מסמך 02/10/2024",
                "ברוש סחר (1998)",
                "דרך בגין 51",
                "באר שבע",
                'ח"פ 534836770',
                'סה"כ שורה 651.87',
                'הסכום 762.69 ש"ח כולל מע"מ בשיעור 17% בסך 110.82',
                'נא לשלם 762.69 ש"ח עד 01/11/2024 לחשבון המצוין מטה.',
            ]
        )
        extraction = extract_with_rules([(1, text)])
        assert (extraction.invoice_date, extraction.due_date) == ("2024-10-02", "2024-11-01")

    def test_english_request_names_the_due_date(self) -> None:
        text = "\n".join(
            [
                "Harbor Networks Ltd",
                "Document No. 48093   Document Date 02/10/2024",
                "Cypress Trading (1998)",
                "51 Harbor Road",
                "Springfield",
                "Company No. 534836770",
                "Line total 651.87",
                "Please pay 762.69 EUR by 01/11/2024 to the account below.",
            ]
        )
        assert extract_with_rules([(1, text)]).due_date == "2024-11-01"

    def test_deadline_words_in_every_language(self) -> None:
        for sentence in (
            "Bitte überweisen Sie 1.234,50 EUR bis zum 03.03.2025 auf das unten genannte Konto.",
            "Merci de régler 1 234,50 EUR avant le 03/03/2025 sur le compte ci-dessous.",
            "Por favor, abone 1.234,50 EUR antes del 03/03/2025 en la cuenta indicada.",
        ):
            assert pay_deadline(sentence), sentence

    def test_a_request_without_a_deadline_names_no_due_date(self) -> None:
        assert not pay_deadline('נא לשלם 762.69 ש"ח לחשבון המצוין מטה.')
        assert not pay_deadline("Please transfer 762.69 EUR to the account below.")
