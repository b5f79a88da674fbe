"""Who issued the invoice: the vendor's name, kept apart from the customer's."""

from __future__ import annotations

import re

from . import document_labels, labels, party_labels
from .contact_words import CONTINENTAL_STREET, NOT_A_NAME, STREET
from .damaged_titles import cropped_type, misread_title
from .dates import dates_in
from .full_names import spelled_out
from .geometry import looks_like_label
from .legal_footer import LEGAL_STATEMENT, bare_legal_form, heads_legal_statement, name_after_office_label
from .lines import Found, Line, Reading, document_language, following
from .monograms import name_of_monogram, without_monogram
from .name_domains import address_names, spelled_by_address
from .name_signs import compact, reads_as_phrase, repeated_elsewhere
from .name_text import (
    LEADING_MARKS,
    LOGO_BRACKET,
    REMARK,
    clean_name,
    cut_at_field_label,
    heads_contact_row,
    row_parts,
)
from .name_units import name_units
from .receipt_vendor import (
    OWNER,
    SECOND_COMPANY,
    named_as_company,
    named_as_owner,
    receipt_name_signs,
    registration_under,
    under_issuer_header,
)
from .seller_block import seller_block_name
from .titled_issuer import name_after_title
from .titles import DOCUMENT_TYPES


def buyer_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines that describe the customer (a few lines after 'Bill to' / 'לכבוד'), on pages
    without word boxes (with boxes, `blocks.party_cells` removes the customer's cells instead)."""
    inside: set[int] = set()
    for line in lines:
        if line.cells:
            continue
        if party_labels.BUYER_BLOCK.search(line.text) and not party_labels.TAX_ID.search(line.text[:3]):
            for nxt in [line, *following(lines, line, 4)]:
                if nxt is not line and party_labels.SELLER_BLOCK.search(nxt.text):
                    break
                inside.add(nxt.index)
    return inside


def _strip_title(text: str) -> str:
    """'Acme Ltd   INVOICE' (OCR joined the title to the name) -> 'Acme Ltd'."""
    for _, pattern in DOCUMENT_TYPES:
        text = pattern.sub(" ", text)
    return " ".join(text.split()).strip(" :-|/")


def _short_hebrew_name(text: str) -> bool:
    """'גל', 'אל': Hebrew brands of two letters (a logo word; only in large print, see below)."""
    return bool(re.fullmatch(r"\s*[\u05d0-\u05ea]{2}\s*", text))


# Latin letters in runs of one or two, nothing else but marks: no word of a name ('Acme', 'Ltd')
_LATIN_CRUMBS = re.compile(r"\W*(?:[A-Za-z]{1,2}\W+)*[A-Za-z]{1,2}\W*")


def _name_score(line: Line, position: int, lines: list[Line]) -> float:
    text = line.text
    if (
        REMARK.fullmatch(text)
        or NOT_A_NAME.search(text)
        or dates_in(text)
        or document_labels.INVOICE_NUMBER.search(text)
    ):
        return -1
    letters = sum(ch.isalpha() for ch in text)
    if letters < (2 if _short_hebrew_name(text) else 3) or sum(ch.isdigit() for ch in text) > letters:
        return -1
    if _LATIN_CRUMBS.fullmatch(text) and re.search(r"[A-Za-z]{2}", text):
        # 'N VV': a logo's strokes OCR read as letters, no word a name is made of (a name printed
        # letter-spaced, 'S T U D I O', is single letters only)
        return -1
    if any(pattern.fullmatch(text.strip(" :")) for _, pattern in DOCUMENT_TYPES):
        return -1
    if len(text.split()) <= 3 and any(
        pattern.fullmatch("".join(text.split())) for _, pattern in DOCUMENT_TYPES
    ):
        return -1  # a title in letter-spaced capitals, as OCR splits it ('REC HNUNG', 'Factu ra')
    titled = any(pattern.search(text) for _, pattern in DOCUMENT_TYPES) or bool(cropped_type(text))
    if misread_title(text):
        return -1
    if titled and (len(_strip_title(text)) < 3 or not party_labels.COMPANY_SUFFIX.search(text)):
        return -1  # a title ("Sales Receipt"), not a name glued to one ("Acme Ltd INVOICE")
    if looks_like_label(text):
        return -1
    if LEGAL_STATEMENT.search(text) or bare_legal_form(text):
        return -1  # 'Siège social : ...', or 'Sarl' left of 'Sarl au capital de 10 000€': no name
    if (
        party_labels.TAX_ID.match(text)
        or party_labels.BUYER_BLOCK.search(text)
        or party_labels.SELLER_BLOCK.fullmatch(text.strip(": "))
    ):
        return -1
    if any(
        p.match(text)
        for p in (
            document_labels.DATE_INVOICE,
            document_labels.DATE_DUE,
            document_labels.INVOICE_NUMBER,
            labels.SUBTOTAL,
        )
    ):
        return -1
    if document_labels.DATE_OTHER.match(text) and not party_labels.COMPANY_SUFFIX.search(text):
        return -1  # another date's label ('Leistungs|datum', 'תקופת השירות': a service period), no name
    score = 2.0 - min(position * 0.25, 2.9)  # far from the top only with a company suffix
    if party_labels.COMPANY_SUFFIX.search(text):
        score += 3
    elif CONTINENTAL_STREET.search(text):
        return -1
    elif party_labels.BUSINESS_WORD.search(text):
        score += 1
    elif sum(ch.isdigit() for ch in re.sub(r"\([^)]*\)", "", text)) >= 3:
        score -= 2  # addresses and reference lines carry numbers; names rarely do ("Acme (1998)" may)
    beside = lines[line.index].text.replace(text, " ") if line.index < len(lines) else ""
    if (party_labels.TAX_ID.search(beside) and not party_labels.BUYER_BLOCK.search(beside)) or any(
        party_labels.TAX_ID.search(n.text) for n in following(lines, line, 2)
    ):
        score += 1  # the issuer's tax id under its name, or beside it ('Acme Group | VAT Reg. No. GB96...')
    if text.isupper() and letters > 4:
        score += 0.5
    return score


def _before_buyer_label(line: Line) -> Line | None:
    """'Acme Ltd      Bill To: Client Co' (two columns joined): the part before the customer's label."""
    match = party_labels.BUYER_BLOCK.search(line.text)
    if match is None or match.start() <= 3:
        return None
    return Line(line.text[: match.start()].strip(), line.page, line.index)


UNSURE_NAME = 0.5  # a chosen name's confidence under which the bank details' payee is taken instead


def _font_bonus(relative_font: float) -> float:
    """Issuers print their name larger than the body text (logos, header bands)."""
    return max(-0.5, min(2.5, (relative_font - 1.0) * 2.5))


# a name its page's e-mail or web address spells ('CRONUS DE', info@cronus.com): more than the
# customer block's first place above the issuer's own (on Business Central's letters, measured: 2.0
# turned SROIE's 'MYNEWS RETAIL SB' over a mall's name, 3.0 that letter too; no name lost)
ADDRESS_NAME = 3.0
FOOTER_NAME = 2.0  # a name over the company's legal statement: nearly as sure as a legal form
SIGNED_ROW = 4  # the position a name heading a row of its contact details is scored at, at most


def _contact_part(text: str) -> bool:
    return bool(
        NOT_A_NAME.search(text)
        or _HOUSE_NUMBER.match(text)
        or _POSTCODE_TOWN.match(text)
        or STREET.search(text)
        or party_labels.TAX_ID.search(text)
    )


# the town a word, not a code's letters ('5710768 ESA95490603': a number beside a tax id)
_POSTCODE_TOWN = re.compile(r"^\W*\d{4,7}\s+[^\W\d]{3,}(?!\d)")
_HOUSE_NUMBER = re.compile(r"^\d{1,4}[a-z]?\s+[^\W\d]")  # '126 Market Street', cut short or not: '126 M'
# '109, SS21/1A,', 'No. 9, Jalan 16/11': a house number and a comma open a street address's row
_NUMBER_COMMA = re.compile(r"^\W*(?:no\.?\s*)?\d{1,4}[a-z]?\s*,\s*[^\W_]", re.I)


def _first_address_row(first_page: list[Line]) -> int:
    """Position of the first street or postcode-and-town row (len(first_page) when there is none)."""
    for position, line in enumerate(first_page):
        if _POSTCODE_TOWN.match(line.text) or STREET.search(line.text) or _NUMBER_COMMA.match(line.text):
            return position
    return len(first_page)


WEAK_NAME = 0.8  # the most a name is trusted on its place and print alone


def _surely_named(line: Line, lines: list[Line], first_page: list[Line], paid: Found | None) -> bool:
    """A cue beyond place and print marks the chosen line as a company's name: a legal form or trade
    word, the footer's legal statement under it, its tax id beside or under it, a second copy on the
    page, or the bank details' payee of the same name. Without one ('FACTUUR.' in large print at the
    top was taken so), the name may as well be a title, a slogan or the customer's."""
    name = compact(clean_name(line.text))
    return bool(
        party_labels.COMPANY_SUFFIX.search(line.text)
        or party_labels.BUSINESS_WORD.search(line.text)
        or heads_legal_statement(line, lines)
        or any(party_labels.TAX_ID.search(n.text) for n in [lines[line.index], *following(lines, line, 2)])
        or repeated_elsewhere(name, line.index, first_page)
        or (paid is not None and len(name) >= 3 and compact(paid.value) == name)
    )


def _is_company(text: str) -> bool:
    return bool(party_labels.COMPANY_SUFFIX.search(text))


def _closes_header(text: str) -> bool:
    """The issuer's tax id, or the document's title, printed under its name and address."""
    return bool(party_labels.TAX_ID.search(text)) or any(p.search(text) for _, p in DOCUMENT_TYPES)


def _legal_name_of_brand(scored: list[tuple[float, int, Line]]) -> tuple[float, int, Line]:
    """The best-scored name, or the legal name that opens with it when it names no company itself
    ('Nandos.' in a logo's print over "Nando's Chickenland Malaysia Sdn Bhd"): the same issuer,
    named in full."""
    best = scored[0]
    brand = compact(clean_name(best[2].text))
    if len(brand) < 4 or _is_company(best[2].text):
        return best
    for candidate in scored[1:]:
        if _is_company(candidate[2].text) and compact(clean_name(candidate[2].text)).startswith(brand):
            return best[0], candidate[1], candidate[2]  # as sure as the brand: two readings of one name
    return best


def find_vendor_name(lines: list[Line], paid: Found | None) -> Found | None:
    """The issuer's name from its header; `paid` (name_copies.payee: the bank details' payee, looked
    up once per document by the caller) stands in when no header line reads as a name, or only unsurely."""
    found = seller_block_name(lines)
    if found:
        return found
    buyer = buyer_lines(lines)
    first_page = [line for line in lines if line.page == lines[0].page][:60] if lines else []
    scored = []
    address_row = _first_address_row(first_page)
    spelled = address_names(lines)
    page_texts = [line.text for line in first_page]
    over_address: tuple[float, int, Line] | None = None
    for position, unit, font in name_units(first_page, document_language(lines) == "en"):
        if _short_hebrew_name(unit.text) and font < 1.5:
            continue  # two letters in body print: a word or OCR debris, not a logo
        line = unit
        if line.index in buyer:
            seller_part = _before_buyer_label(line)
            if seller_part is None:
                continue
            line = seller_part
        # "Acme GmbH ● Street 12 ● 12345 Town": score the part that names the company
        parts = row_parts(line.text, _contact_part)
        best_part = max(parts, key=lambda part: bool(party_labels.COMPANY_SUFFIX.search(part)))
        best_part = LOGO_BRACKET.sub("", LEADING_MARKS.sub("", best_part))
        best_part = name_after_title(without_monogram(best_part))
        best_part = name_after_office_label(best_part)
        part_line = Line(cut_at_field_label(best_part), line.page, line.index)
        # 'Acme Ltd · 12 Main St · Tel 03-555': the issuer signs a row of its contact details (a
        # letter's sender row, a footer), wherever it is on the page: scored as if near the top
        row = lines[line.index].text if line.index < len(lines) else line.text
        signed = best_part == parts[0] and heads_contact_row(parts, row, _contact_part)
        # 'NETPRESSE' over 'Siège social : ...': the footer names the company its legal lines are about
        footer = heads_legal_statement(line, lines)
        score = _name_score(part_line, min(position, SIGNED_ROW) if signed or footer else position, lines)
        if footer and score > 0:
            score += FOOTER_NAME
        if position == address_row - 1 and not reads_as_phrase(part_line.text):
            heading = _name_score(part_line, SIGNED_ROW, lines)
            over_address = (heading + _font_bonus(font), -position, part_line) if heading > 0 else None
        if score > 0:  # the registration bracket is cut from part_line: read on the whole part
            score += receipt_name_signs(best_part, above_address=position < address_row)
            if position + 1 < len(first_page):
                above = first_page[position - 1].text if position else ""
                score += registration_under(first_page[position + 1].text, above)
                score -= OWNER if named_as_owner(above) else 0.0
        if reads_as_phrase(part_line.text):
            score -= 2
        elif score > 0 and repeated_elsewhere(compact(clean_name(part_line.text)), line.index, first_page):
            score += 1  # the issuer signs its header and its footer; a customer is named once
        if position > address_row and not footer and not party_labels.COMPANY_SUFFIX.search(part_line.text):
            score -= 0.75  # the issuer's name heads its address; a line under the address is a town
            if len(part_line.text.split()) == 1:
                score -= 1.25  # one word under the address: its region or town ('Selangor'), in large print
        if score > 0 and spelled and spelled_by_address(part_line.text, spelled):
            score += ADDRESS_NAME
        if score > 0 and under_issuer_header(
            page_texts, position, address_row, named_as_company, _closes_header
        ):
            score -= SECOND_COMPANY
        if score > 0:
            scored.append((score + _font_bonus(font), -position, part_line))
    if not scored and paid is None and over_address is not None:
        # no name near the top: the one heading the page's first address, where the layout set the
        # issuer's block (mid-page, under a grid of the document's facts)
        scored = [over_address]
    if not scored:
        return paid  # a page that names its issuer only in its bank details
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    score, _, line = _legal_name_of_brand(scored)
    name = clean_name(_strip_title(line.text))
    alternatives = tuple(
        Reading(clean_name(_strip_title(c[2].text)), round(c[0], 2), c[2].text, c[2]) for c in scored[:5]
    )
    sure = _surely_named(line, lines, first_page, paid)
    confidence = min(0.9 if sure else WEAK_NAME, 0.45 + 0.1 * score)
    if confidence < UNSURE_NAME and paid is not None:
        return paid  # no surer name than the payee's (an account holder may be a person: never over one)
    if not name:
        return None
    return name_of_monogram(spelled_out(Found(name, line.text, line, confidence, alternatives), lines), lines)
