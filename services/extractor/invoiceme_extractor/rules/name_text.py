"""A header line's text made into a name: registration numbers, labels and a second column that OCR
joined to it cut away."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

from . import document_labels, party_labels
from .contact_words import STREET, STREET_START
from .hebrew_ocr import without_latin_tail
from .layout import Cell
from .legal_footer import LEGAL_STATEMENT
from .name_signs import PAYEE

# Marks a logo or a rule left before the name ('/@ Dupont Batiment SA'): an '@' there is no e-mail
LEADING_MARKS = re.compile(r"^[^\w\s(\"'\u05f3\u05f4]+\s*")
# A logo beside the name read as an opening bracket and a letter ('(a Falken Technik e.K.'): no name
# opens a bracket on a lone letter it never closes
LOGO_BRACKET = re.compile(r"^\s*[(\[{][^\W\d_]?\s+(?=[^\W\d_])(?![^()\[\]{}]*[)\]}])")

# A line wholly in brackets is a remark under a label or a signature ('(Not to be used for payment
# remittance)' under 'Service Provider:', '(Authorized Signatory)'), never a name
REMARK = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*")

# After the legal suffix, a name ends: what follows without a word of its own is a registration
# number or OCR debris ("GARDENIA BAKERIES (KL) SDN BHD 7 139386 (").
_WORD = re.compile(r"[A-Za-z\u05d0-\u05ea]{3,}")
# A bracketed number closing the name: the company's registration ("99 SPEED MART S/B (519537-X)")
# (a year is part of the name: "נגה מזון (1998)"; a registration number has five digits or more,
# or a check letter after a dash: "519S37-X")
_OPENS_BRACKET = re.compile(r"\s*[(\[{]")
_TRAILING_BRACKETS = re.compile(r"\s*[(\[{]([^()\[\]{}]*)[)\]}]*\s*$")


# 'MYNEWS RETAIL SB (306295-X) FKA BISON STORES SB': the name the company had before is no part of it
_FORMERLY = re.compile(r"\s*[(\[]?\b(?:f\.?k\.?a|formerly)\b.*$", re.I)
# '(-58)306295': a registration number whose bracket OCR read in the wrong place (right-to-left order)
_MISPLACED_BRACKET = re.compile(r"\s*[(\[{][^()\[\]{}]{0,6}[)\]}]\s?\d{5,}\s*$")


# 'SDN BHD' (Sendirian Berhad) as OCR misreads it on a slip: 'SON BHD', 'SUN. BHD', 'SDN BHE', 'SDN BH',
# and closing the name, 'SDN BID', 'SDN BHL'. A closed legal form is given as printed, so the name
# matches the business's other invoices.
_SDN_BHD_MISREAD = re.compile(
    r"\b(?:S[OU0]N(\.?\s?)BH[DEO0]?|SDN(\.?\s?)(?:BH[EO0]?|B[HI][A-Z0-9](?=\W*$)(?<!BHD)))\b", re.I
)


# 'בע"ם': בע"מ's last letter read in its final form, as OCR writes a mem that ends a word
_BAM_FINAL_MEM = re.compile(r"(?<![\u05d0-\u05ea])בע([\"'״])ם(?![\u05d0-\u05ea])")


def mended_legal_form(text: str) -> str:
    """The name with a misread 'SDN BHD' or 'בע"ם' written as printed (in the name's own case).
    Applied to the chosen name only: which line is the name is judged on the text as read."""

    def printed(match: re.Match[str]) -> str:
        between = match.group(1) if match.group(1) is not None else match.group(2)
        form = f"SDN{between}BHD"
        return form if match.group(0).isupper() else form.title()

    return _BAM_FINAL_MEM.sub(r"בע\1מ", _SDN_BHD_MISREAD.sub(printed, text))


def trim_name(text: str) -> str:
    """A name without the registration number or debris printed after it."""
    text = _MISPLACED_BRACKET.sub("", _FORMERLY.sub("", text)) or text
    bracketed = _TRAILING_BRACKETS.search(text)
    if bracketed:
        digits = sum(ch.isdigit() for ch in bracketed.group(1))
        if digits >= 5 or (digits >= 4 and "-" in bracketed.group(1)):
            text = text[: bracketed.start()]
    suffixes = list(party_labels.COMPANY_SUFFIX.finditer(text))
    # a bracket right after the legal suffix holds the registration number, however OCR read it
    # ('ACME SDN BHD ( ju/SUSS-P)' for '(1051255-P)')
    tail = text[suffixes[-1].end() :] if suffixes else ""
    if suffixes and (not _WORD.search(tail) or _OPENS_BRACKET.match(tail)):
        text = text[: suffixes[-1].end()]
    return text.rstrip(" ({[").strip(" :-|,*=~#_")  # '*** SUNRISE BAKERY ***': a slip's decoration


# '(1998)' closing a Hebrew name as right-to-left OCR mirrors its brackets: ')1998', ')1998('
_MIRRORED_YEAR = re.compile(r"(?<=[\u05d0-\u05ea])\s[()]\s?((?:19|20)\d{2})\s?[()]?$")


# A seller's label before the name, closed by its colon (without one it may head a block: 'Supplier details')
_SELLER_LABEL = re.compile(rf"^\s*(?:{party_labels.SELLER_BLOCK.pattern})\s*[:\-]\s*", re.I)


@functools.lru_cache(maxsize=4096)  # pure; the name rules clean the same cells again (9 calls in 10)
def clean_name(text: str) -> str:
    text = re.sub(
        r"^(?:name|from|seller|supplier|vendor|שם\s*העסק|שם\s*הספק|ספק|מאת)\s*[:\-]\s*",
        "",
        text,
        flags=re.I,
    )
    text = _SELLER_LABEL.sub("", text)  # 'Sprzedawca: Acme S.A.', 'Fornitore: ...'
    text = PAYEE.sub("", text)  # 'Payable to: Acme Ltd'
    label = party_labels.TAX_ID.search(text)
    if label and label.start() > 3:
        text = text[: label.start()]
    return without_latin_tail(_MIRRORED_YEAR.sub(r" (\1)", trim_name(text)))


_FIELD_LABELS = (
    document_labels.INVOICE_NUMBER,
    document_labels.DATE_INVOICE,
    document_labels.DATE_DUE,
    party_labels.TAX_ID,
    party_labels.BUYER_BLOCK,
    LEGAL_STATEMENT,  # 'Free SAS au capital de 3.441.812 Euros': the name ends where the statement begins
)


@functools.lru_cache(maxsize=4096)  # pure; asked of every name candidate, often the same text again
def cut_at_field_label(text: str) -> str:
    """'North Partners GmbH Document No.' (two columns joined by OCR) -> 'North Partners GmbH'.
    Another date's label ('Ship Date', 'PO Date') stays whole: cut at its 'Date' it would read as a
    name ('Ship'), and whole it reads as the label it is."""
    if document_labels.DATE_OTHER.match(text) and not party_labels.COMPANY_SUFFIX.search(text):
        return text.strip(" :-|,")
    for pattern in _FIELD_LABELS:
        match = pattern.search(text)
        if match and match.start() > 3:
            if _qualifies_label(text[: match.start()], text[match.end() :]):
                return ""
            text = text[: match.start()]
    return text.strip(" :-|,")


_ONE_WORD = re.compile(r"\s*[^\W\d_]+\s*")
_CLOSING_COLON = re.compile(r"\s*\.?\s*:")


def _qualifies_label(head: str, rest: str) -> bool:
    """One word before a label that its colon closes ('Billing Date: 04/09/25', 'Tax Invoice No:'):
    the word is the label's own (which date, which number), the cell a label and its value, no name."""
    return (
        bool(_ONE_WORD.fullmatch(head))
        and bool(_CLOSING_COLON.match(rest))
        and not party_labels.COMPANY_SUFFIX.search(head)
    )


# '●', '|', a wide gap, or a run of underscores (a rule or a form's blank OCR read between two
# columns: 'García Construcciones SL ___ Destinatario')
SEPARATORS = re.compile(r"\s*(?:[●•|·]|_{2,})\s*|\s{3,}")
# A dash between spaces: the separator dot of a sender row as a photo's OCR reads it ('Acme AG -
# Gartenweg 5, 12345 Ort - Tel. ...'); split there only when a later part is contact details
_DASH_SEPARATOR = re.compile(r"\s+[-–]\s+")
_HOUSE_NUMBER_FIRST = re.compile(r"\d{1,4}[a-z]?,?\s+[^\W\d]", re.I)  # '137 Market Street', '12, Jalan'


def row_parts(text: str, is_contact: Callable[[str], bool]) -> list[str]:
    """The parts of a row its separators divide ('Acme Ltd · 12 Main St · Tel 03-555')."""
    parts = [part for part in SEPARATORS.split(text) if part] or [text]
    if len(parts) == 1:
        dashed = [part for part in _DASH_SEPARATOR.split(text) if part]
        if len(dashed) >= 2 and not is_contact(dashed[0]) and any(map(is_contact, dashed[1:])):
            return dashed
        # no separator printed (or OCR lost it): the company's legal form ends its name, its address
        # goes on ('אלון שירותים בעמ רחוב העצמאות 133 ירושלים')
        suffix = party_labels.COMPANY_SUFFIX.search(text)
        head, rest = (text[: suffix.end()], text[suffix.end() :].strip()) if suffix else (text, "")
        if rest and not is_contact(head) and is_contact(rest):
            return [head, rest]
        if not suffix and (split := _address_start(text)) is not None:
            head, rest = text[:split].strip(), text[split:]
            # a name: a word, no number ('NO. 20-A1 JALAN ...' is the address's own number)
            if (
                _WORD.search(head)
                and not re.search(r"\d", head)
                and not is_contact(head)
                and is_contact(rest)
            ):
                return [head, rest]
    return parts


def heads_contact_row(parts: list[str], row: str, is_contact: Callable[[str], bool]) -> bool:
    """Whether the first of a cell's `parts` heads a row of contact details: the cell's own parts go on
    with them ('Acme Ltd · 12 Main St'), or the cell is the first of its row (`row`, the whole row's
    text) and the row's other cells are ('רימון ייעוץ' | 'רחוב הברזל 141, הרצליה' in a footer)."""
    if len(parts) >= 2:
        return any(map(is_contact, parts[1:]))
    in_row = row_parts(row, is_contact)
    return len(in_row) >= 2 and in_row[0].strip() == parts[0].strip() and any(map(is_contact, in_row[1:]))


def _address_start(text: str) -> int | None:
    """Where a street address starts in a row that goes on from a name with no legal form and no
    separator ('רימון ייעוץ רחוב הברזל 141, הרצליה', 'Atlas Systems 137 Market Street, Dublin'): a
    street word opening the rest, or a house number before one; None when no word after the first does."""
    for match in re.finditer(r"(?<=\s)\S", text):
        rest = text[match.start() :]
        if STREET_START.match(rest) or (_HOUSE_NUMBER_FIRST.match(rest) and STREET.search(rest)):
            return match.start()
    return None


def suffix_joined(cells: list[Cell]) -> list[Cell]:
    """A row's cells with a cell holding only a company suffix joined to the cell just before it: a
    gap OCR saw before 'בע"מ' or 'Ltd.' ('גל מערכות | בעמ') split the name, and the suffix alone
    read as the best-named company on the page. Only across a gap of a few letters: far off, the
    suffix closes another column's name."""
    joined: list[Cell] = []
    for cell in cells:
        match = party_labels.COMPANY_SUFFIX.search(cell.text)
        bare = match is not None and not _WORD.search(cell.text[: match.start()] + cell.text[match.end() :])
        if joined and bare and joined[-1].box.x_gap(cell.box) <= 3 * max(cell.box.height, 1.0):
            joined[-1] = replace(joined[-1], text=f"{joined[-1].text} {cell.text.strip()}")
        else:
            joined.append(cell)
    return joined
