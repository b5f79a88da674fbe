"""The document's title: the largest print near the top that names a document type."""

from __future__ import annotations

import functools
import re

from . import document_labels, labels, party_labels
from .damaged_titles import cropped_type, misread_type
from .labels import any_of
from .lines import Line

# Most specific first: the first that matches a title line names the document type.
# 'חשבון' alone is a bill, but not in 'רואה חשבון' (an accountant, a common issuer) or 'חשבונות'
_BILL = r"(?<!רואה\s)(?<!רואי\s)חשבון(?![\u05d0-\u05ea])"
DOCUMENT_TYPES = (
    (
        "credit_note",
        any_of(
            # זיכוי, its end as OCR damages it, its kaf read as the bet of the same shape ('זיבוי')
            r"חשבונית\s*(?:מס\s*)?זי[כב](?:וי|[\u05d0-\u05ea])",
            r"^זיכוי",
            r"credit\s*note",
            r"gutschrift",
            r"rechnungskorrektur",
            r"stornorechnung",
            r"avoir",
            r"note\s*de\s*cr[ée]dit",
            r"credit\s*memo",
            r"nota\s*de\s*cr[ée]dito",
            r"factura\s*rectificativa",
            r"\babono\b",
            # Dutch, Italian, Scandinavian and Polish credit notes
            r"credit\s*-?\s*nota",
            r"creditfactuur",
            r"nota\s*di\s*credito",
            r"kreditnota",
            r"kreditfaktura",
            r"faktura\s*korygu",
        ),
    ),
    (
        "tax_invoice_receipt",
        any_of(
            # OCR reads the slash between the two types as a bar ("TAX INVOICE | RECEIPT"), a hyphen
            # as a dash or two ('Tax Invoice—Receipt', 'Tax Invoice—-Receipt'), and the bet of קבלה as
            # the kaf of the same shape ('קכלה')
            r"חשבונית\s*מס\s*[/|]?\s*[-–—]{0,2}\s*ק[בכ]לי?ה",
            r"tax\s*invoice\s*[-–—/&|]{0,2}\s*(?:and\s*)?receipt",
            r"i?nvoice\s*[-–—/&|]{1,2}\s*receipt",  # its 'I' lost to a name OCR ran into it ('LimitedNVOICE')
        ),
    ),
    ("invoice", any_of(r"חשבונית\s*עסקה", r"חשבון\s*עסקה", r"pro\s*-?\s*forma")),
    ("tax_invoice", any_of(r"חשבונית\s*מס(?![\u05d0-\u05ea])", r"tax\s*invoice")),  # not מספר (number)
    (
        "receipt",
        any_of(
            # ... and a speck before its last letter read as a yod ('קבליה - מקור')
            r"^ק[בכ]לי?ה",
            r"ק[בכ]לי?ה\s*(?:מס|מספר|#)",
            r"\breceipt\b",
            r"cash\s*bill",
            r"quittung",
            r"kassen(?:bon|beleg|zettel)",
            r"\bre[çcg]u\b",  # Ç read as G in capitals ("REGU")
            r"ticket\s*de\s*caisse",
            r"\brecibo\b",
            r"factura\s*simplificada",
            r"\bticket\b",
            r"kwitantie",  # Dutch, Italian, Danish/Norwegian, Swedish, Polish receipts
            r"ricevuta",
            r"scontrino",
            r"kvittering",
            r"\bkvitto\b",
            r"paragon\s*fiskalny",
        ),
    ),
    # ... and the invoice in Dutch, Italian, Portuguese/Turkish, Polish/Czech/Scandinavian
    (
        "invoice",
        any_of(
            r"\binvoice\b",
            r"rechnung",
            r"factur[ae]",
            r"חשבונית",
            _BILL,
            r"factuur",
            r"fattura",
            r"\bfatura\b",
            r"faktura",
        ),
    ),
)


@functools.lru_cache(maxsize=4096)  # pure; each cell is asked by titles, parties and the type rules
def type_of(text: str) -> tuple[str, re.Match[str]] | None:
    """The most specific document type a title names (credit note before receipt before invoice)."""
    for code, pattern in DOCUMENT_TYPES:
        match = pattern.search(text)
        if match:
            return code, match
    return None


# A crumb OCR read before a title in the same cell ('7 קבלה - מקור'): one or two digits or marks
_LEADING_CRUMB = re.compile(r"^[^\w\s]{1,2}\s+|^\d{1,2}\s+(?=[^\W\d_])")


def type_of_cell(text: str) -> tuple[str, re.Match[str]] | None:
    """`type_of` the cell, or of the cell past a crumb before its first word."""
    return type_of(text) or type_of(_LEADING_CRUMB.sub("", text, count=1))


_TOTAL_LABELS = (labels.TOTAL_STRONG, labels.TOTAL_PLAIN)


