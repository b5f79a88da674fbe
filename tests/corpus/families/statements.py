"""Development family `ledger`: the vendor's name alone on top and its details (address, tax id,
register and bank) only in a footer at the bottom of the page; the document's facts in boxed cells,
labels above values; the customer's block with the customer's own tax id; after the items either a
VAT summary table per rate (one or two rates), a stacked block with a delivery charge and a net line,
a boxed grid, or the amounts told in sentences; amounts with the currency code after them, and the
total sometimes restated in another currency."""

from __future__ import annotations

from stdnum import iban

from ..blocks import GREY, customer_block, line_height, logo, meta_pairs
from ..doc import Doc
from ..facts import SECOND_RATE
from ..names import TAGLINES, address, phone
from ..tables import LIGHT, items_table
from ..tax_id_places import block_prints
from .statement_words import (
    BALANCE,
    BANK,
    DEPOSIT,
    IN_OTHER_CURRENCY,
    PAY_NOW_SENTENCE,
    PAY_SENTENCE,
    REGISTER,
    SHIPPING,
    VAT_SENTENCE,
    VAT_TABLE,
    VAT_TABLE_SUM,
)

LEFT, RIGHT = 15.0, 195.0
# The reduced rate a second group of items carries, by country (Israel: exempt items)
OTHER_CURRENCY = {"ILS": ("USD", 0.27), "EUR": ("USD", 1.08), "GBP": ("EUR", 1.17), "USD": ("EUR", 0.92)}


def _draw_charges(doc: Doc) -> str:
    """Decide the totals layout and set the facts it needs (a delivery charge, a second rate)."""
    facts, rng = doc.facts, doc.rng
    if facts.prices_include_vat or facts.document_type == "credit_note" or facts.vat_rate == 0:
        return rng.choice(["grid", "stacked"])
    layout = rng.choice(["rates", "rates", "shipping", "grid", "sentences"])
    if layout == "rates" and len(facts.line_items) >= 2 and facts.country in SECOND_RATE and doc.chance(0.6):
        facts.second_rate = SECOND_RATE[facts.country]
        facts.second_rate_items = rng.randint(1, len(facts.line_items) - 1)
        facts.discount = 0.0
    if layout in ("shipping", "grid") and doc.chance(0.7):
        facts.shipping = rng.choice([4.9, 9.5, 12.0, 25.0, 45.0, 120.0])
    return layout


def _coded(doc: Doc, value: float) -> str:
    """An amount with the currency code (or the shekel abbreviation) after it."""
    code = doc.facts.currency
    if doc.facts.language == "he" and code == "ILS":
        code = doc.rng.choice(['ש"ח', "ש״ח", "ILS", "NIS"])
    return f"{doc.fmt.number(value)} {code}"


def _total_text(doc: Doc) -> str:
    """The total with its code after it, sometimes restated in another currency beside it."""
    facts = doc.facts
    if not doc.chance(0.3):
        return _coded(doc, facts.total)
    code, fx = OTHER_CURRENCY[facts.currency]
    other = doc.fmt.number(round(facts.total * fx * doc.rng.uniform(0.95, 1.05), 2))
    return f"{_coded(doc, facts.total)} ({doc.rng.choice(['≈ ', '= ', ''])}{other} {code})"


def _rate_text(rate: float) -> str:
    return f"{rate * 100:g}%"


