"""Development family: an A4 payment receipt (קבלה / receipt, or a tax invoice-receipt). The payments
table is full of digit distractors: bank, branch, account and cheque numbers, cheque dates, and a
reference to the invoice being paid."""

from __future__ import annotations

from datetime import timedelta

from ..blocks import customer_block, footer, kv, line_height, vendor_header
from ..doc import Doc
from ..issuer_footer import issuer_footer
from ..tables import LIGHT, items_table, totals_block

LEFT, RIGHT = 15.0, 195.0
WORDS = {
    "he": (
        "התקבל מאת",
        "בגין חשבונית",
        "אמצעי תשלום",
        "בנק",
        "סניף",
        "חשבון",
        "מס' צ'ק",
        "תאריך",
        "סכום",
        ("מזומן", "צ'ק", "העברה בנקאית", "כרטיס אשראי"),
        'סה"כ שולם',
        "חתימה",
    ),
    "en": (
        "Received from",
        "For invoice",
        "Method",
        "Bank",
        "Branch",
        "Account",
        "Cheque No.",
        "Date",
        "Amount",
        ("Cash", "Cheque", "Bank transfer", "Credit card"),
        "Total paid",
        "Signature",
    ),
    "de": (
        "Erhalten von",
        "Für Rechnung",
        "Zahlungsart",
        "Bank",
        "Filiale",
        "Konto",
        "Scheck-Nr.",
        "Datum",
        "Betrag",
        ("Bar", "Scheck", "Überweisung", "Karte"),
        "Gesamt bezahlt",
        "Unterschrift",
    ),
    "fr": (
        "Reçu de",
        "Pour la facture",
        "Mode",
        "Banque",
        "Agence",
        "Compte",
        "N° chèque",
        "Date",
        "Montant",
        ("Espèces", "Chèque", "Virement", "Carte"),
        "Total payé",
        "Signature",
    ),
    "es": (
        "Recibido de",
        "Por la factura",
        "Forma de pago",
        "Banco",
        "Sucursal",
        "Cuenta",
        "Nº cheque",
        "Fecha",
        "Importe",
        ("Efectivo", "Cheque", "Transferencia", "Tarjeta"),
        "Total pagado",
        "Firma",
    ),
}


def _payments(doc: Doc) -> list[float]:
    """The total split into one to three payments (cents kept exact)."""
    total = abs(doc.facts.total)
    count = doc.rng.choice([1, 1, 2, 3])
    parts = [round(total / count, 2)] * (count - 1)
    return [*parts, round(total - sum(parts), 2)]


def _payments_table(doc: Doc, y: float) -> float:
    sheet, rng, facts, fmt = doc.sheet, doc.rng, doc.facts, doc.fmt
    words = WORDS[facts.language]
    headers = words[2:9]
    edges = [LEFT + share * (RIGHT - LEFT) for share in (0.17, 0.26, 0.34, 0.47, 0.59, 0.8, 1.0)]
    starts = [LEFT, *edges[:-1]]
    sheet.box(LEFT, y - 4.5, RIGHT - LEFT, 7, fill=LIGHT, stroke=None)
    for header, start, edge in zip(headers, starts, edges, strict=True):
        sheet.text(start + 1.5, y, header, sheet.fit(header, 8.5, edge - start - 3), bold=True)
    for amount in _payments(doc):
        y += line_height(9) + 2
        method = rng.choice(words[9])
        by_cheque = method == words[9][1]
        cells = [
            method,
            str(rng.choice([10, 11, 12, 20, 31])) if by_cheque or doc.chance(0.3) else "",
            str(rng.randint(100, 999)) if by_cheque else "",
            str(rng.randint(100000, 9999999)) if by_cheque else "",
            str(rng.randint(1000, 99999)) if by_cheque else "",
            fmt.date(facts.invoice_date + timedelta(days=rng.choice([0, 30, 60]))),
            fmt.money(amount),
        ]
        for cell, start, edge in zip(cells, starts, edges, strict=True):
            sheet.text(start + 1.5, y, cell, sheet.fit(cell, 9, edge - start - 3))
    sheet.rule(LEFT, y + 3, RIGHT, 0.5)
    return y + 10


def payment_receipt(doc: Doc) -> None:
    sheet, rng, facts = doc.sheet, doc.rng, doc.facts
    words = WORDS[facts.language]
    top = rng.uniform(16, 24)
    y = vendor_header(doc, LEFT, top, name_size=rng.choice([13, 15, 17]))
    sheet.text(
        RIGHT,
        top,
        f"{doc.title} {doc.words['number'] if doc.chance(0.4) else ''}".strip(),
        16,
        bold=True,
        align="end",
        color=doc.accent,
    )
    sheet.text(RIGHT, top + 8, facts.invoice_number, 14, bold=True, align="end")
    sheet.text(RIGHT, top + 15, f"{doc.words['date']}: {doc.fmt.date(facts.invoice_date)}", 9.5, align="end")
    y = max(y, top + 22) + 6
    if doc.chance(0.5):
        sheet.text(LEFT, y, f"{words[0]}:", 10, bold=True)
        y = customer_block(doc, LEFT, y + line_height(10)) + 2
    else:
        y = kv(doc, LEFT, y, words[0], facts.customer_name, "columns", 120, 10.5) + 2
    if facts.document_type == "receipt":
        reference = f"{rng.randint(1000, 99999)}"
        y = kv(doc, LEFT, y, words[1], reference, "inline", 90, 10) + 6
        doc.items_printed = False
    else:
        y = items_table(doc, LEFT, RIGHT, y + 6, style=rng.choice(["rules", "grid"]))
        y = totals_block(doc, RIGHT - 70, 70, y, boxed=False) + 4
    y = _payments_table(doc, y + 4)
    width = rng.uniform(55, 75)
    if facts.document_type == "receipt":
        y = totals_block(doc, RIGHT - width, width, y, boxed=doc.chance(0.5))
    else:
        kv(
            doc,
            RIGHT - width,
            y,
            words[10],
            doc.fmt.money(abs(facts.total), signed=True),
            "columns",
            width,
            10,
        )
        y += 8
    sheet.rule(LEFT, y + 18, LEFT + 50, 0.4)
    sheet.text(LEFT, y + 23, words[11], 8.5)
    issuer_footer(doc, footer(doc, max(y + 32, 270)))