def names_a_field(text: str, named: tuple[str, re.Match[str]]) -> bool:
    """The type word is part of a field's label ('Rechnungsdatum:', 'Factura Nº:', 'מספר חשבונית:'),
    not a title: on a till slip printed in one size, such a label can outsize the real title by a
    pixel. A number label naming a specific type ('חשבונית מס/קבלה מספר') is the title as well; a
    total's label ('Total factura', 'Rechnungsbetrag') never is: any type of document prints one. Words
    before the type word and a colon right after it make a label however OCR damaged its words
    ('Némero de factura:')."""
    code, match = named
    if _CLOSED_BY_COLON.match(text[match.end() :]) and _WORD_BEFORE.search(text[: match.start()]):
        return True
    field_labels = [document_labels.DATE_INVOICE, document_labels.DATE_DUE, *_TOTAL_LABELS] + (
        [document_labels.INVOICE_NUMBER] if code == "invoice" else []
    )
    return any(
        label.start() < match.end()
        and (match.start() < label.end() or _LABEL_WORDS.fullmatch(text[label.end() : match.start()]))
        for pattern in field_labels
        for label in pattern.finditer(text)
    )


_CLOSED_BY_COLON = re.compile(r"\s*:")
_WORD_BEFORE = re.compile(r"[^\W\d_]{2,}\.?\s+(?:[^\W\d_]{1,3}\s+)?$")  # 'Némero de ', 'Nro. de ', 'Date of '


# Between a label's first word and the type word of the same label ('Date de facturation:', where
# 'Date' alone matched first): a few letters, no value and no colon
_LABEL_WORDS = re.compile(r"[^\d:|]{0,12}")


# A payment table's header ('בנק | סניף | חשבון', 'Bank | Branch | Account'): its "חשבון" is an account
_BANK_WORDS = any_of(r"בנק", r"סניף", r"\bbank\b", r"\bbranch\b", r"\bbanco\b", r"\bbanque\b", r"sucursal")


Title = tuple[Line, int, str]  # the line, the cell's index in it, the type it names


def title_cell(lines: list[Line]) -> Title | None:
    """The document's title on a page with word boxes: the largest-print cell near the top that
    names a document type (whole, or cropped by OCR), and that type."""
    titles = title_cells(lines)
    return titles[0] if titles else None


def title_cells(lines: list[Line]) -> list[Title]:
    """Every cell near the top that names a document type, largest print first (higher on the page
    first among equals): the first is the title."""
    return list(_title_cells(tuple(lines[:15])))


# A title printed letter-spaced, as OCR reads it: in pieces of a few letters ('R EC U' for REÇU,
# 'חשב ונית מס = מק ור' for חשבונית מס - מקור)
_SPACED_RUN = re.compile(r"(?<!\S)[^\W\d_]{1,4}(?:\s[^\W\d_]{1,4})+(?!\S)")


def letters_joined(text: str) -> str:
    """The text with each run of short letter groups joined into one word."""
    return _SPACED_RUN.sub(lambda run: run.group(0).replace(" ", ""), text)


# ... or whole but for its last letter, set apart ('INVOIC E': the widest gap of a spaced title)
_LONE_LAST_LETTER = re.compile(r"(?<=[^\W\d_]{3}) (?=[^\W\d_](?!\S))")


def _last_letter_joined(text: str) -> str:
    return _LONE_LAST_LETTER.sub("", text)


# Pure in the lines (frozen); the document's type and its alternatives both ask it of the same lines
@functools.lru_cache(maxsize=8)
def _title_cells(top_lines: tuple[Line, ...]) -> tuple[Title, ...]:
    titled = []
    for line in top_lines:
        second_half = -1
        for index, cell in enumerate(line.cells):
            if index == second_half:
                continue
            text = cell.text
            named = _title_type(text)
            if named is not None and (two := _with_next_type(line, index)) is not None:
                text, named = two  # 'TAX INVOICE' | 'RECEIPT': one title OCR parted at its bar
                second_half = index + 1
            for mended in (letters_joined, _last_letter_joined):  # a letter-spaced title OCR read in pieces
                if named is None and (joined := mended(text)) != text and (named := _title_type(joined)):
                    text = joined
            if named and (
                names_a_field(text, named) or (named[0] == "invoice" and _BANK_WORDS.search(line.text))
            ):
                continue
            cropped = cropped_type(cell.text)
            code = named[0] if named else cropped or _misread_title_type(cell.text)
            if code == "invoice" and cropped not in (None, "invoice"):
                code = cropped  # "AX INVOICE": a tax invoice whose first letter OCR lost
            elif code == "invoice" and named and _misread_rest(text, named[1]):
                code = misread_type(cell.text) or code
            # "Rechnungsempfänger" names the invoice's recipient, not the document (the costlier
            # label checks last: most cells name no type)
            if code and not (
                document_labels.OTHER_DOCUMENT.search(cell.text) or party_labels.BUYER_BLOCK.search(cell.text)
            ):
                titled.append((not _labels_a_value(cell.text), cell.font, -line.index, line, index, code))
    # a stable sort: among equal keys the first found stays first, as max() would pick it
    ranked = sorted(titled, key=lambda item: item[:3], reverse=True)
    return tuple((line, index, code) for *_, line, index, code in ranked)


