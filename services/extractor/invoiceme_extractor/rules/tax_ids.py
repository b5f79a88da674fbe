"""The vendor's tax id: every id-shaped token on the page is a candidate, scored, the best one wins.

Scores add up evidence that holds on any layout: a tax-id label beside or above the token, a shape
and check digit of a VAT number (EU) or a 9-digit Israeli id, not in the customer's block, early on
the page (the issuer's header) or in the footer. The ranked list is kept as the field's alternatives.
"""

from __future__ import annotations

import re

from invoiceme_common.tax_id_formats import eu_vat_well_formed, vat_number_valid

from .. import israel
from . import party_labels
from .blocks import CellRef, party_cells
from .contact_words import PHONE
from .garbled_labels import GARBLED_CUSTOMER
from .id_candidates import TaxIdCandidate, printed_twice_first, with_copies_joined
from .id_context import (
    beside_bank_details,
    ocr_unsure,
    under_another_party,
    under_issuer_name,
)
from .id_repair import (
    ein_from_lookalikes,
    id_from_lookalikes,
    id_from_regrouped,
    id_from_sign,
    id_from_split,
    israeli_id_after_letters,
    lookalike_ids,
    repair_israeli_id,
)
from .id_shapes import id_tokens, shape_score
from .labelled_ids import customer_block_ids, customer_labelled, garbled_labelled, labelled
from .lines import Found, Line, Reading, document_language
from .repair import may_be_misread
from .vat_numbers import normalize_tax_id, repaired_unchecked
from .vat_repair import read_unsure, repair_vat_digits, repair_vat_lookalike

# A label's strength (`labelled_ids`) from which it is a tax-id label beside the token, not an id word
_BESIDE_ID_LABEL = 1.5
# The id shares its block with the bank account to pay into: the issuer's block (id_context)
_BESIDE_BANK = 0.75
# An id under a customer label OCR damaged by one letter: as good as the customer's
_GARBLED_CUSTOMER = 2.0
# The same id stands under a customer's id label elsewhere on the page: the customer's, wherever
# else it is printed (stronger than any label the copy itself has)
_NAMED_THE_CUSTOMERS = 3.0
# A repaired id is evidence, but weaker than one read whole (2.0)
_SHAPELESS_BESIDE_VAT = 1.5
_REPAIRED_SHAPE = 1.5


# '77-4495437' under 'FEIN': a US employer id as printed; no check digit, but its grouping is its own
_EIN_GROUPING = re.compile(r"[1-9]\d-\d{7}")
_EIN_SHAPE = 1.5


def _in_block(line: Line, raw: str, block: frozenset[CellRef] | set[CellRef]) -> bool:
    return any((line.index, i) in block and raw in cell.text for i, cell in enumerate(line.cells))


# An id label in words no lexicon has ("Business ID", "Firm No."): a word for "id/number" in the cell
_ID_WORD = re.compile(r"\b(?:[i1l|]d|no|nr|number|num|reg|nº|n°)\b\.?|#|מס'|מספר", re.I)


def _unlabelled(lines: list[Line]) -> list[tuple[str, Line, float]]:
    """Id-shaped tokens without a known label; one whose cell names some id or number ('Business
    ID 514321678') counts as weakly labelled (a phone or the customer's does not)."""
    found: list[tuple[str, Line, float]] = []
    for line in lines:
        for cell_text in [cell.text for cell in line.cells] or [line.text]:
            if party_labels.BUYER_BLOCK.search(cell_text):
                continue  # "ח.פ. לקוח 511630683", "Customer VAT ...": the customer's id
            named = _ID_WORD.search(cell_text) and not PHONE.search(cell_text)
            found.extend((raw, line, 1.0 if named else 0.0) for raw in id_tokens(cell_text, generic=False))
    return found


def _allocation_number(line: Line, raw: str) -> bool:
    """The token is an allocation number: its cell names one, or it fills a cell beside one's label
    (judged by cell, so 'מס' הקצאה: | 728627101 | ח.פ. 091953802' keeps the company's id)."""
    if not line.cells:
        return bool(party_labels.ALLOCATION.search(line.text))
    for index, cell in enumerate(line.cells):
        if raw not in cell.text:
            continue
        if party_labels.ALLOCATION.search(cell.text):
            return True
        if not any(ch.isalpha() for ch in cell.text.replace(raw, "")):
            neighbours = line.cells[max(0, index - 1) : index] + line.cells[index + 1 : index + 2]
            if any(party_labels.ALLOCATION.search(other.text) for other in neighbours):
                return True
    return False


# "Kundennummer", "Customer No.", "מס' לקוח": the customer's own number at the customer's side
_CUSTOMER_NUMBER = re.compile(
    r"kunden\s*-?\s*(?:nr|nummer)|(?:customer|client)\s*(?:no|number|id|#|nr)|n[°ºo]\.?\s*(?:de\s*)?client|"
    r"num[ée]ro\s*(?:de\s*)?client|מס['\s]*לקוח|מספר\s*לקוח",
    re.I,
)


