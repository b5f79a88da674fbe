"""Titles OCR damaged: cropped at either end ("AX INVOICE") or with a letter or two misread
('חשבע עסקה'), and the document type each still names."""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter

# a colon ending the text keeps it a label ('Caisse:' is the till's number, not a cropped 'ticket de caisse')
_EDGE_MARKS = re.compile(r"^[\W_]+|[^\w:]+$")


def _as_compared(text: str) -> str:
    """The text as compared with titles: case folded, dashes as spaces, without the marks a logo or a
    rule left at its edges ('<< = חשבגית מס קבלה': no letters of the title)."""
    return " ".join(_EDGE_MARKS.sub("", text.casefold()).replace("-", " ").split())


# Whole titles, to recognise one whose first or last letters OCR cropped ("echnungskorrekt",
# "AX INVOICE", "actura simplificada"): large print at a band's edge loses letters.
_TITLES = (
    (
        "credit_note",
        (
            "credit note",
            "credit memo",
            "rechnungskorrektur",
            "gutschrift",
            "nota de crédito",
            "note de crédit",
            "חשבונית זיכוי",
            "חשבונית מס זיכוי",
        ),
    ),
    (
        "tax_invoice_receipt",
        ("tax invoice receipt", "tax invoice-receipt", "חשבונית מס קבלה", "חשבונית מס/קבלה"),
    ),
    ("tax_invoice", ("tax invoice", "חשבונית מס")),
    (
        "receipt",
        (
            "receipt",
            "quittung",
            "kassenbon",
            "ticket de caisse",
            "factura simplificada",
            "recibo",
            "sales receipt",
            "cash receipt",
        ),
    ),
    ("invoice", ("invoice", "rechnung", "facture", "factura", "חשבון עסקה", "חשבונית עסקה")),
)


@functools.lru_cache(maxsize=4096)  # pure; asked of every cell near the top and every name candidate
def cropped_type(text: str) -> str | None:
    """The type a title names when OCR lost letters at either end of it (at least 5 left)."""
    seen = _as_compared(text)
    if len(seen) < 5:
        return None
    best: tuple[int, str] | None = None
    for code, titles in _TITLES:
        for title in titles:
            whole = title.replace("-", " ")
            if seen in whole and (best is None or len(whole) < best[0]):
                best = (len(whole), code)
    return best[1] if best else None


NEAR_TITLE = 0.8  # letters in common (difflib ratio) with a whole title: OCR misread one or two
# titles of 8 letters or more only (short words are too easily alike), as compared, with their types
_LONG_TITLES = tuple(
    (code, title.replace("-", " ")) for code, titles in _TITLES for title in titles if len(title) >= 8
)
_LONG_TITLE_LETTERS = tuple(Counter(title) for _, title in _LONG_TITLES)  # for quick_ratio's count


@functools.lru_cache(maxsize=4096)  # asked of every name candidate, often the same line again
def misread_title(text: str) -> bool:
    """Whether the text is a whole title with a letter or two misread ('חשבע עסקה' for 'חשבון עסקה'),
    so no name; titles of 8 letters or more only (short words are too easily alike)."""
    return misread_type(text) is not None


_ORIGINAL_OR_COPY = re.compile(r"\s+(?:מקור|העתק|נאמן\s+למקור)$")


@functools.lru_cache(maxsize=4096)  # pure; asked by misread_title and again by title_cells
def misread_type(text: str) -> str | None:
    """The type a whole title names when OCR misread a letter or two of it (8+ letters), the
    nearest title's; None when no title is near."""
    # without the 'original' / 'copy' an Israeli document prints after its title ('חשבנית מס - מקור')
    seen = _ORIGINAL_OR_COPY.sub("", _as_compared(text))
    best: tuple[float, str] | None = None
    letters = Counter(seen)
    for (code, title), title_letters in zip(_LONG_TITLES, _LONG_TITLE_LETTERS, strict=True):
        # ratio() <= quick_ratio() <= real_quick_ratio(): the cheap bounds rule most titles out,
        # each by difflib's own formula (2 x matches / both lengths) before a matcher is built
        both = len(seen) + len(title)
        if 2.0 * min(len(seen), len(title)) / both < NEAR_TITLE:
            continue  # real_quick_ratio: as many matches as the shorter text's letters
        if 2.0 * sum((letters & title_letters).values()) / both < NEAR_TITLE:
            continue  # quick_ratio: the letters the two have in common, in any order
        ratio = difflib.SequenceMatcher(None, seen, title).ratio()
        if ratio >= NEAR_TITLE and (best is None or ratio > best[0]):
            best = (ratio, code)
    return best[1] if best else None
