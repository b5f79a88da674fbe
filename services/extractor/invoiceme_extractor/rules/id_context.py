"""Context that tells an id-shaped token apart: bank accounts look like VAT numbers, and the block an
id sits in (under the issuer's name, or under another company's) says whose it is."""

from __future__ import annotations

import re

from stdnum import iban

from invoiceme_common.tax_id_formats import vat_number_valid

from . import party_labels
from .contact_words import STREET
from .lines import Line

# An IBAN after its label, or any run of IBAN shape ("DE89 3704 0044 0532 0130 00")
_IBAN_RUN = r"[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![A-Za-z0-9])"
# (its I lost or read as 1, l or |: 'BAN DE21 9735 6735')
_IBAN_AFTER_LABEL = re.compile(rf"(?<![A-Za-z])[I1l|]?BAN\b\s*[:.]?\s*{_IBAN_RUN}", re.I)
_IBAN_SHAPE = re.compile(rf"(?<![A-Za-z0-9]){_IBAN_RUN}")
# ... or printed in its groups of four, cut where the page's line ends ('GB24 5535 5137' over the rest):
# no VAT number is grouped so, unless it passes its country's check as a whole
_IBAN_GROUPED = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?(?![A-Za-z0-9])"
)


# A bank's routing or account number after its label ('Bank ABA 880910914 Account 8744020251'): a US
# routing number has an id's nine digits, and neither is the issuer's tax id
_BANK_NUMBER = re.compile(
    r"(?<!tax )\b(?:ABA|routing(?:\s*(?:no|number))?|sort\s*code|account(?:\s*(?:no|number))?|acct"
    r"|konto(?:nummer)?|BLZ)\b\.?\s*[:#]?\s*\d[\d\s-]{5,}\d",
    re.I,
)


def _blank_unless(keep: bool, match: re.Match[str]) -> str:
    return match.group(0) if keep else " " * len(match.group(0))


def without_bank_accounts(text: str) -> str:
    """The text with bank account numbers blanked: an IBAN's country prefix and digits look like a
    VAT number ("IBAN DE76 3056 9480 ..." is no 'DE763056948'), so neither a labelled account nor a
    run that passes the IBAN check may be read as a tax id."""
    text = _BANK_NUMBER.sub(lambda match: " " * len(match.group(0)), text)
    if "IBAN" not in text.upper() and not _IBAN_SHAPE.search(text):
        return text
    text = _IBAN_AFTER_LABEL.sub(lambda match: " " * len(match.group(0)), text)
    text = _IBAN_SHAPE.sub(lambda match: _blank_unless(not iban.is_valid(match.group(0)), match), text)
    return _IBAN_GROUPED.sub(
        lambda match: _blank_unless(vat_number_valid(match.group(0).replace(" ", "")), match), text
    )


# An IBAN's label and what OCR read of the account after it, however damaged ('IBAN 11.55 3385 2868')
_ACCOUNT_AFTER_IBAN = re.compile(r"(?<![A-Za-z])[I1l|]?BAN\b\s*[:.]?\s*(?:[A-Z]{2})?[\d\s.]*", re.I)


def without_iban_digits(text: str) -> str:
    """The text with an IBAN's label and the digits after it blanked: a damaged account's groups
    ('11.55 3385 2868') are no amount of the 'Payable to:' line that prints them."""
    return (
        _ACCOUNT_AFTER_IBAN.sub(lambda match: " " * len(match.group(0)), text)
        if "BAN" in text.upper()
        else text
    )


# בע"מ as OCR damages its gershayim ('בעי\'ימ', 'בעיימ', 'בע\'מ'): yods and marks between בע and מ
DAMAGED_BAM = re.compile(r"(?<![\u05d0-\u05ea])בע[\"'׳״י]{0,4}[מם](?![\u05d0-\u05ea])")


def _words(text: str) -> set[str]:
    return set(re.sub(r"[^\w]+", " ", text.casefold()).split())


def name_words(name: str) -> set[str]:
    """The words that tell a company from another: its legal form (Ltd, e.K., בע"מ, read whole or
    damaged) is shared by half the companies on an invoice, the issuer and its customer alike."""
    return _words(_without_legal_forms(name))


def _without_legal_forms(text: str) -> str:
    return DAMAGED_BAM.sub(" ", party_labels.COMPANY_SUFFIX.sub(" ", text))


def names_issuer(text: str, issuer_name: str) -> bool:
    """The text prints the issuer's name: every distinctive word of it, or most of them (the name
    as read may carry a logo's initials, OCR may have damaged a word), and no other company's: a
    legal form after a word the issuer's name lacks ('Rhein Service e.K.' beside 'Rhein Technik
    e.K.') names a sister company. Of a two-word name one word counts only before a legal form."""
    name = name_words(issuer_name) or _words(issuer_name)
    shared = name & _words(text)
    if shared == name:
        return True
    before = _words_before_legal_forms(text)
    if any(word not in name for word in before):
        return False
    if len(name) <= 2:
        return bool(shared) and bool(before)
    return len(shared) >= round(len(name) * 2 / 3)


_LETTERS = re.compile(r"[^\W\d_]+")


