"""A payment receipt's table of payments (a header naming the payment method, a dated row per
payment) whose total row OCR lost ('EPS vat ORFERTTI'): what was received is the payments' sum,
not the last instalment."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.payments import payments_received

_RECEIPT = """North Consulting Inc. CASH RECEIPT
Issue Date: 8th April 2025
Received from: Orion Supplies Co.
For invoice: 2040
Method Bank Branch Account Cheque No. Date Amount
Bank transfer 8th May 2025 7,313.79
Credit card 10 8th May 2025 7,313.79
EPS vat ORFERTTI
Signature
"""

_HEBREW = """גל ייעוץ קבלה - מקור
התקבל מאת: North Systems בע"מ
בגין חשבונית: 58989
אמצעי תשלום בנק סניף חשבון מס' צ'ק תאריך סכום
העברה בנקאית 26/07/24 17,679.65
צ'ק 10 110 364196 93649 24/09/24 17,679.65
צ'ק 12 240 2460386 98346 24/09/24 17,679.65
סה"כ לתשלום חח זי
חתימה
"""


class TestPaymentsTableSum:
    def test_the_payments_add_up_to_what_was_received(self) -> None:
        assert extract_with_rules([(1, _RECEIPT)]).total == 14627.58
        assert extract_with_rules([(1, _HEBREW)]).total == 53038.95

    def test_one_payment_is_no_table_to_sum(self) -> None:
        one = _RECEIPT.replace("Credit card 10 8th May 2025 7,313.79\n", "")
        assert payments_received(document_lines([(1, one)])) is None

    def test_a_printed_total_is_kept(self) -> None:
        printed = _RECEIPT.replace("EPS vat ORFERTTI", "Total incl. VAT 14,627.58 NIS")
        assert extract_with_rules([(1, printed)]).total == 14627.58
