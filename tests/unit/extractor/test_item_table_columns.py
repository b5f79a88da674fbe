"""An item table read by its header's columns: the item's name is the text under the description
column, on its row and on the lines wrapped right under it (an article number, a unit code or a VAT
rate on the row is no part of it), and its amount is the money under the line total's column, even
where the layout set that a little lower than the row's other cells."""

from __future__ import annotations

from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.line_items import find_line_items
from invoiceme_extractor.rules.lines import Line

_HEIGHT = 30.0


def _line(index: int, top: float, *cells: tuple[str, float]) -> Line:
    boxed = tuple(
        Cell(text, Box(left, top, left + 14 * len(text), top + _HEIGHT), _HEIGHT) for text, left in cells
    )
    box = boxed[0].box
    for cell in boxed[1:]:
        box = box.union(cell.box)
    return Line(" ".join(cell.text for cell in boxed), 1, index, box, boxed)


_HEADER = (
    ("Pos", 100),
    ("Beschreibung", 300),
    ("Nettopreis", 700),
    ("Menge", 900),
    ("USt.", 1050),
    ("Betrag", 1200),
)


def test_the_name_is_the_description_column_over_its_wrapped_lines() -> None:
    lines = [
        _line(0, 100, *_HEADER),
        _line(
            1,
            150,
            ("1", 100),
            ("Kunstrasen", 300),
            ("3,3333", 700),
            ("3 m²", 900),
            ("19 %", 1050),
            ("10,00", 1230),
        ),
        _line(2, 180, ("KR3M", 120), ("grün 3m", 300)),
        _line(3, 210, ("breit", 300)),
        _line(4, 300, ("Bruttopreis: 4,0000 Abschlag: 0,6667", 300)),
        _line(
            5,
            400,
            ("2", 100),
            ("Schweinesteak", 300),
            ("5,5000", 700),
            ("5 kg", 900),
            ("7 %", 1050),
            ("27,50", 1230),
        ),
    ]
    items = find_line_items(lines)
    assert [(item.description, item.amount) for item in items] == [
        ("Kunstrasen grün 3m breit", 10.0),
        ("Schweinesteak", 27.5),
    ]


def test_a_total_set_under_its_row_is_the_rows_amount() -> None:
    lines = [
        _line(0, 100, *_HEADER),
        _line(1, 150, ("1", 100), ("Physiotherapie", 300), ("26,00", 700), ("10", 900), ("0 %", 1050)),
        _line(2, 182, ("260,00", 1230)),
        _line(3, 300, ("2", 100), ("Hausbesuch", 300), ("12,00", 700), ("10", 900), ("0 %", 1050)),
        _line(4, 332, ("120,00", 1230)),
    ]
    items = find_line_items(lines)
    assert [(item.description, item.amount) for item in items] == [
        ("Physiotherapie", 260.0),
        ("Hausbesuch", 120.0),
    ]


def test_a_row_without_a_name_takes_the_name_set_just_above_it() -> None:
    header = (
        ("Ligne", 100),
        ("Désignation", 300),
        ("P.U. HT", 900),
        ("Qté", 1050),
        ("TOTAL HT", 1200),
        ("TVA", 1400),
    )
    lines = [
        _line(0, 100, *header),
        _line(1, 178, ("FOURNITURES DIVERSES - Description", 300)),
        _line(
            2,
            200,
            ("2", 100),
            ("# BC: 3", 150),
            ("10,00", 900),
            ("PCE", 980),
            ("3,00", 1050),
            ("30,00", 1230),
            ("20,00%", 1400),
        ),
        _line(3, 222, ("Date début : 01/01/2022", 300)),
        _line(4, 300, ("APPEL - Description", 300)),
        _line(
            5,
            302,
            ("3", 100),
            ("# BC: 2", 150),
            ("5,00", 900),
            ("PCE", 980),
            ("1,00", 1050),
            ("5,00", 1230),
            ("20,00%", 1400),
        ),
    ]
    items = find_line_items(lines)
    assert [(item.description, item.amount) for item in items] == [
        ("FOURNITURES DIVERSES - Description Date début : 01/01/2022", 30.0),
        ("APPEL - Description", 5.0),
    ]