def _beside_customer_number(lines: list[Line], line: Line) -> bool:
    """The id's line is stacked right under or over a customer-number line, edges aligned
    ('Kundennummer: K0100077603 / USt-IdNr.: DE199952957'): the customer's references, its id."""
    if line.box is None:
        return False
    for other in lines[max(0, line.index - 1) : line.index + 2]:
        if other is line or other.page != line.page or other.box is None:
            continue
        slack = 2 * max(line.box.height, 1.0)
        aligned = min(abs(other.box.left - line.box.left), abs(other.box.right - line.box.right)) <= slack
        if aligned and _CUSTOMER_NUMBER.search(other.text) and not _CUSTOMER_NUMBER.search(line.text):
            return True
    return False


def unlabelled_id_plausible(value: str, shape: float, hebrew: bool, where_issuer_prints: bool) -> bool:
    """Whether a number with no tax-id label may still be the vendor's id: it must look like one. A
    bare 9-digit Israeli id counts on a Hebrew page; on a page in another language (an Israeli
    business's English invoice under a label we do not know) only when its check digit holds and it
    sits where the issuer prints its own details (header, footer, seller block): elsewhere a 9-digit
    number is as likely an order or account number (a random one passes the check 1 time in 10)."""
    if shape < 1.5:
        return False
    if israel.is_israeli_id_shape(value) and not hebrew:
        return where_issuer_prints and israel.israeli_id_is_valid(value)
    return True


def tax_id_candidates(
    lines: list[Line],
    buyer_lines: set[int],
    seller: frozenset[CellRef] | set[CellRef] = frozenset(),
    issuer_name: str | None = None,
    customer_ids: frozenset[str] = frozenset(),
) -> list[TaxIdCandidate]:
    """Every id-shaped token with its score, best first. `lines` have the customer's cells removed;
    `buyer_lines` are whole lines of a customer block on pages without word boxes; `seller` the
    cells of the issuer's block; `customer_ids` ids the page labels as the customer's."""
    page_one = [line for line in lines if line.page == lines[0].page] if lines else []
    last_index = max((line.index for line in page_one), default=0)
    # a bare 9-digit number is an Israeli id only on a Hebrew document (elsewhere: any number)
    hebrew = document_language(lines) == "he"
    # a customer's block whose label OCR damaged by a letter ('פרטי לקותח'): not removed as an exact
    # label's block is, but its ids count against it
    garbled_customer = party_cells(lines, GARBLED_CUSTOMER)
    best: dict[str, TaxIdCandidate] = {}
    read_on: dict[str, set[int]] = {}  # the lines each id is read on
    readings = [(*reading, False) for reading in labelled(lines) + _unlabelled(lines)]
    readings += [(*reading, True) for reading in garbled_labelled(lines)]
    # a VAT number on the page that passes its check: a number of no tax id's shape is some other
    # registration ('Company No. 40120968' beside 'IE2200717F'), whatever its label
    vat_on_page = any(vat_number_valid(normalize_tax_id(raw)) for raw, *_ in readings)
    for raw, line, label_score, weak_label in readings:
        value = normalize_tax_id(raw)
        if hebrew and (israeli := israeli_id_after_letters(raw)) is not None:
            value = israeli
        digits = sum(ch.isdigit() for ch in value)
        if digits < 6 or line.index in buyer_lines or _allocation_number(line, raw):
            continue
        # only on Hebrew documents: elsewhere a 9-digit id may be one with no check digit (a US EIN)
        repaired = repair_israeli_id(value) if hebrew and value[:1] != "0" else None
        if lookalike_ids(raw) and not eu_vat_well_formed(value):  # 'ES B93934481' is no damaged id
            if hebrew:
                repaired = id_from_lookalikes(raw)
            else:
                # beside a label: an EIN, or an Israeli id with a sign read for a digit
                repaired = (ein_from_lookalikes(raw) or id_from_sign(raw)) if label_score else None
            if repaired is None:
                continue  # a word or code of id length, not an id OCR damaged
        elif not hebrew and (regrouped := id_from_regrouped(raw)) is not None:
            if label_score == 0:
                continue  # digit groups joined make an id by chance 1 time in 10: only by a label
            repaired = regrouped
        elif " " in raw and (split := id_from_split(raw)) is not None:
            if not hebrew or label_score == 0:
                continue  # two numbers side by side make an id by chance 1 time in 10: only by a label
            repaired = split
        if repaired is None and may_be_misread(line) and (vat := repair_vat_lookalike(value)) is not None:
            repaired = vat  # a text layer prints what it holds: a number made up for an example
        if repaired is None and read_unsure(line, raw) and (vat := repair_vat_digits(value)) is not None:
            repaired = vat
        value = repaired or value
        beside_label = label_score >= _BESIDE_ID_LABEL  # 'ת.ז. 013427703': an id, a person's
        shape = _REPAIRED_SHAPE if repaired else shape_score(value, raw, beside_label)
        if not hebrew and label_score > 0 and _EIN_GROUPING.fullmatch(raw.strip()):
            shape = max(shape, _EIN_SHAPE)  # a US EIN has no check digit to fail
        # the issuer's header (top) and footer (bottom of page 1) carry its ids
        header_or_footer = line.index < 12 or line.index > last_index - 6
        in_seller_block = _in_block(line, raw, seller)
        if label_score == 0 and not unlabelled_id_plausible(
            value, shape, hebrew, header_or_footer or in_seller_block
        ):
            continue
        score = label_score + shape + (0.5 if header_or_footer else 0.0) - 0.01 * line.index
        score -= _SHAPELESS_BESIDE_VAT if vat_on_page and shape == 0 else 0.0
        score += 1.5 if in_seller_block else 0.0
        score -= _GARBLED_CUSTOMER if _in_block(line, raw, garbled_customer) else 0.0
        score -= 1.0 if _beside_customer_number(lines, line) else 0.0
        score += 0.75 if under_issuer_name(lines, line, issuer_name, raw) else 0.0
        score -= 1.5 if under_another_party(lines, line, issuer_name) else 0.0
        score += _BESIDE_BANK if beside_bank_details(lines, line) else 0.0
        score -= _NAMED_THE_CUSTOMERS if value in customer_ids else 0.0
        read_on.setdefault(value, set()).add(line.index)
        if value not in best or score > best[value].score:
            best[value] = TaxIdCandidate(
                value, raw, line, score, repaired is not None, label_score > 0, weak_label
            )
    kept = with_copies_joined(printed_twice_first(list(best.values()), read_on))
    return sorted(kept, key=lambda candidate: -candidate.score)


