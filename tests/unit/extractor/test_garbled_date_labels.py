"""A long date label one letter off on a photo ('Rechnungsdarum' for Rechnungsdatum, 'Lieferdafum'
for Lieferdatum) still names its date: the issue date under it wins over the delivery date printed
first, said as a guess (weaker than a label read whole). Short labels are never matched so loosely."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.date_label_kinds import date_kind
from invoiceme_extractor.rules.garbled_labels import garbled_date_kind
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_words


def test_one_letter_off_long_labels() -> None:
    assert garbled_date_kind("Rechnungsdarum") == "invoice"
    assert garbled_date_kind("Lieferdatun") == "other"
    assert garbled_date_kind("Fälligkeitsdatun") == "due"
    assert garbled_date_kind("Lieterdanum") is None  # two letters off: nothing said
    assert garbled_date_kind("Rechnungsempfänger") is None


def test_a_one_word_label_of_fourteen_letters_or_more_two_letters_off() -> None:
    assert garbled_date_kind("Fallgketsdatum") == "due"  # ä read as a, two letters dropped (a dev photo)
    assert garbled_date_kind("Leistungsdalun") == "other"
    assert garbled_date_kind("Rechnungsnummer") is None  # the number's label, not the date's
    assert garbled_date_kind("Leistungszeitraum") is None
    assert date_kind("Fallgketsdatum") == "due"


def test_an_issue_label_one_letter_off_is_a_weak_one() -> None:
    assert date_kind("Rechnungsdarum") == "weak"
    assert date_kind("Lieferdafum") == "other"
    assert date_kind("Invoice Dale:") == "weak"
    assert date_kind("Dalum") is None  # a short word is no label


def test_the_garbled_issue_label_beats_the_first_date_said_as_a_guess() -> None:
    rows = ["Beleg-Nr", "A196781", "Lieterdanum", "16.05.25", "Rechnungsdarum", "14.05.25"]
    words = [
        word for index, text in enumerate(rows) for word in ocr_words(text, 1500, 100 + 40 * index, index)
    ]
    issued, _ = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert issued is not None and issued.value == "2025-05-14" and issued.confidence < 0.9
