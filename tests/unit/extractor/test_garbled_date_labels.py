"""A long date label one letter off on a photo ('Rechnungsdarum' for Rechnungsdatum) still names its
date: the issue date under it wins over the delivery date printed first."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.garbled_labels import garbled_date_kind
from invoiceme_extractor.rules.lines import Line


def test_one_letter_off_long_labels() -> None:
    assert garbled_date_kind("Rechnungsdarum") == "invoice"
    assert garbled_date_kind("Lieferdatun") == "other"
    assert garbled_date_kind("Fälligkeitsdatun") == "due"
    assert garbled_date_kind("Lieterdanum") is None  # two letters off: nothing said
    assert garbled_date_kind("Rechnungsempfänger") is None


def test_the_garbled_issue_label_beats_the_first_date() -> None:
    texts = ["Beleg-Nr", "A196781", "Lieterdanum", "16.05.25", "Rechnungsdarum", "14.05.25"]
    issued, _ = find_dates([Line(text, 1, index) for index, text in enumerate(texts)], month_first=False)
    assert issued is not None and issued.value == "2025-05-14"