def test_a_header_over_two_lines_names_the_columns_of_both() -> None:
    lines = [
        _line(0, 100, ("Unsere", 200), ("Menge", 900), ("Preis/", 1050)),
        _line(
            1, 135, ("Pos Art.Nr.", 100), ("Artikelbeschreibung", 300), ("Einheit", 1050), ("Entgelt", 1300)
        ),
        _line(
            2, 200, ("1 KR3M", 100), ("Kunstrasen grün", 300), ("3,00", 900), ("4,00", 1050), ("12,00", 1300)
        ),
        _line(
            3, 300, ("2 SFK5", 100), ("Schweinesteak", 300), ("5,000", 900), ("5,50", 1050), ("27,50", 1300)
        ),
    ]
    items = find_line_items(lines)
    assert [(item.description, item.amount) for item in items] == [
        ("Kunstrasen grün", 12.0),
        ("Schweinesteak", 27.5),
    ]


def test_a_side_panels_label_level_with_the_header_is_no_header_line() -> None:
    header = (("#", 100), ("Beschreibung", 200), ("Stk.", 700), ("E-Preis", 850), ("Gesamt", 1000))
    lines = [
        _line(0, 100, *header),
        _line(1, 135, ("Tel.", 1400)),
        _line(2, 170, ("1", 100), ("Toner", 200), ("3", 700), ("123,67", 850), ("371,01", 1000)),
        _line(3, 200, ("Netto", 1400)),
        _line(
            4,
            240,
            ("2", 100),
            ("Versand", 200),
            ("1", 700),
            ("24,00", 850),
            ("24,00", 1000),
            ("395,01", 1400),
        ),
    ]
    assert [item.description for item in find_line_items(lines)] == ["Toner", "Versand"]


def test_a_net_value_column_is_the_line_total() -> None:
    header = (
        ("GTIN", 100),
        ("Artikelbezeichnung", 400),
        ("Menge", 900),
        ("Nettopreis", 1100),
        ("MwSt-% Nettowert", 1350),
    )
    lines = [
        _line(0, 100, *header),
        _line(
            1,
            200,
            ("4123456000021", 100),
            ("GZ250", 400),
            ("50 Stk.", 900),
            ("1,4500", 1100),
            ("7,0", 1370),
            ("72,50", 1500),
        ),
        _line(2, 230, ("Gelierzucker Extra 250g", 400)),
    ]
    assert [(item.description, item.amount) for item in find_line_items(lines)] == [
        ("GZ250 Gelierzucker Extra 250g", 72.5)
    ]


_GROUPED = (("Pos", 100), ("Beschreibung", 300), ("Nettopreis", 700), ("Menge", 900), ("Nettobetrag", 1200))


def test_a_group_subtotal_listed_as_an_item_and_its_detail_line_keep_the_table_open() -> None:
    lines = [
        _line(0, 100, *_GROUPED),
        _line(
            1, 150, ("0101", 100), ("Laser printer", 300), ("300,00", 700), ("2 Stk", 900), ("600,00", 1230)
        ),
        _line(
            2, 250, ("01", 100), ("Subtotal hardware", 300), ("600,00", 700), ("1 Stk", 900), ("600,00", 1230)
        ),
        _line(3, 300, ("• Beschreibung: Hardware Gesamt", 300)),
        _line(4, 400, ("0201", 100), ("Toner", 300), ("120,00", 700), ("3 Stk", 900), ("360,00", 1230)),
        _line(5, 500, ("Gesamtbetrag", 300)),
        _line(6, 530, ("960,00", 1230)),
        _line(7, 600, ("Zahlbar bis 04.07.2018", 300), ("960,00", 1230)),
    ]
    assert [(item.description, item.amount) for item in find_line_items(lines)] == [
        ("Laser printer", 600.0),
        ("Subtotal hardware", 600.0),
        ("Toner", 360.0),
    ]


def test_the_totals_labels_beside_the_description_column_close_the_table() -> None:
    lines = [
        _line(0, 100, *_GROUPED),
        _line(1, 150, ("1", 100), ("Toner", 300), ("120,00", 700), ("3 Stk", 900), ("360,00", 1230)),
        _line(2, 250, ("TOTAL HT", 800), ("TOTAL TTC", 1150)),
        _line(3, 285, ("Les réglements reçus avant la date", 100), ("360,00", 800), ("432,00", 1230)),
    ]
    assert [item.description for item in find_line_items(lines)] == ["Toner"]


def test_a_name_reaching_into_the_rows_band_starts_the_rows_name() -> None:
    header = (("Ligne", 100), ("Désignation", 300), ("P.U. HT", 900), ("Qté", 1050), ("TOTAL HT", 1200))
    lines = [
        _line(0, 100, *header),
        _line(1, 180, ("PRESTATION SUPPORT", 300), ("-1,00 (RE)", 990)),
        _line(
            2,
            200,
            ("1", 100),
            ("Période de 01/01/2022 au 31/01/2022", 300),
            ("60,00", 900),
            ("1,00", 1050),
            ("60,00", 1230),
        ),
    ]
    assert [item.description for item in find_line_items(lines)] == [
        "PRESTATION SUPPORT Période de 01/01/2022 au 31/01/2022"
    ]


