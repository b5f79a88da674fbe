"""'due' names a due date as a word of its own, not as the end of another ('Monnaie rendue', the change
given back on a French till slip): the slip's only date, on the next line, is its issue date."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.document_labels import DATE_DUE


def test_due_as_a_word() -> None:
    for label in ("Due Date:", "Payment due", "Amount Due", "PaymentDue", "DUE DATE"):
        assert DATE_DUE.search(label), label
    for text in ("Monnaie rendue 41,26", "MONNAIE RENDUE 41,26"):
        assert not DATE_DUE.search(text), text


def test_the_date_after_the_change_given() -> None:
    slip = (
        "Atlantique Bâtiment EURL\n86 boulevard Voltaire\nTicket de caisse\nFacture N°: F-31084\n"
        "Installation 14,34\nMontant TTC 58,74 EUR\nESPÈCES 100,00\nMonnaie rendue 41,26\n"
        "17:43 le 20 juin 2025 S55 T6 R105149278\nMerci de votre visite"
    )
    fields = extract_with_rules([(1, slip)])
    assert (fields.invoice_date, fields.due_date) == ("2025-06-20", None)
