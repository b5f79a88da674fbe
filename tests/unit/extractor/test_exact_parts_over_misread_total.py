"""A net and VAT read that agree to the cent through a rate decide the total when the total OCR
read is a misread of their sum; a text layer's total, cash rounding or another sum are kept."""

from __future__ import annotations

from invoiceme_extractor.rules.exact_parts import total_by_exact_parts
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Found, Line


def _line(text: str, index: int, confidence: float = 0.9) -> Line:
    cell = Cell(text=text, box=Box(0, index * 40, 600, index * 40 + 30), font=20, confidence=confidence)
    return Line(text, 1, index, cell.box, (cell,))


Case = tuple[dict[str, Found | None], dict[str, list[tuple[float, str, Line]]], list[Line]]


def _case(total_value: float, total_raw: str, confidence: float = 0.9, extra: str = "") -> Case:
    net = (17168.66, "17.168,66", _line("Base imponible 17.168,66", 0))
    vat = (1716.87, "1.716,87", _line("IVA (10%) 1.716,87", 1))
    total = (total_value, total_raw, _line(f"Importe total {total_raw}", 2, confidence))
    found = {"subtotal": [net], "vat": [vat], "total_plain": [total]}
    lines = [net[2], vat[2], total[2]] + ([_line(extra, 3)] if extra else [])
    result: dict[str, Found | None] = {
        "subtotal": Found(net[0], net[1], net[2], 0.8),
        "vat_amount": Found(round(total_value - net[0], 2), "", total[2], 0.6),
        "total": Found(total_value, total_raw, total[2], 0.8),
    }
    return result, found, lines


class TestExactPartsOverMisreadTotal:
    def test_the_parts_sum_replaces_a_misread_total(self) -> None:
        result, found, lines = _case(19885.7, "19.885.70")
        chosen = total_by_exact_parts(result, found, lines)
        total, vat = chosen["total"], chosen["vat_amount"]
        assert total is not None and total.value == 18885.53 and total.confidence < 0.8
        assert vat is not None and vat.value == 1716.87

    def test_a_text_layer_total_is_the_page_word(self) -> None:
        result, found, lines = _case(19885.7, "19.885,70", confidence=1.0)
        assert total_by_exact_parts(result, found, lines) is result

    def test_cash_rounding_and_another_sum_are_kept(self) -> None:
        result, found, lines = _case(18885.55, "18.885,55")
        assert total_by_exact_parts(result, found, lines) is result
        result, found, lines = _case(8885.53, "8.885,53")  # of another size: a balance after a payment
        assert total_by_exact_parts(result, found, lines) is result
        result, found, lines = _case(27551.36, "27.551,36")  # most digits differ: another sum
        assert total_by_exact_parts(result, found, lines) is result
        # the difference printed: a charge after the VAT ('Envío 1.000,17'), not a misread
        result, found, lines = _case(19885.7, "19.885.70", extra="Envío 1.000,17")
        assert total_by_exact_parts(result, found, lines) is result

    def test_a_vat_off_its_printed_rate_decides_nothing(self) -> None:
        result, found, lines = _case(19885.7, "19.885.70")
        net = found["subtotal"][0]
        found["subtotal"] = [(17168.0, "17.168,00", net[2])]
        assert total_by_exact_parts(result, found, lines) is result
