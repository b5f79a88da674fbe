"""Amounts told in sentences, as covering letters and notes print them: "Please pay 1,234.50 EUR by 3
March", "The amount of 1,234.50 EUR includes VAT at 19 % (197.10 EUR)". No label sits beside these
amounts, so a sentence's verb ("pay", "überweisen", "régler", "לשלם") or its arithmetic (an amount
and the VAT inside it or on it at the rate the sentence names) says which amount is which."""

from __future__ import annotations

import re

from . import labels
from .amount_candidates import Candidates
from .amounts import CENT, money_in, percent_in
from .lines import Line

# "please pay", "kindly remit", "bitte überweisen Sie" (its ü read as u, o or ii), "merci de régler",
# "abone", "נא לשלם"
_PAY = re.compile(
    r"\b(?:please|kindly)\s+(?:pay|remit|transfer)\b|\bremit\b|(?:ü|u|ue|ii|o)berweisen|\bbitte\s+zahlen|"
    r"\bzahlen\s+sie\b|\brégler\b|\bpayer\b|\bvirer\b|\babone\b|\bpague\b|\btransfiera\b|\bingrese\b|"
    r"(?<![\u05d0-\u05ea])לשלם(?![\u05d0-\u05ea])|(?<![\u05d0-\u05ea])להעביר(?![\u05d0-\u05ea])",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def is_sentence(text: str) -> bool:
    """Words enough to be prose rather than a label and its value."""
    return len(_WORD.findall(text)) >= 5


def pay_amount(text: str) -> tuple[float, str] | None:
    """The amount a payment request names: the first money amount after its verb."""
    verb = _PAY.search(text)
    if verb is None or not is_sentence(text):
        return None
    found = money_in(text[verb.end() :])
    return found[0] if found else None


# the word naming a payment's deadline, a date right after it (a day number first, or a month's name
# and then its day): 'by 3 March', 'before March 3', 'antes del 20.09.2025', 'avant le', 'bis zum', 'עד'
_DEADLINE = re.compile(
    r"(?:\b(?:by|before|until|no\s+later\s+than|antes\s+del?|hasta\s+el|avant\s+le|au\s+plus\s+tard\s+le|"
    r"bis(?:\s+zum)?|spätestens(?:\s+am)?)\b|(?<![\u05d0-\u05ea])עד(?![\u05d0-\u05ea]))"
    r"(?=\s*(?:the\s+)?(?:\d|[^\W\d_]{3,}\.?\s+\d))",
    re.I,
)


def pay_deadline(text: str) -> bool:
    """A payment request naming its deadline ('Please pay 1,234.50 EUR by 3 March 2025', 'Por favor,
    abone 17.536,36 EUR antes del 20.09.2025', 'נא לשלם 255.65 ש"ח עד 28.02.24'): the date after the
    deadline word is the due date, though no due date's label is printed."""
    verb = _PAY.search(text)
    return verb is not None and is_sentence(text) and _DEADLINE.search(text, verb.end()) is not None


def vat_sentence(text: str) -> dict[str, tuple[float, str]]:
    """A sentence naming VAT, its rate and two amounts that agree through it: the larger is the
    total (the VAT inside it) or the amount before VAT (the VAT on it); the smaller is the VAT."""
    rate = percent_in(text)
    if rate is None or not rate or not labels.VAT.search(text) or not is_sentence(text):
        return {}
    amounts = money_in(text)
    for whole in amounts:
        for part in amounts:
            if abs(part[0]) >= abs(whole[0]):
                continue
            if abs(round(whole[0] * rate / (1 + rate), 2) - part[0]) <= CENT:
                return {"total_strong": whole, "vat": part}
            if abs(round(whole[0] * rate, 2) - part[0]) <= CENT:
                return {"subtotal": whole, "vat": part}
    return {}


def prose_candidates(lines: list[Line], found: Candidates) -> Candidates:
    """`found` with the amounts sentences state added to their kinds; where a sentence's arithmetic
    names its amounts, other readings of that sentence (the last amount under its VAT word) go."""
    added: Candidates = {kind: list(items) for kind, items in found.items()}
    for line in lines:
        # one cell at a time: a row of cells ('Date d'échéance | 02/03/2022 | NET A PAYER | 90,00') is
        # labels and values, not a sentence
        texts = [cell.text for cell in line.cells] or [line.text]
        stated = next((said for text in texts if (said := vat_sentence(text))), {})
        if stated:
            added = {kind: [item for item in items if item[2] is not line] for kind, items in added.items()}
        payment = next((asked for text in texts if (asked := pay_amount(text))), None)
        if payment is not None:
            stated.setdefault("total_strong", payment)
        for kind, (value, raw) in stated.items():
            known = added.setdefault(kind, [])
            if not any(item[2] is line and abs(item[0] - value) <= CENT for item in known):
                known.append((value, raw, line))
    return added
