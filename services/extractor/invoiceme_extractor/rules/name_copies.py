"""The issuer named again away from its header: the payee of the bank details ('Payable to: Acme
Ltd', 'לפקודת: אור סחר בעמ') is the issuer; and when the header's copy and the footer's differ by a
few letters OCR confused ('Rhein Softwarc' and 'Rhein Software'), the copy OCR read more surely is
kept; a Hebrew name with a word or two read as Latin debris ('AAI הנדסה Nya' for 'נגה הנדסה בעמ')
gives way to a copy read wholly in Hebrew whose other words are the same."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import replace

from ..text import HEBREW_LETTER
from . import party_labels
from .contact_words import NOT_A_NAME
from .id_context import DAMAGED_BAM
from .layout import Cell
from .lines import Found, Line, document_language
from .name_signs import PAYEE, compact, fold_lookalikes, payee_name
from .name_text import SEPARATORS, clean_name, cut_at_field_label

SAME_NAME = 0.75  # letters in common (difflib ratio) above which two readings are one name misread
SURER_BY = 0.1  # mean word confidence by which the other copy must be surer to replace the chosen one


def _payee_texts(line: Line) -> list[str]:
    """The names a line gives after a payee label: after a label opening the line (read on across
    cells small print split: 'Payable to: Sum | wit & Summit Lim | ited - IBAN'), in the label's
    cell, or in the next cell."""
    whole = payee_name(line.text)
    texts = [cell.text for cell in line.cells] or [line.text]
    found = [whole] if whole is not None else []
    for index, text in enumerate(texts):
        if PAYEE.fullmatch(text) and index + 1 < len(texts):
            found.append(texts[index + 1])
        elif (name := payee_name(text)) is not None:
            found.append(name)
        else:
            found.extend(_payee_after_bank(text))
    return found


def _payee_after_bank(text: str) -> list[str]:
    """'BRED BANQUE POPULAIRE – Titulaire du compte : NETPRESSE': a bank row names the bank, then
    the account's holder after a dash or a separator."""
    pieces = [piece for part in SEPARATORS.split(text) for piece in _SPACED_DASH.split(part)]
    return [name for piece in pieces[1:] if (name := payee_name(piece)) is not None]


_SPACED_DASH = re.compile(r"\s[-–]\s")  # 'Acme Ltd - Bank 12' as OCR reads a '·' between two parts


def plausible_name(name: str, hebrew_page: bool) -> bool:
    """Words of the page's script, no digits, a few words: not OCR debris ('MD Pox' read off a
    Hebrew payee) nor a row of details."""
    letters = sum(ch.isalpha() for ch in name)
    return (
        letters >= 3
        and not any(ch.isdigit() for ch in name)
        and len(name.split()) <= 6
        and (not hebrew_page or bool(HEBREW_LETTER.search(name)))
        and not NOT_A_NAME.search(name)
    )


def payee(lines: list[Line]) -> Found | None:
    """The name after a payee label, as the issuer's."""
    hebrew_page = document_language(lines) == "he"
    for line in lines:
        for text in _payee_texts(line):
            head = _SPACED_DASH.split(SEPARATORS.split(text)[0])[0]
            name = clean_name(cut_at_field_label(head))
            if plausible_name(name, hebrew_page):
                return Found(name, text, line, 0.8)
    return None


def _cell_reading(line: Line, raw: str) -> tuple[str, float] | None:
    """(text, confidence) of the cell of `line` that holds `raw`."""
    for cell in line.cells:
        if raw[:8] and raw[:8] in cell.text:
            return cell.text, cell.confidence
    return None


@functools.lru_cache(maxsize=4096)  # every cell's head, asked by surer_copy and again by _hebrew_copy
def _name_head(text: str) -> str:
    """The name a cell begins with: 'אור סחר בעמ · דרך הים 4' -> 'אור סחר בעמ'."""
    return clean_name(cut_at_field_label(SEPARATORS.split(PAYEE.sub("", text))[0]))


# A Hebrew word OCR read as Latin look-alikes: a few letters, maybe a stray sign ('AAI', 'Nya', 'Mw)',
# '"yn': a large-print letter's stroke read as a quote)
_LATIN_DEBRIS = re.compile(r"[\"'“”]?[^\W\d_\u05d0-\u05ea]{1,4}[).'*]?")
_HEBREW_WORD = re.compile(r"[\u05d0-\u05ea][\u05d0-\u05ea\"'.]*")
_LONE_DIGIT = re.compile(r"\d")


def _debris_words(name: str) -> list[bool] | None:
    """Per word of `name`, whether it is Latin debris; None unless `name` is Hebrew words mixed with
    debris (then no other text can be its Hebrew reading: asked once per name, not per cell)."""
    words = name.split()
    debris = [bool(_LATIN_DEBRIS.fullmatch(word)) for word in words]
    # a lone digit after debris: a stroke of the same large-print word ('NAD 4' for 'נגה')
    debris = [
        is_debris or (i > 0 and debris[i - 1] and _LONE_DIGIT.fullmatch(words[i]) is not None)
        for i, is_debris in enumerate(debris)
    ]
    if not any(debris) or all(debris):
        return None
    if not all(
        is_debris or _HEBREW_WORD.fullmatch(word) for word, is_debris in zip(words, debris, strict=True)
    ):
        return None
    return debris