def test_a_total_set_under_its_row_beside_an_article_number_is_the_rows_amount() -> None:
    lines = [
        _line(0, 100, *_GROUPED),
        _line(1, 150, ("1", 100), ("Trennblätter A4", 300), ("9,9000", 700), ("20 Stk", 900)),
        _line(2, 182, ("4012345001235", 100), ("198,00", 1230)),
    ]
    assert [(item.description, item.amount) for item in find_line_items(lines)] == [
        ("Trennblätter A4", 198.0)
    ]


def test_a_product_column_is_the_name_column() -> None:
    header = (("Menge", 100), ("Produkt", 300), ("USt.", 900), ("Preis", 1050), ("Gesamtbetrag", 1200))
    lines = [
        _line(0, 100, *header),
        _line(
            1,
            150,
            ("1,00", 100),
            ("Künstlerische Gestaltung", 300),
            ("7%", 900),
            ("160,00 €", 1050),
            ("160,00 €", 1200),
        ),
        _line(2, 180, ("(Stunde): Einer", 300)),
        _line(3, 210, ("Beispielrechnung", 300)),
    ]
    assert [item.description for item in find_line_items(lines)] == [
        "Künstlerische Gestaltung (Stunde): Einer Beispielrechnung"
    ]


def test_a_discount_right_under_an_item_is_part_of_its_line_total() -> None:
    lines = [
        _line(0, 100, *_GROUPED),
        _line(1, 150, ("1", 100), ("Kunstrasen grün", 300), ("4,00", 700), ("3 m²", 900), ("12,00", 1230)),
        _line(2, 180, ("abzgl. 16,7% Rabatt", 700), ("-2,00", 1230)),
        _line(3, 300, ("2", 100), ("Schweinesteak", 300), ("5,50", 700), ("5 kg", 900), ("27,50", 1230)),
        _line(4, 330, ("Gutschrift", 300), ("-40,00", 1230)),
    ]
    assert [(item.description, item.amount) for item in find_line_items(lines)] == [
        ("Kunstrasen grün", 10.0),
        ("Schweinesteak", 27.5),
        ("Gutschrift", -40.0),
    ]


def test_a_table_goes_on_under_its_header_repeated_overleaf() -> None:
    first = [
        _line(0, 100, *_GROUPED),
        _line(1, 150, ("1", 100), ("Toner", 300), ("120,00", 700), ("3 Stk", 900), ("360,00", 1230)),
        _line(2, 250, ("Zwischensumme", 300), ("360,00", 1230)),
    ]
    header, row, total = (
        _line(3, 100, *_GROUPED),
        _line(4, 150, ("2", 100), ("Papier", 300), ("9,00", 700), ("10 Stk", 900), ("90,00", 1230)),
        _line(5, 250, ("Gesamtbetrag", 300), ("450,00", 1230)),
    )
    overleaf = [
        line.__class__(line.text, 2, line.index, line.box, line.cells) for line in (header, row, total)
    ]
    assert [item.description for item in find_line_items(first + overleaf)] == ["Toner", "Papier"]


def test_an_item_row_with_a_vat_category_beside_its_total_is_no_totals_row() -> None:
    header = (
        ("Pos", 100),
        ("Beschreibung", 300),
        ("Nettopreis", 700),
        ("Menge Steuer", 900),
        ("Entgelt", 1300),
    )
    lines = [
        _line(0, 100, *header),
        _line(
            1,
            150,
            ("1", 100),
            ("Privathaftpflicht", 300),
            ("50,00", 700),
            ("1 Stk 0 % VAT (E)", 900),
            ("50,00", 1300),
        ),
        _line(
            2,
            250,
            ("2", 100),
            ("Lebensgefährte/in", 300),
            ("0,00", 700),
            ("1 Stk 0 % VAT (E)", 900),
            ("0,00", 1300),
        ),
        _line(3, 280, ("zur Privathaftpflicht", 300)),
        _line(4, 400, ("Summe netto", 300), ("50,00", 1300)),
        _line(5, 450, ("Steuerfreie Leistungen", 300), ("50,00", 700), ("50,00", 1300)),
    ]
    assert [(item.description, item.amount) for item in find_line_items(lines)] == [
        ("Privathaftpflicht", 50.0),
        ("Lebensgefährte/in zur Privathaftpflicht", 0.0),
    ]
