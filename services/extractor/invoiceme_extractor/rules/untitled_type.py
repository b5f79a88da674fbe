"""The document type when no title names it: OCR lost or damaged the title, so the only type word
left may be a field's label ('מספר חשבונית', 'Invoice No.'), which any type of document prints.
Then the rest of the page is evidence: a payment block (method, amount paid, change) makes it a
receipt; a negative total (or one printed in brackets) a credit note. Each is a guess, said with
low confidence."""

from __future__ import annotations

import re
from dataclasses import replace

from . import labels
from .bracketed_amounts import in_brackets
from .lines import Found, Line, document_language

# A type read from a title is sure (0.9 scaled by its print); read from anything less, under this.
TITLED = 0.6
GUESSED = 0.5  # a type told by the page's other evidence, not its title

# A payment block's labels: how it was paid and what was paid. 'PAID' alone is not one (a stamp
# on a paid invoice says it), nor 'payment details' (an invoice's bank details for paying it).
PAYMENT = labels.any_of(
    r"אמצעי\s*(?:ה)?תשלום",
    r"(?:אופן|דרך)\s*(?:ה)?תשלום",
    r'סה"?כ\s*(?:ה)?(?:שולם|תקבול|התקבל)',
    r"שולם\s*ב",
    r"סכום\s*(?:ה)?(?:תקבול|ששולם)",
    r"payment\s*(?:method|type|mode)",
    r"(?:total|amount)\s*paid",
    r"paid\s*(?:by|with|in)\b",
    r"\btendered\b",
    r"zahlungsart",
    r"bezahlt\s*(?:mit|in|bar)",
    r"mode\s*de\s*(?:paiement|r[èe]glement)",
    r"forma\s*de\s*pago",
    r"pagado\s*con",
    labels.CHANGE.pattern,
    r"[*xX#]{4}\s?\d{4}\b",  # a card charged at the till, its number masked ('****8082')
    r"\bauth(?:ori[sz]ation)?\.?\s*(?:code|no\.?|#)?\s*:?\s*\d{4,8}\b",  # the card charge's approval code
)


def is_guess(found: Found | None) -> bool:
    """Whether the type was not read from a title (none found, or only a field's label named one)."""
    return found is None or found.confidence < TITLED


def payment_line(lines: list[Line]) -> Line | None:
    """The first line that labels a payment ('אמצעי תשלום', 'Total paid', 'Change')."""
    return next((line for line in lines if PAYMENT.search(line.text)), None)


def type_by_evidence(
    found: Found | None, lines: list[Line], total: Found | None, due: Found | None = None
) -> Found | None:
    """Where no title named the type: a credit note when the total is negative, a receipt when the
    page labels a payment, else what was found. A titled type is kept as it is."""
    if not is_guess(found):
        return found
    if total is not None and (total.value < 0 or in_brackets(total)):
        return Found("credit_note", total.raw, total.line, GUESSED)
    paid = payment_line(lines)
    if paid is None:
        # no title and no payment block: a Hebrew page's VAT, another page's due date tell; an
        # allocation number, if printed, tells later (tax_invoice_by_allocation)
        return _receipt_without_vat(found, lines, total) or _by_due_date(due, lines)
    code = "receipt"
    if found is not None and found.value == code:
        return replace(found, confidence=max(found.confidence, GUESSED))
    return Found(code, paid.text, paid, GUESSED)


# A bare Hebrew 'invoice' word as the title was read: 'חשבונית DE' ('מס' read as Latin), not 'חשבונית עסקה'
_BARE_HEBREW_INVOICE = re.compile(r"חשבונית(?!\s*עסקה)")


def tax_invoice_by_allocation(found: Found | None, allocation: Found | None) -> Found | None:
    """An allocation number (מספר הקצאה) is issued for a tax invoice only: a page that prints one and
    whose title read as a bare 'חשבונית' (its 'מס' damaged) or not at all (an invoice only guessed, from a
    field's label or a due date) is a tax invoice, a guess."""
    if allocation is None:
        return found
    if found is None:
        return Found("tax_invoice", allocation.raw, allocation.line, GUESSED)
    if found.value != "invoice" or not (is_guess(found) or _BARE_HEBREW_INVOICE.search(found.raw)):
        return found  # another type, or an invoice its title names whole
    return replace(found, value="tax_invoice", confidence=min(found.confidence, GUESSED))


def _receipt_without_vat(found: Found | None, lines: list[Line], total: Found | None) -> Found | None:
    """Nothing names the type, the page is Hebrew and no line names VAT: an Israeli invoice of any
    kind states its VAT (an exempt dealer's titles its kind, which a title rule reads), a receipt
    (קבלה) states none, so a total without VAT is a receipt's."""
    if found is not None or total is None or document_language(lines) != "he":
        return found
    if any(labels.VAT.search(line.text) for line in lines):
        return found
    return Found("receipt", total.raw, total.line, GUESSED)


def _by_due_date(due: Found | None, lines: list[Line]) -> Found | None:
    """No type word anywhere and no payment block, on a page in a European language: a due date
    says payment is still to come, an invoice's, no receipt's ('Vencimiento 17 de agosto de 2025').
    (A Hebrew page's invoice may as well be a tax invoice: no guess there.)"""
    if due is None or document_language(lines) == "he":
        return None
    return Found("invoice", due.raw, due.line, GUESSED)
