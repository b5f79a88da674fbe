"""Date labels OCR joined into one cell ('Beleg-Nr. Belegdatum Fälligkeitsdatum Bestellnr.', the rule
between them read as dashes) over a row of values: each label's value is the one under its own words,
not the first under the joined cell (a dev photo gave the issue date as due and the due as issued)."""

from __future__ import annotations

from invoiceme_common.events import OcrPage
from invoiceme_extractor.rules import extract_with_rules
from tests.unit.extractor.wordbox import page


def _header(labels: str) -> list[OcrPage]:
    return [
        page(
            ("Bergmann Handel AG", 100, 200),
            ("RECHNUNG", 100, 600),
            (labels, 100, 850),
            ("549286", 100, 900),
            ("23.03.2025", 240, 900),
            ("22.05.2025", 400, 900),
            ("619622", 640, 900),
        )
    ]


def test_each_label_takes_the_date_under_its_words() -> None:
    result = extract_with_rules(_header("Beleg-Nr. Belegdatum Fälligkeitsdatum Bestellnr."))
    assert (result.invoice_date, result.due_date) == ("2025-03-23", "2025-05-22")


def test_with_a_rule_read_as_dashes_between_them() -> None:
    result = extract_with_rules(_header("Beleg-Nr. -—=—Belegdatum —=»=—_Fälligkeitsdatum Bestellnr."))
    assert result.due_date == "2025-05-22"
