"""Block labels OCR damaged by one letter ('פרטי לקותח' for 'פרטי לקוח', 'Custorner'): the lexicon's
exact patterns miss them, so the customer's block reads as nobody's and its id competes with the
issuer's. A word one substitution or insertion away from a customer word still names the block
where it heads one (a short cell with no digits, `blocks.party_cells`)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

# Words long enough that one changed letter leaves them unmistakable on an invoice
_CUSTOMER_WORDS = ("לקוח", "לכבוד", "customer", "client", "cliente", "kunde")
_HEBREW = "\u05d0-\u05ea"


def _one_edit(word: str) -> str:
    """A pattern for `word` with one letter replaced or one letter inserted (never one dropped: a
    shorter word is too often another word)."""
    letter = f"[{_HEBREW}]" if re.match(f"[{_HEBREW}]", word) else "[a-z]"
    variants = [word[:i] + letter + word[i + 1 :] for i in range(len(word))]
    variants += [word[:i] + letter + word[i:] for i in range(1, len(word))]
    return "|".join(variants)


def _bounded(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(_one_edit(word) for word in words)
    return re.compile(rf"(?<![{_HEBREW}a-z])(?:{alternatives})(?![{_HEBREW}a-z])", re.I)


GARBLED_CUSTOMER = _bounded(_CUSTOMER_WORDS)


# Tax-id labels as printed whole, long enough (10+ characters) that one changed letter ('Tan
# Registration', 'Tax 1D No', 'Umsatzsteuer-ld') leaves them unmistakable
_TAX_ID_PHRASES = (
    "tax registration",
    "registration no",
    "registration number",
    "vat reg no",
    "vat number",
    "tax id no",
    "taxpayer id",
    "umsatzsteuer",
    "steuernummer",
    "identifiant tva",
    "numero de tva",
    "עוסק מורשה",
    "מספר עוסק",
)


def _one_edit_phrase(phrase: str) -> str:
    """A phrase with one letter replaced, inserted or dropped (a long phrase stays unmistakable), its
    spaces dropped or doubled; a Latin letter may be read as a digit or a bar ('Tax 1D No')."""
    letter = f"[{_HEBREW}]" if re.match(f"[{_HEBREW}]", phrase) else "[a-z0-9|]"
    variants = []
    for i, char in enumerate(phrase):
        if char != " ":
            variants.append(re.escape(phrase[:i]) + letter + re.escape(phrase[i + 1 :]))
            variants.append(re.escape(phrase[:i]) + re.escape(phrase[i + 1 :]))
        if i:
            variants.append(re.escape(phrase[:i]) + letter + re.escape(phrase[i:]))
    return "|".join(variant.replace("\\ ", r"\s*") for variant in variants)


def _garbled(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the phrases with one letter off (`_one_edit_phrase`), as a whole word."""
    alternatives = "|".join(_one_edit_phrase(phrase) for phrase in phrases)
    return re.compile(rf"(?<![{_HEBREW}a-z])(?:{alternatives})(?![{_HEBREW}a-z])", re.I)


GARBLED_TAX_ID = _garbled(_TAX_ID_PHRASES)


# Date labels as printed whole, 10+ letters, one letter changed on a photo ('Rechnungsdarum'): the
# lexicon's patterns miss them, so the first date on the page, another date's, was read as issued
_GARBLED_DATES = (
    ("due", _garbled(("fälligkeitsdatum", "date d'échéance"))),
    (
        "other",
        _garbled(("lieferdatum", "leistungsdatum", "delivery date", "date de livraison", "fecha de entrega")),
    ),
    (
        "invoice",
        _garbled(
            (
                "rechnungsdatum",
                "ausstellungsdatum",
                "invoice date",
                "date of issue",
                "date de facture",
                "fecha de factura",
                "fecha de emision",
            )
        ),
    ),
)


# One-word date labels of 14 letters or more, umlauts folded: two letters off still name them alone
# ('Fallgketsdatum' for Fälligkeitsdatum on a dev photo, seed 8: two letters dropped, ä read as a)
_LONG_DATE_WORDS = (
    ("due", "falligkeitsdatum"),
    ("other", "leistungsdatum"),
    ("invoice", "rechnungsdatum"),
    ("invoice", "ausstellungsdatum"),
)
_FOLD = str.maketrans("äöü", "aou")
_LONG_WORD = re.compile(r"[^\W\d_]{12,}")
TWO_OFF = 2


def two_letters_off(text: str) -> tuple[str, str] | None:
    """(kind, word) of the long one-word date label a word of the text is at most two letters off."""
    for word in _LONG_WORD.findall(text):
        folded = word.lower().translate(_FOLD)
        for kind, label in _LONG_DATE_WORDS:
            if Levenshtein.distance(folded, label, score_cutoff=TWO_OFF) <= TWO_OFF:
                return kind, word
    return None


def garbled_date_kind(text: str) -> str | None:
    """The kind of date a label one letter off a long one names ('Rechnungsdarum': invoice), or a
    one-word label two letters off ('Fallgketsdatum': due), or None."""
    if (kind := next((kind for kind, pattern in _GARBLED_DATES if pattern.search(text)), None)) is not None:
        return kind
    return far[0] if (far := two_letters_off(text)) is not None else None