def _words_before_legal_forms(text: str) -> list[str]:
    """The word a company's legal form follows ('Service' of 'Rhein Service e.K.', 'Food' of 'Star
    Food Sdn Bhd'), for each one."""
    found = []
    for pattern in (party_labels.COMPANY_SUFFIX, DAMAGED_BAM):
        for match in pattern.finditer(text):
            words = _LETTERS.findall(_without_legal_forms(text[: match.start()]))
            if words:
                found.append(words[-1].casefold())
    return found


def under_issuer_name(lines: list[Line], line: Line, issuer_name: str | None, raw: str = "") -> bool:
    """The issuer's name is printed on the id's line or at most two lines above it, over the id
    (their spans overlap) and in print not much smaller than the id's: the issuer's block (a footer, a
    letterhead). A return-address line in small print over a recipient's block ('Acme Ltd · 12 Main
    St'), or a name in another column, does not head the id's block."""
    if not issuer_name or len(issuer_name) < 4:
        return False
    cell = next((cell for cell in line.cells if raw and raw in cell.text), None)
    id_box = cell.box if cell is not None else line.box
    for other in lines[max(0, line.index - 2) : line.index + 1]:
        if other.page != line.page or not names_issuer(other.text, issuer_name):
            continue
        if line.box is None or other.box is None or id_box is None:
            return True
        if other.box.height >= 0.8 * line.box.height and other.box.x_overlap(id_box) > 0:
            return True
    return False


def under_another_party(lines: list[Line], line: Line, issuer_name: str | None) -> bool:
    """A company's name other than the issuer's heads the id's block (up to three lines above, in
    print as large as the id's): a recipient's block without a label, as letters print it."""
    if not issuer_name or len(issuer_name) < 4:
        return False
    for other in lines[max(0, line.index - 3) : line.index]:
        if other.page == line.page and _bare_name_over_address(lines, other, line, issuer_name):
            return True
        if other.page != line.page or not party_labels.COMPANY_SUFFIX.search(other.text):
            continue
        if names_issuer(other.text, issuer_name) or party_labels.TAX_ID.search(other.text):
            return False  # the issuer's own block, or an id line of the block above
        if not _words_before_legal_forms(other.text):
            continue  # a legal form heading its line names no company: a name wrapped from above
        if line.box is None or other.box is None or other.box.height >= 0.8 * line.box.height:
            return True
    return False


def _bare_name_over_address(lines: list[Line], name: Line, id_line: Line, issuer_name: str) -> bool:
    """'כרמל מערכות' / 'רחוב ז'בוטינסקי 117' / 'באר שבע' / 'ח"פ: …': a name of a few words (no digits,
    no label; with or without a legal form, which the check above needs) that is not the issuer's,
    over nothing but a postal address (a street, then perhaps a town) down to the id: a recipient's
    block printed without a label. The issuer's own block under a tagline carries its phone too."""
    words = name.text.split()
    if not 1 <= len(words) <= 4 or any(ch.isdigit() or ch == ":" for ch in name.text):
        return False
    address = lines[name.index + 1 : id_line.index]
    if not address or not STREET.search(address[0].text) or not all(map(_postal, address)):
        return False
    labels = (party_labels.TAX_ID, party_labels.BUYER_BLOCK, party_labels.SELLER_BLOCK)
    return not any(label.search(name.text) for label in labels) and not names_issuer(name.text, issuer_name)


def _postal(line: Line) -> bool:
    """A street's line, or a town's (a few words without digits)."""
    town = len(line.text.split()) <= 3 and not any(ch.isdigit() for ch in line.text)
    return town or bool(STREET.search(line.text))


# OCR's confidence in an id's word below which the id is a guess: the OCR repaired it from its
# second choice for a digit (id_choices keeps that choice's weight, 0.5-0.7), or barely read it
_OCR_UNSURE = 0.72


def ocr_unsure(line: Line, raw: str) -> bool:
    """The id's word was read (or repaired) by OCR with little confidence."""
    return any(raw in cell.text and cell.number_confidence < _OCR_UNSURE for cell in line.cells)


# Where the invoice tells how to pay: an account is always the issuer's (the customer pays into it)
_BANK_DETAILS = re.compile(
    r"\bIBAN\b|\bBIC\b|\bSWIFT\b|\bRIB\b|bankverbindung|bank\s*(?:account|details|transfer)|"
    r"coordonn[ée]es\s*bancaires|cuenta\s*bancaria|(?<![\u05d0-\u05ea])(?:ב|ל)?(?:בנק|חשבון\s*בנק)(?![\u05d0-\u05ea])",
    re.I,
)
_BANK_WINDOW = 3  # lines either side of an id that still belong to its block


def beside_bank_details(lines: list[Line], line: Line) -> bool:
    """The id's block (its line, or up to three lines either side on its page) tells where to pay:
    the issuer's details, on any layout, while a customer's block never carries the account."""
    window = lines[max(0, line.index - _BANK_WINDOW) : line.index + _BANK_WINDOW + 1]
    return any(other.page == line.page and _BANK_DETAILS.search(other.text) for other in window)
