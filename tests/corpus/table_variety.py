"""Item-table habits of real e-invoices (issue #10): a detail line under some descriptions (article
number, service period or a note; smaller or grey), names wrapped over two lines, extra unit / VAT % /
discount % columns, headers over two lines. Drawn from the document's own stream, never from its `rng`:
a document that draws none is byte for byte the page it was before. The truth does not change: a
detail line is extra print, the item's description stays its name."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from .facts import Facts

DETAIL_SHARE, WRAP_SHARE, COLUMNS_SHARE, TWO_LINE_SHARE = 0.25, 0.18, 0.22, 0.18
GREY = (0.42, 0.42, 0.45)
WRAP_FROM = 12  # characters: shorter names fit their column

ARTICLE = {
    "en": ["SKU {n}", "Item no. {n}", "Part # {n}"],
    "de": ["Art.-Nr. {n}", "Artikelnr. {n}", "Art. {n}"],
    "fr": ["Réf. {n}", "Référence {n}", "Code {n}"],
    "es": ["Ref. {n}", "Cód. {n}", "Artículo {n}"],
    "he": ['מק"ט {n}', "קוד פריט {n}"],
}
PERIOD = {
    "en": ["Period {a} - {b}", "Service period: {a} - {b}"],
    "de": ["Zeitraum {a} - {b}", "Leistungszeitraum: {a} - {b}"],
    "fr": ["Période du {a} au {b}", "Période : {a} - {b}"],
    "es": ["Periodo {a} - {b}", "Periodo del {a} al {b}"],
    "he": ["תקופה {a} - {b}", "לתקופה {a} - {b}"],
}
NOTES = {
    "en": ["as per order", "incl. installation", "delivered to site", "as agreed"],
    "de": ["gemäß Angebot", "inkl. Montage", "Lieferung frei Haus", "wie vereinbart"],
    "fr": ["selon devis", "pose comprise", "livraison incluse", "comme convenu"],
    "es": ["según presupuesto", "incluye instalación", "entrega incluida", "según lo acordado"],
    "he": ["לפי הזמנה", "כולל התקנה", "כולל משלוח", "כמוסכם"],
}
UNIT_CODES = {
    "en": ["pcs", "PCE", "ea", "h", "C62"],
    "de": ["Stk", "Stk.", "h", "Std.", "C62"],
    "fr": ["pce", "u", "h", "C62"],
    "es": ["ud.", "uds", "h", "C62"],
    "he": ["יח'", "יחידה", "שעה"],
}
EXTRA_HEADERS = {
    "unit": {"en": ["Unit", "UoM"], "de": ["Einheit", "ME"], "fr": ["Unité", "U."], "es": ["Unidad", "Ud."],
             "he": ["יחידה", "יח' מידה"]},
    "vat": {"en": ["VAT %", "Tax"], "de": ["MwSt.", "USt. %"], "fr": ["TVA", "TVA %"], "es": ["IVA", "% IVA"],
            "he": ['מע"מ', '% מע"מ']},
    "discount": {"en": ["Disc. %", "Discount"], "de": ["Rabatt", "Rab. %"], "fr": ["Remise", "Rem. %"],
                 "es": ["Dto.", "Desc. %"], "he": ["הנחה", "% הנחה"]},
}  # fmt: skip
# header words over two lines, as a narrow column prints them
TWO_LINE_HEADERS = {
    "unit_price": {
        "en": [("Unit", "price"), ("Price", "per unit")],
        "de": [("Einzel-", "preis"), ("Preis", "je Einheit")],
        "fr": [("Prix", "unitaire"), ("P.U.", "HT")],
        "es": [("Precio", "unitario"), ("Precio", "por unidad")],
        "he": [("מחיר", "ליחידה"), ("מחיר", "יחידה")],
    },
    "amount": {
        "en": [("Net", "amount"), ("Line", "total")],
        "de": [("Netto-", "betrag"), ("Gesamt", "netto")],
        "fr": [("Montant", "HT"), ("Total", "HT")],
        "es": [("Importe", "neto"), ("Total", "línea")],
        "he": [("סכום", "נטו"), ('סה"כ', "לשורה")],
    },
}


@dataclass
class TableVariety:
    details: dict[int, str] = field(default_factory=dict)  # item index -> its detail line
    detail_grey: bool = True  # else black at a smaller size
    wrap: bool = False  # long names over two lines
    extra: list[str] = field(default_factory=list)  # of "unit", "vat", "discount"
    headers: dict[str, str] = field(default_factory=dict)  # extra column key -> its header
    units: list[str] = field(default_factory=list)  # per item
    percent: str = "{r} %"  # how the VAT and discount cells print a rate
    two_line: dict[str, tuple[str, str]] = field(default_factory=dict)  # column key -> header lines

    def drawn(self) -> bool:
        return bool(self.details or self.wrap or self.extra or self.two_line)


def _period(issued: date) -> tuple[date, date]:
    start = (issued - timedelta(days=20)).replace(day=1)
    return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def draw_table(family: str, language: str, seed: int, facts: Facts) -> TableVariety | None:
    """None for most documents; dates in a detail line are printed later (`detail_text`)."""
    rng = random.Random(f"table/{family}/{language}/{seed}")
    variety = TableVariety()
    items = facts.line_items
    if rng.random() < DETAIL_SHARE:
        kind = rng.choice(["article", "article", "period", "note"])
        pattern = rng.choice({"article": ARTICLE, "period": PERIOD, "note": NOTES}[kind][language])
        chosen = [i for i in range(len(items)) if rng.random() < 0.6] or [0]
        for index in chosen:
            number = (
                f"{rng.randint(1000, 9999)}-{rng.randint(10, 99)}"
                if rng.random() < 0.5
                else str(rng.randint(10000, 999999))
            )
            note = rng.choice(NOTES[language])
            variety.details[index] = pattern.replace("{n}", number) if kind != "note" else note
        variety.detail_grey = rng.random() < 0.6
    variety.wrap = rng.random() < WRAP_SHARE
    if rng.random() < COLUMNS_SHARE:
        variety.extra = [key for key in ("unit", "discount", "vat") if rng.random() < 0.45] or ["unit"]
        variety.headers = {key: rng.choice(EXTRA_HEADERS[key][language]) for key in variety.extra}
        codes = rng.sample(UNIT_CODES[language], 2)
        variety.units = [codes[0] if rng.random() < 0.75 else codes[1] for _ in items]
        variety.percent = rng.choice(
            ["{r} %", "{r}%", "{r},00 %" if language in ("de", "fr", "es") else "{r}.00%"]
        )
    if rng.random() < TWO_LINE_SHARE:
        for key in rng.sample(list(TWO_LINE_HEADERS), rng.choice([1, 2])):
            variety.two_line[key] = rng.choice(TWO_LINE_HEADERS[key][language])
    return variety if variety.drawn() else None


def detail_text(text: str, issued: date, say) -> str:
    """The detail line as printed: a period's dates in the document's date style."""
    if "{a}" not in text:
        return text
    start, end = _period(issued)
    return text.replace("{a}", say(start)).replace("{b}", say(end))


def wrapped(name: str) -> list[str]:
    """A long name over two lines, broken at the space nearest its middle; a short name or one word
    stays one line (a column wraps what is too long for it, not 'A4 paper')."""
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    if not spaces or len(name) < WRAP_FROM:
        return [name]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return [name[:cut], name[cut + 1 :]]