def _vat_table(doc: Doc, y: float) -> float:
    """Rate | net | VAT | gross per rate, a sum row when there are two rates, then the total due."""
    sheet, facts, fmt = doc.sheet, doc.facts, doc.fmt
    heads = VAT_TABLE[facts.language]
    x0 = RIGHT - 120 if doc.chance(0.7) else LEFT
    edges = [x0 + 30, x0 + 60, x0 + 90, x0 + 120]
    sheet.box(x0, y - 4.5, 120, 7, fill=LIGHT, stroke=None)
    for index, (head, edge) in enumerate(zip(heads, edges, strict=True)):
        if index == 0:
            sheet.text(x0 + 1.5, y, head, 8.5, bold=True)
        else:
            sheet.text(edge - 1.5, y, head, 8.5, bold=True, align="end")
    rows = [
        (_rate_text(rate), net, round(net * rate, 2), round(net + round(net * rate, 2), 2))
        for rate, net in facts.net_by_rate()
    ]
    if len(rows) > 1:
        rows.append((VAT_TABLE_SUM[facts.language], facts.subtotal, facts.vat_amount, facts.total))
    for rate_cell, net, vat, gross in rows:
        y += line_height(9) + 1.5
        sheet.text(x0 + 1.5, y, rate_cell, 9, bold=rate_cell == VAT_TABLE_SUM[facts.language])
        for value, edge in zip((net, vat, gross), edges[1:], strict=True):
            sheet.text(edge - 1.5, y, fmt.number(value), 9, align="end")
    sheet.rule(x0, y + 2.5, x0 + 120, 0.5)
    doc.mark("subtotal", "vat_amount")
    if len(rows) == 1:
        doc.mark("vat_rate")
    y += 10
    sheet.text(x0 + 1.5, y, doc.words["total"], 11, bold=True)
    sheet.text(x0 + 120, y, _total_text(doc), 11, bold=True, align="end")
    return y + 8


def _stacked_lines(doc: Doc) -> list[tuple[str, str, bool]]:
    """Items, maybe a delivery charge, the net, VAT and total; the total with its code after it."""
    facts, words, fmt = doc.facts, doc.words, doc.fmt
    lines: list[tuple[str, str, bool]] = []
    if facts.shipping or facts.discount:
        lines.append((words["items_total"], fmt.money(facts.items_sum), False))
    if facts.discount:
        lines.append((words["discount"], fmt.money(-facts.discount), False))
    if facts.shipping:
        lines.append((doc.rng.choice(SHIPPING[facts.language]), fmt.money(facts.shipping), False))
    if facts.vat_rate > 0 and not facts.prices_include_vat:
        lines.append((words["subtotal"], fmt.money(facts.subtotal), False))
        lines.append((words["vat"], fmt.money(facts.vat_amount), False))
        doc.mark("subtotal", "vat_amount", "vat_rate")
    lines.append((words["total"], _total_text(doc), True))
    if facts.prices_include_vat and facts.vat_rate > 0 and facts.country != "IL":
        lines.append((words["vat_included"], fmt.money(facts.vat_amount), False))
        doc.mark("vat_amount", "vat_rate")
    if facts.total > 100 and not facts.prices_include_vat and doc.chance(0.3):
        # a deposit paid earlier: the invoice's total stays the total, the balance is what is left
        deposit = round(facts.total * doc.rng.choice([0.1, 0.2, 0.3, 0.5]), 0)
        lines.append((doc.rng.choice(DEPOSIT[facts.language]), fmt.money(-deposit), False))
        lines.append((doc.rng.choice(BALANCE[facts.language]), fmt.money(facts.total - deposit), True))
    return lines


def _stacked(doc: Doc, y: float) -> float:
    lines = _stacked_lines(doc)
    needed = max(doc.sheet.measure(f"{label}  {amount}", 10.5, True) + 6 for label, amount, _ in lines)
    x = RIGHT - max(80.0, needed)
    for label, amount, strong in lines:
        size = 10.5 if strong else 9.5
        doc.sheet.text(x, y, label, size, bold=strong)
        doc.sheet.text(RIGHT, y, amount, size, bold=strong, align="end")
        y += line_height(size) + 1.5
    return y + 4