def hebrew_copy_of_debris(name: str, head: str) -> bool:
    """Whether `head` is `name` read wholly in Hebrew: `name` mixes Hebrew words with Latin debris, and
    word by word `head` has the same Hebrew words and a Hebrew word where `name` has debris (a run
    of debris words for one: OCR splits a large-print word it read as Latin, 'ATA "yn' for 'הדר'; a
    debris word before the name with no word of the copy for it: a logo's). A Hebrew word may differ
    from the copy's by look-alike letters: the copy, read wholly in Hebrew, is taken as it reads."""
    debris = _debris_words(name)
    if debris is None:
        return False
    words, others = name.split(), head.split()
    if len(words) != len(others):
        kept = [i for i, is_debris in enumerate(debris) if not (is_debris and i > 0 and debris[i - 1])]
        words, debris = [words[i] for i in kept], [debris[i] for i in kept]
    if len(words) == len(others) + 1 and debris[0] and len(others) >= 2:
        words, debris = words[1:], debris[1:]  # a logo's debris before the name ('"pe ארבל ...')
    if len(words) != len(others):
        return False
    for word, other, is_debris in zip(words, others, debris, strict=True):
        if not _HEBREW_WORD.fullmatch(other):
            return False
        if not is_debris and fold_lookalikes(compact(_whole_bam(word))) != fold_lookalikes(
            compact(_whole_bam(other))
        ):
            return False  # the same word, but for a look-alike letter ('ברמל' for the footer's 'כרמל')
    return True


def _whole_bam(word: str) -> str:
    """בע"מ as printed, where OCR damaged its gershayim ('בע'ימ'): one copy reads it whole, one not."""
    return DAMAGED_BAM.sub('בע"מ', word)


def _other_heads(vendor: Found, lines: list[Line]) -> Iterator[tuple[Cell, str, Line]]:
    """Every cell off the chosen name's own line, with the name it begins with (`_name_head`)."""
    for line in lines:
        if line.index == vendor.line.index:
            continue
        for cell in line.cells:
            yield cell, _name_head(cell.text), line


def _same_script(one: str, other: str) -> bool:
    return bool(HEBREW_LETTER.search(one)) == bool(HEBREW_LETTER.search(other))


def _hebrew_copy(vendor: Found, lines: list[Line]) -> tuple[float, str, str, Line] | None:
    """Another line's copy of a Hebrew name partly read as Latin debris (`hebrew_copy_of_debris`)."""
    # the name as read, debris and all, where the name kept dropped it ('wna מערכות בע'ימ')
    name = vendor.value if _debris_words(vendor.value) is not None else vendor.raw
    if _debris_words(name) is None:
        return None  # most names: no copy could be one
    for cell, head, line in _other_heads(vendor, lines):
        if hebrew_copy_of_debris(name, head):
            return cell.confidence, head, cell.text, line
    return None


# '&' between two words: a firm's name ('Summit & Summit'), not a person's
_FIRM_AMPERSAND = re.compile(r"\w\s*&\s*\w")


# A legal form OCR split after its first letter ('Rhein Technik G mbH'): read joined
_SPLIT_FORM = re.compile(r"(?<=\s\w)\s+(?=\w+$)")


# A word naming a line of business ('North Systems', 'Atlas Works'): a firm's name, never a person's
_TRADE_WORD = re.compile(
    r"\b(?:systems|logistics|consulting|supplies|solutions|technolog(?:y|ies)|services|partners|foods|"
    r"industries|engineering|labs|works|holdings|construction)\b",
    re.I,
)


def _a_firm(name: str) -> bool:
    return bool(
        party_labels.COMPANY_SUFFIX.search(_SPLIT_FORM.sub("", name))
        or party_labels.BUSINESS_WORD.search(name)
        or _FIRM_AMPERSAND.search(name)
        or _TRADE_WORD.search(name)
    )


def payee_over_header(vendor: Found | None, paid: Found | None) -> Found | None:
    """The firm the bank details pay (`payee`), over a header name that is another party's: when OCR
    lost the customer's label, the customer's block reads like an issuer's; the account holder is the
    issuer whatever the layout. A person as the holder (a sole trader's own name) is never taken over one."""
    if paid is None or not _a_firm(paid.value):
        return vendor
    if vendor is None:
        return paid
    chosen, holder = compact(vendor.value), compact(paid.value)
    if (
        chosen.startswith(holder[:5])
        or holder.startswith(chosen[:5])
        or difflib.SequenceMatcher(None, chosen, holder).ratio() >= SAME_NAME
    ):
        return vendor  # the same name (cut short, or misread): the header's reading stays
    joined = _SPLIT_FORM.sub("", paid.value)
    name = joined if not party_labels.COMPANY_SUFFIX.search(paid.value) and _a_firm(joined) else paid.value
    return replace(paid, value=name, confidence=min(vendor.confidence, 0.6))


def surer_copy(vendor: Found | None, lines: list[Line]) -> Found | None:
    """The chosen name, or another line's copy of it (most letters alike, not the same) that OCR
    read with clearly more confidence."""
    if vendor is None or vendor.line.index >= len(lines):
        return vendor
    letters = compact(vendor.value)
    own = _cell_reading(lines[vendor.line.index], vendor.raw)
    if own is None or len(letters) < 5:
        return vendor
    best: tuple[float, str, str, Line] | None = None
    for cell, head, line in _other_heads(vendor, lines):
        other = compact(head)
        if not other or other == letters or not _same_script(head, vendor.value):
            continue
        if len(head.split()) != len(vendor.value.split()):
            continue  # a copy cut short (its legal form in another cell) or logo debris before one
        alike = difflib.SequenceMatcher(None, letters, other).ratio()
        if alike >= SAME_NAME and cell.confidence >= own[1] + SURER_BY:
            if best is None or cell.confidence > best[0]:
                best = (cell.confidence, head, cell.text, line)
    if best is None:
        best = _hebrew_copy(vendor, lines)
    if best is None:
        return vendor
    _, head, text, line = best
    return replace(vendor, value=head, raw=text, line=line, confidence=min(vendor.confidence, 0.8))