def _with_next_type(line: Line, index: int) -> tuple[str, tuple[str, re.Match[str]]] | None:
    """The cell and the next one read as one title of two types ('TAX INVOICE' | 'RECEIPT', a bar
    OCR read between them parting the cells), with that title's type; None otherwise."""
    if index + 1 >= len(line.cells):
        return None
    joined = f"{line.cells[index].text} | {line.cells[index + 1].text}"
    named = _title_type(joined)
    return (joined, named) if named is not None and named[0] == "tax_invoice_receipt" else None


def _misread_title_type(text: str) -> str | None:
    """The type of a title with a letter or two misread so that no type word is whole in it
    ('חעשבונית עסקה'); asked only of cells shaped like a title (a few words, no digits: most cells
    near the top are names, addresses and values, not worth the comparison)."""
    words = text.split()
    if any(ch.isdigit() for ch in text) or len(words) > 4:
        return None
    # ... or a misread title OCR joined to the name printed beside it, its last words ('Levante
    # Distribuciones shactura simplificada')
    tails = (" ".join(words[-count:]) for count in (2, 3) if len(words) > count)
    return misread_type(text) or next(filter(None, map(misread_type, tails)), None)


def _misread_rest(text: str, bare: re.Match[str]) -> bool:
    """'חשבונית מפ/קבלה': a bare invoice word and letters after it that a specific title would have
    read ('מס/קבלה' with one letter misread), not a bare 'חשבונית' (near 'חשבונית מס' by itself)."""
    return sum(ch.isalpha() for ch in text[bare.end() :]) >= 3


def _title_type(text: str) -> tuple[str, re.Match[str]] | None:
    """The type a cell names; where its type word lies inside a number label ('INVOICE Receipt No.
    37289'), or shares a word with one ('CASH RECEIPT Tax Invoice No.': the label's 'Invoice' ends the
    type 'Tax Invoice'), and another type word stands before the label, that one: it is the title."""
    named = type_of_cell(text)
    if named is None:
        return None
    spans = [label.span() for label in document_labels.INVOICE_NUMBER.finditer(text)]
    holding = [(start, end) for start, end in spans if start < named[1].end() and named[1].start() < end]
    if not holding:
        return named
    outside = text
    for start, end in spans:
        outside = outside[:start] + " " * (end - start) + outside[end:]
    title = type_of_cell(outside)
    # the title comes first, its number's label after it ('חשבונית זיכוימספר חשבונית 41622': OCR ran
    # the title into the label, and the type word after it is the label's own); a title whose last word
    # the label shares ('חשבונית מס קבלה מספר') is read whole, not cut to the part before the label
    start = min(holding[0][0], named[1].start())
    return title if title and title[1].start() < start else named


def _labels_a_value(text: str) -> bool:
    """'Rechnungsdatum: 29.06.24', 'Rechnungsbetrag 432,78': a date's or an amount's label that
    holds a type's word. A title outranks it whatever their print sizes (a scan's cell heights
    follow ascenders and descenders as much as the font). Number labels are not among them: a
    title often carries its number ('Reçu n° 4521')."""
    return any(
        pattern.search(text)
        for pattern in (document_labels.DATE_INVOICE, document_labels.DATE_DUE, labels.TOTAL_STRONG)
    )


_GENERIC = DOCUMENT_TYPES[-1][1]  # the plain invoice words ("invoice", "Rechnung", "חשבונית")
_NEAR_SIZE = 0.85  # print within this of the largest: the same title line, read in two cells


def specific_first(titles: list[Title]) -> list[Title]:
    """The titles with a more specific one first where the largest is a bare 'invoice' word ('ית
    חשבונית.', a label's fragment with hardly a letter besides) and a title of near the same print
    also holds that word in a specific type ('חשבונית מס קכלה', run into its number's label, whose
    digits shrink the cell's print): the bare word is part of that longer title or a label."""
    if len(titles) < 2 or titles[0][2] != "invoice":
        return titles
    line, index, _ = titles[0]
    cell = line.cells[index]
    word = _GENERIC.search(cell.text)
    if word is None or len(re.findall(r"[^\W\d_]", cell.text[: word.start()] + cell.text[word.end() :])) > 3:
        return titles
    for rank, (other, at, code) in enumerate(titles[1:], start=1):
        held = other.cells[at]
        if code != "invoice" and held.font >= _NEAR_SIZE * cell.font and _GENERIC.search(held.text):
            return [titles[rank], *titles[:rank], *titles[rank + 1 :]]
    return titles