def _grid(doc: Doc, y: float) -> float:
    """The same lines in a bordered two-column grid, one ruled cell per amount."""
    sheet = doc.sheet
    lines = _stacked_lines(doc)
    width = max(85.0, max(sheet.measure(f"{label}  {amount}", 9.5, True) + 8 for label, amount, _ in lines))
    x0 = RIGHT - width if doc.chance(0.6) else LEFT
    split = x0 + width * 0.55
    top = y - 5
    for label, amount, strong in lines:
        if strong:
            sheet.box(x0, y - 5, width, line_height(10) + 2.5, fill=LIGHT, stroke=None)
        sheet.text(x0 + 1.5, y, label, 9.5, bold=strong)
        sheet.text(x0 + width - 1.5, y, amount, 9.5, bold=strong, align="end")
        y += line_height(10) + 2.5
        sheet.rule(x0, y - 5, x0 + width, 0.4)
    sheet.box(x0, top, width, y - top - 5, stroke=(0.3, 0.3, 0.3))
    sheet.vrule(split, top, y - 5)
    return y + 3


def _sentences(doc: Doc, y: float) -> float:
    """A covering letter's sentences state the VAT and the amount to pay; no totals block."""
    facts, sheet = doc.facts, doc.sheet
    total, vat = _coded(doc, facts.total), _coded(doc, facts.vat_amount)
    lines = [VAT_SENTENCE[facts.language].format(total=total, vat=vat, rate=f"{facts.vat_rate * 100:g}")]
    if facts.due_date and doc.chance(0.7):
        lines.append(PAY_SENTENCE[facts.language].format(total=total, due=doc.fmt.date(facts.due_date)))
        doc.mark("due_date")
    else:
        lines.append(PAY_NOW_SENTENCE[facts.language].format(total=total))
    doc.mark("vat_amount", "vat_rate")
    for text in lines:
        sheet.text(LEFT, y, text, sheet.fit(text, 9.5, RIGHT - LEFT))
        y += line_height(9.5) + 1
    return y + 4


def _other_currency(doc: Doc, y: float) -> float:
    facts = doc.facts
    code, fx = OTHER_CURRENCY[facts.currency]
    fx = round(fx * doc.rng.uniform(0.95, 1.05), 4)
    text = IN_OTHER_CURRENCY[facts.language].format(
        amount=doc.fmt.number(round(facts.total * fx, 2)), code=code, fx=f"{fx:.4f}"
    )
    doc.sheet.text(RIGHT, y, text, 8, align="end", color=GREY)
    return y + 6


def _fact_cells(doc: Doc, y: float) -> float:
    """The document's facts in a row of boxed cells, each a small label over its value."""
    sheet = doc.sheet
    pairs = meta_pairs(doc)
    width = (RIGHT - LEFT) / len(pairs)
    boxed = doc.chance(0.7)
    for index, (label, value) in enumerate(pairs):
        x = LEFT + index * width
        sheet.text(x + 2, y, label, sheet.fit(label, 7.5, width - 3), color=GREY)
        sheet.text(x + 2, y + 5.5, value, sheet.fit(value, 9.5, width - 3), bold=doc.chance(0.4))
        if boxed and index:
            sheet.vrule(x, y - 4, y + 8)
    if boxed:
        sheet.box(LEFT, y - 4, RIGHT - LEFT, 12, stroke=(0.4, 0.4, 0.4))
    return y + 14


# Length of the account part of an IBAN by country (letters where the bank code is letters)
BBAN = {"DE": "d18", "FR": "d23", "ES": "d20", "GB": "a4d14", "IE": "a4d14", "IL": "d19"}


def _bank_account(doc: Doc) -> str:
    """An IBAN with valid check digits (a US account: routing and account numbers)."""
    rng, country = doc.rng, doc.facts.country
    digits = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    if country not in BBAN:
        return f"ABA {digits(9)} Account {digits(10)}"
    shape = BBAN[country]
    bban = (
        "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(4)) + digits(14)
        if shape.startswith("a")
        else digits(int(shape[1:]))
    )
    number = country + iban.calc_check_digits(country + "00" + bban) + bban
    return "IBAN " + (iban.format(number) if doc.chance(0.7) else number)


