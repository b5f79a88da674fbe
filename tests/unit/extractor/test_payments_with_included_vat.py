"""A receipt whose total row OCR lost, under a table of payments and a VAT it says is included (a
fresh draw's Spanish photo, seed 41): the payments' sum is the total where the VAT is, to the cent,
a rate's share of it (the VAT line is no total); a VAT that is no such share confirms nothing."""

from __future__ import annotations

from invoiceme_common.events import OcrPage
from invoiceme_extractor.rules import extract_with_rules

from .wordbox import ocr_page, ocr_words


def _receipt(vat: str, total: str = "") -> OcrPage:
    rows = [
        [("Montana Logistica SL", 60), ("TICKET", 1300)],
        [("Avenida de la Constitucion 124, 64167 Valencia", 60), ("C301368", 1300)],
        [("Fecha: 28.05.2024", 1000)],
        [("CIF ESG78727997", 60)],
        [("Recibido de: Levante Logistica SL", 60)],
        [("Por la factura: 12023", 60)],
        [("Forma de pago", 60), ("Banco", 300), ("Sucursal", 450), ("Cuenta", 650), ("Fecha", 1000),
         ("Importe", 1300)],
        [("Transferencia", 60), ("20", 300), ("27.06.2024", 1000), ("5.710,83 EUR", 1300)],
        [("Cheque", 60), ("31", 300), ("429", 450), ("1422033", 650), ("27.07.2024", 1000),
         ("5.710,83 EUR", 1300)],
        [("Transferencia", 60), ("11", 300), ("27.06.2024", 1000), ("5.710,84 EUR", 1300)],
        *([[("Total a pagar", 1000), (total, 1300)]] if total else []),
        [("IVA incl.", 1000), (f"{vat} EUR", 1300)],
        [("Firma", 60)],
    ]  # fmt: skip
    words = [w for i, row in enumerate(rows) for text, x in row for w in ocr_words(text, x, 100 + 40 * i, i)]
    return ocr_page(words)


def test_the_payments_sum_is_the_total_the_included_vat_confirms() -> None:
    extraction = extract_with_rules([_receipt("2.973,41")])
    assert (extraction.total, extraction.vat_amount, extraction.vat_rate) == (17132.50, 2973.41, 0.21)


def test_a_vat_that_is_no_rates_share_of_the_sum_confirms_nothing() -> None:
    extraction = extract_with_rules([_receipt("2.900,00")])
    assert extraction.vat_rate is None
    assert extraction.confidence.get("total", 0.0) <= 0.5


def test_a_labelled_total_the_vat_does_not_confirm_gives_way_to_the_payments() -> None:
    # 'Gesamt brutto 13.652,07' for 73.052,07 (two digits misread; a fresh draw's scan, seed 44)
    extraction = extract_with_rules([_receipt("2.973,41", total="11.132,50")])
    assert extraction.total == 17132.50


def test_a_labelled_total_the_vat_confirms_stands() -> None:
    # the payments are a part of the total (an instalment): the total and its VAT agree on their own
    extraction = extract_with_rules([_receipt("3.187,05", total="18.363,47")])
    assert extraction.total == 18363.47


_RECEIVED = """Cedar Supplies LLC
RECEIPT 4296567
Received from: Blue Trading Group
Method Bank Branch Account Cheque No. Date Amount
Transfer 20 5 26.07.24 2,467.70
Card 31 26.07.24 2,467.70
Total {total}
"""


def test_a_total_read_as_the_tail_of_the_payments_sum_is_that_sum() -> None:
    # 'סה"כ 5.40 , ₪4' for 4,935.40 (a fresh draw's Hebrew scan, seed 46): its head lost
    assert extract_with_rules([(1, _RECEIVED.format(total="5.40"))]).total == 4935.40
    assert extract_with_rules([(1, _RECEIVED.format(total="6.40"))]).total == 6.40  # no tail of it
