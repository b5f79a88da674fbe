"""A line of text without word boxes holding two date labels, each before its date ('Invoice Date:
05.01.2021 Due Date: 19.01.2021'): each label names its own date, so the issue date is not lost to
the due label that shares its line."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.date_label_kinds import labelled_parts
from invoiceme_extractor.rules.lines import document_lines


def _dates(text: str) -> tuple[str | None, str | None]:
    issued, due = find_dates(document_lines([(1, text)]), month_first=False)
    return (issued.value if issued else None, due.value if due else None)


class TestTwoDateLabelsOnATextLine:
    @pytest.mark.parametrize(
        "line",
        [
            "Invoice Date: 2021-01-05 Due Date: 2021-01-19",
            "Data wystawienia: 2021-01-05 Termin płatności: 2021-01-19",
        ],
    )
    def test_each_label_its_date(self, line: str) -> None:
        assert _dates(f"Invoice No: 117\n{line}\n") == ("2021-01-05", "2021-01-19")

    def test_one_label_is_one_part(self) -> None:
        assert labelled_parts("Due Date: 2021-01-19") == ["Due Date: 2021-01-19"]

    def test_the_date_inside_a_due_label_is_no_label(self) -> None:
        assert labelled_parts("Invoice Date: 5 Jan Due Date: 19 Jan") == [
            "Invoice Date: 5 Jan ",
            "Due Date: 19 Jan",
        ]
