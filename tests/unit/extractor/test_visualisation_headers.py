"""The header ZUGFeRD and XRechnung visualisations print over a document: version lines whose 'vom'
dates the version ('ZUGFeRD-Version : | 2.1.1 vom 01.07.2020'), not the document, whose own line gives
its number and date after its type's code ('BUCHUNGSHILFE (751) Nr. 471102 vom 05.03.2020')."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.lines import Line

from .wordbox import cells_line as _row
from .wordbox import page


def _issued(*lines: Line) -> str | None:
    issued, _ = find_dates(list(lines), month_first=False)
    return None if issued is None else issued.value


def test_a_versions_vom_date_is_not_the_issue_date() -> None:
    header = (
        _row(0, ("ZUGFeRD-Version :", 0, 150), ("2.1.1 vom 01.07.2020", 170, 330)),
        _row(1, ("Stylesheet-Version:", 0, 150), ("2.0 vom 18.10.2018", 170, 330)),
    )
    own = _row(2, ("BUCHUNGSHILFE (751) Nr. 471102 vom 05.03.2020", 0, 420))
    assert _issued(*header, own) == "2020-03-05"


def test_a_vom_date_after_no_other_label_stays_the_issue_date() -> None:
    assert _issued(_row(0, ("Beleg :", 0, 80), ("2.1.1 vom 01.07.2020", 100, 260))) == "2020-07-01"


def test_the_number_after_a_document_types_code_whatever_the_type_is_called() -> None:
    for title in ("BUCHUNGSHILFE (751)", "Invoice information for accounting purposes (751)"):
        layer = page(
            ("Stylesheet-Version: 2.6 vom 10.11.2025", 100, 100),
            (f"{title} Nr. 471102 vom 05.03.2020", 100, 200),
            ("Verkäufer", 100, 300),
            ("Name: Lieferant GmbH", 100, 350),
            ("Bruttosumme 235,62", 100, 600),
        )
        extraction = extract_with_rules([layer])
        assert (extraction.invoice_number, extraction.invoice_date) == ("471102", "2020-03-05")