def confidence_of(ranked: list[TaxIdCandidate]) -> float:
    top = ranked[0].score
    margin = top - ranked[1].score if len(ranked) > 1 else top
    base = 0.45 + 0.1 * min(top, 5.0)
    return round(min(0.97, base + (0.05 if margin >= 1.5 else -0.1 if margin < 0.5 else 0.0)), 2)


def _same_token(candidate: TaxIdCandidate, found: Found) -> bool:
    line, other = candidate.line, found.line
    return (line.page, line.index) == (other.page, other.index) and candidate.raw == found.raw


# An id changed from what OCR read (a digit its check digit chose, a letter read as a digit that no
# check digit confirms) is a guess, however strong its label
_REPAIRED = 0.8
# An Israeli id on a Hebrew page that fails its check digit is most likely misread
_FAILED_CHECK_DIGIT = 0.7
# A bare valid 9-digit number on a page in another language: likely the id, worth a look
_UNLABELLED_ELSEWHERE = 0.6


def find_vendor_tax_id(
    lines: list[Line],
    buyer_lines: set[int],
    seller: frozenset[CellRef] | set[CellRef] = frozenset(),
    issuer_name: str | None = None,
    all_lines: list[Line] | None = None,
    allocation: Found | None = None,
    customers: frozenset[str] | None = None,
) -> Found | None:
    """`lines`: the page without the customer's blocks; `all_lines` with them (the customer's own
    id labels there name ids that are not the vendor's); `allocation`: the allocation number found
    by its label (under 'מספר אישור הקצאה' it has an id's nine digits), a token no id is read from;
    `customers`: `customer_labelled` of all the lines when the caller has it already."""
    customer_ids = (
        customers
        if customers is not None
        else frozenset(customer_labelled(all_lines if all_lines is not None else lines))
    )
    if all_lines is not None and len(all_lines) == len(lines):
        customer_ids |= customer_block_ids(all_lines, lines)
    ranked = [
        candidate
        for candidate in tax_id_candidates(lines, buyer_lines, seller, issuer_name, customer_ids)
        if allocation is None or not _same_token(candidate, allocation)
    ]
    if not ranked:
        return None
    best = ranked[0]
    alternatives = tuple(Reading(c.value, round(c.score, 2), c.raw, c.line) for c in ranked[:5])
    guessed = (
        best.repaired
        or best.weak_label
        or repaired_unchecked(best.raw, best.value)
        or ocr_unsure(best.line, best.raw)
    )
    confidence = min(confidence_of(ranked), _REPAIRED) if guessed else confidence_of(ranked)
    hebrew = document_language(lines) == "he"
    if not best.labelled and not hebrew:
        confidence = min(confidence, _UNLABELLED_ELSEWHERE)
    if israel.is_israeli_id_shape(best.value) and not israel.israeli_id_is_valid(best.value):
        if hebrew:  # a misread digit, most likely: the check digit fails
            confidence = min(confidence, _FAILED_CHECK_DIGIT)
    return Found(best.value, best.raw, best.line, confidence, alternatives)
