"""The issuer's name written out in full: a logo's word or a brand chosen as the name is extended
to the full form printed elsewhere on the page (a footer row, the line of the issuer's tax id)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..text import HEBREW_LETTER
from . import party_labels
from .contact_words import NOT_A_NAME
from .lines import Found, Line
from .logo_words import folded_misreads, logo_word
from .name_copies import plausible_name
from .name_signs import compact, fold_lookalikes
from .name_text import SEPARATORS, clean_name, cut_at_field_label

# A logo's word: letter-spaced ('G RAN ITE', 'ה דר', as OCR splits it), one word in capitals (or
# split by OCR at a gap in its print: 'GARC IA'), or a Hebrew brand of two letters ('גל': the rules
# take one only in large print, parties._short_hebrew_name)
_LOGO_WORD = re.compile(
    r"^(?:(?:[^\W\d_]{1,3}\s+){1,}[^\W\d_]{1,3}|[^\W\d_a-z]{3,}(?:\s[^\W\d_a-z]{1,2})?|[\u05d0-\u05ea]{2})$"
)


# A logo's one word in capitals that OCR split where its letters are spaced ('G RANITE', 'NORD LICHT'):
# taken as a logo only where one word of the name written out spells it whole ('Granite', 'Nordlicht')
_SPLIT_CAPITALS = re.compile(r"^[A-ZÀ-ÖØ-Þ]+(?:\s+[A-ZÀ-ÖØ-Þ]+)+$")


def _first_word_spells(head: str, letters: str) -> bool:
    words = head.split()
    return bool(words) and folded_misreads(compact(words[0])) == folded_misreads(letters)


def _begins_with(head: str, letters: str) -> bool:
    """The head's first words spell `letters` exactly (accents and spaces aside; Hebrew letters of
    the same shape alike: a logo's 'ה רר' is the footer's 'הדר')."""
    letters = folded_misreads(letters)
    spelled = ""
    for word in head.split():
        spelled += folded_misreads(compact(word))
        if len(spelled) >= len(letters):
            return fold_lookalikes(spelled) == fold_lookalikes(letters)
    return False


# small print's S read as a dollar sign before a letter of a word or a legal form ('$.A.' for S.A.)
_DOLLAR_FOR_S = re.compile(r"\$(?=\.?[^\W\d_])")


def spelled_out(vendor: Found | None, lines: list[Line]) -> Found | None:
    """'G RAN ITE', 'G RANITE' or 'IBERICA' (a logo's word) and 'Granite Consulting | 126 Market Street' or
    'Ibérica Distribuciones S.L. | NIF ...' in the footer: the name written out where its first
    words spell the logo's letters."""
    if vendor is None:
        return vendor
    logo = vendor.value if _LOGO_WORD.match(vendor.value) else logo_word(vendor.value)
    split = logo is None and _SPLIT_CAPITALS.match(vendor.value) is not None
    logo = vendor.value if split else logo
    if logo is None:
        return vendor
    letters = compact(logo)
    for other in lines:
        if other.index == vendor.line.index:
            continue
        for text in [cell.text for cell in other.cells] or [other.text]:
            head = clean_name(cut_at_field_label(_DOLLAR_FOR_S.sub("S", SEPARATORS.split(text)[0])))
            words = re.sub(r"\(\d{4}\)", " ", head)  # a registration year is part of the name
            if len(head.split()) < 2 or NOT_A_NAME.search(head):
                continue
            if not _reads_as_words(words, vendor.value):  # not 'רימון "עוץ 'on חברה 527178230'
                continue
            if _begins_with(head, letters) and (not split or _first_word_spells(head, letters)):
                return replace(vendor, value=head, raw=text, confidence=min(vendor.confidence, 0.8))
            if (initial := _initial_misread(head, letters)) is not None:
                return replace(vendor, value=initial, raw=text, confidence=min(vendor.confidence, 0.7))
    return vendor


_SURE_LETTERS = 5  # a logo's letters after the first that the small print must spell exactly


def _initial_misread(head: str, letters: str) -> str | None:
    """'Sarcia Tecnologia S.A.' in a photo's footer for the logo's 'GARCIA': the small print's first
    letter misread, the rest spelling the logo's letters (five or more): the full name with the
    logo's initial."""
    first = compact(head.split()[0])
    if len(letters) <= _SURE_LETTERS or first == letters or first[1:] != letters[1:]:
        return None
    if not head[0].isalpha() or HEBREW_LETTER.match(head):
        return None
    initial = letters[0].upper() if head[0].isupper() else letters[0]
    return initial + head[1:]


UNSURE_NAME = 0.5  # a chosen name's confidence under which the name beside the tax id replaces it


def name_beside_tax_id(vendor: Found | None, tax_id: Found | None) -> Found | None:
    """'דקל' in the logo, 'דקל תקשורת | ח.פ. 538194234' in the footer: the name printed beside the
    issuer's tax id that begins with the chosen name is its full form (a brand in capitals, 'SOL',
    begins 'Sol Construcciones S.L.' too). With no name chosen, or one chosen unsurely (a page
    whose header carries only a logo), the name beside the tax id is the issuer's."""
    if tax_id is None:
        return vendor
    if vendor is None or vendor.confidence < UNSURE_NAME:
        return _name_on_tax_id_line(tax_id) or vendor
    if tax_id.line.index == vendor.line.index:
        return vendor
    texts = [cell.text for cell in tax_id.line.cells] or [tax_id.line.text]
    for text in texts:
        longer = clean_name(cut_at_field_label(text.replace(tax_id.raw, " ")))
        if longer.casefold().startswith(f"{vendor.value.casefold()} ") and _reads_as_words(
            longer[len(vendor.value) :], vendor.value
        ):
            return replace(vendor, value=longer, raw=text)
    return vendor


def _reads_as_words(extension: str, name: str) -> bool:
    """The extension of a name is words in the name's script (or a legal suffix), not OCR debris."""
    if party_labels.COMPANY_SUFFIX.search(extension):
        return True
    hebrew_name = bool(HEBREW_LETTER.search(name))
    words = extension.split()
    return bool(words) and all(
        sum(ch.isalpha() for ch in word) >= 2 and bool(HEBREW_LETTER.search(word)) == hebrew_name
        for word in words
    )


def _name_on_tax_id_line(tax_id: Found) -> Found | None:
    """'רימון ייעוץ מס חברה 527178230': the name before the tax id's label on its line; or, when the
    label opens its cell ('אלון בנייה | עוסק מורשה מס' 172-701-153'), the cell before it."""
    line = tax_id.line
    hebrew_page = bool(HEBREW_LETTER.search(line.text))
    texts = [cell.text for cell in line.cells] or [line.text]
    for position, text in enumerate(texts):
        if tax_id.raw not in text:
            continue
        label = party_labels.TAX_ID.search(text)
        if label is None:
            return None
        before = text[: label.start()]
        if label.start() < 3:
            if position == 0:
                return None
            text = texts[position - 1]
            before = text
        # the part right before the label ('Vista Partners Group | Co. Reg. No. ...': past the separator)
        name = clean_name(next((part for part in reversed(SEPARATORS.split(before)) if part.strip()), ""))
        if plausible_name(name, hebrew_page):
            return Found(name, text, line, 0.5)
    return None
