"""A date whose 'vom' qualifies another date's label in the cell before it ('ZUGFeRD-Version : |
2.1.1 vom 01.07.2020', a visualisation's header) dates that label's thing, not the document: the issue
date is the one the document's own line gives ('Nr. 471102 vom 05.03.2020')."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.lines import Line

from .wordbox import cells_line as _row


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
