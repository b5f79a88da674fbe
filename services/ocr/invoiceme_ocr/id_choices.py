"""Israeli ids that still fail their check digit after the re-reads, settled by the engine's own
second choices.

One misread digit always makes a 9-digit ת.ז. / ע.מ. / ח.פ. fail its check, and at each position
exactly one digit makes it pass again, so the check alone leaves nine readings. Tesseract's LSTM
keeps, for every character it read, the other characters it weighed (`lstm_choice_mode`): on a dev
photo's '531200617' (printed 531200517) the 7th character was 6 at 0.88 with 5 at 0.70 beside it,
while no other position's passing digit was weighed at all. So a word is repaired only where the
engine itself weighed the passing digit, surely enough, at exactly one position; the repaired word
keeps the weight of that second choice as its confidence (it is a guess, and says so).
"""

from __future__ import annotations

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .digits import rebuild
from .long_numbers import ISRAELI_ID, number_in, passes_check_digit
from .symbol_reads import SymbolChoices

MIN_SECOND_CHOICE = 0.5  # a passing digit weighed less than this is no evidence
MAX_PER_PAGE = 3  # crops read per page (one Tesseract call each)
ISSUED_FIRST_DIGITS = "01235"  # identity numbers 0-3, companies and partnerships 5


def failing_ids(words: list[OcrWord]) -> list[int]:
    """Indexes of words that are a 9-digit Israeli id failing its check digit."""
    found = []
    for index, word in enumerate(words):
        match = number_in(word.text)
        if (
            match
            and ISRAELI_ID.fullmatch(match["number"])
            and not passes_check_digit(match["number"].replace("-", ""))
        ):
            found.append(index)
    return found


def passing_digit(digits: str, position: int) -> str:
    """The one digit at `position` that makes the 9 digits pass their check digit."""
    return next(d for d in "0123456789" if passes_check_digit(digits[:position] + d + digits[position + 1 :]))


def repaired_by_choices(digits: str, symbols: list[SymbolChoices]) -> tuple[str, float] | None:
    """(the id, the weight of the choice that repaired it) when the crop was read as the same 9
    digits and exactly one position's passing digit was weighed by the engine (at least
    MIN_SECOND_CHOICE) and gives an issuable id; None otherwise."""
    if len(symbols) != len(digits) or "".join(s[0][0] if s else "" for s in symbols) != digits:
        return None  # the crop read otherwise: its choices are about other characters
    found = []
    for position, choices in enumerate(symbols):
        wanted = passing_digit(digits, position)
        weight = max((w for ch, w in choices[1:] if ch == wanted), default=0.0)
        repaired = digits[:position] + wanted + digits[position + 1 :]
        if weight >= MIN_SECOND_CHOICE and repaired[0] in ISSUED_FIRST_DIGITS:
            found.append((repaired, weight))
    return found[0] if len(found) == 1 else None


def with_repaired_word(page: OcrPage, index: int, symbols: list[SymbolChoices]) -> OcrPage:
    """The page with word `index` repaired by its choices (`repaired_by_choices`), else unchanged."""
    word = page.words[index]
    match = number_in(word.text)
    if match is None:
        return page
    number = match["number"]
    result = repaired_by_choices(number.replace("-", ""), symbols)
    if result is None:
        return page
    digits, weight = result
    repaired = iter(digits)
    new_number = "".join(next(repaired) if ch.isdigit() else ch for ch in number)
    text = match["before"] + new_number + match["after"]
    words = list(page.words)
    words[index] = word.model_copy(update={"text": text, "confidence": min(word.confidence, weight)})
    return rebuild(page, words, "id repaired by the engine's second choice")