def _window_address(doc: Doc, y: float) -> float:
    """A letter's recipient block with no label (as a window envelope shows it): a small return
    line with the sender, then the customer's name, address and maybe its tax id under the same
    label the vendor's id carries in the footer."""
    sheet, facts, rng = doc.sheet, doc.facts, doc.rng
    sender = f"{facts.vendor_name} · {address(rng, facts.language)}"
    sheet.text(LEFT + 2, y, sender, sheet.fit(sender, 6.5, 85), color=GREY)
    y += line_height(6.5) + 1
    lines = [facts.customer_name, *address(rng, facts.language).split(", ")]
    if facts.customer_tax_id:
        lines.append(
            f"{doc.words['tax_id']}{rng.choice([': ', ' '])}{doc.fmt.tax_id(facts.customer_tax_id, rng)}"
        )
    for text in lines:
        sheet.text(LEFT + 2, y, text, 9.5)
        y += line_height(9.5)
    return y + 2


def _footer(doc: Doc) -> None:
    """The vendor's details in three columns at the foot of the page, far from its name on top."""
    sheet, facts, rng = doc.sheet, doc.facts, doc.rng
    language = facts.language
    columns: list[list[str]] = [[facts.vendor_name, address(rng, language)], []]
    columns[1].append(f"{doc.words['phone']} {phone(rng, language)}")
    if facts.vendor_tax_id:
        printed = doc.fmt.tax_id(facts.vendor_tax_id, rng)
        column = 1 if doc.chance(0.5) else 0
        identity = f"{doc.words['tax_id']}{rng.choice([': ', ' '])}{printed}"
        if block_prints(doc):
            columns[column].append(identity)
            doc.mark("vendor_tax_id")
    bank = [f"{BANK[language]} {_bank_account(doc)}"]
    if facts.country != "IL" and doc.chance(0.6):
        bank.append(f"{REGISTER[language]} {rng.randint(10000, 99999999)}")
    columns.append(bank)
    y = 272.0
    sheet.rule(LEFT, y - 5, RIGHT, 0.4, color=GREY)
    for index, lines in enumerate(columns):
        for row, text in enumerate(lines):
            x = LEFT + index * 62
            sheet.text(x, y + row * line_height(7.5), text, sheet.fit(text, 7.5, 58), color=GREY)


def ledger(doc: Doc) -> None:
    sheet, rng, facts = doc.sheet, doc.rng, doc.facts
    layout = _draw_charges(doc)
    top = rng.uniform(16, 24)
    x = LEFT + (logo(doc, LEFT, top) if doc.chance(0.4) else 0)
    title_size = rng.choice([14, 16, 18])
    room = RIGHT - x - sheet.measure(doc.title, title_size, True) - 12  # the name never runs into the title
    name_size = sheet.fit(facts.vendor_name, rng.choice([15, 18, 22]), room, bold=True)
    sheet.text(x, top, facts.vendor_name, name_size, bold=True, color=doc.accent)
    if doc.chance(0.4):
        sheet.text(x, top + 6, rng.choice(TAGLINES[facts.language]), 8.5, color=GREY)
    sheet.text(RIGHT, top, doc.title, title_size, bold=True, align="end")
    y = _fact_cells(doc, top + 18)
    if doc.chance(0.4):
        y = _window_address(doc, y + 4)
    else:
        y = customer_block(doc, LEFT + 2, y + 4, boxed=doc.chance(0.4))
    y = items_table(doc, LEFT, RIGHT, y + 6)
    draw = {"rates": _vat_table, "shipping": _stacked, "stacked": _stacked, "grid": _grid}
    y = draw.get(layout, _sentences)(doc, y)
    if doc.facts.allocation_number and "allocation_number" not in doc.printed:
        sheet.text(LEFT, y, f"{doc.words['allocation']}: {facts.allocation_number}", 8.5)
        doc.mark("allocation_number")
        y += 6
    if doc.chance(0.35):
        _other_currency(doc, y)
    _footer(doc)
