"""More ways a development document prints its dates: formats beyond the country's usual ones (d.m.yyyy,
two-digit years, written and abbreviated months in every language), issue/due label synonyms in all five
languages, other dates beside them (delivery, order, service period) and the dates set apart from their
labels (label over the value, or in a boxed cell).

Drawn from the document's own stream ("dates/<family>/<language>/<seed>") for about two documents in
five of the development families only: the rest of the corpus, and every held-out page, is byte for
byte what it was (their OCR stays cached). Written from invoice conventions in general, not from any
page we test on."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

SHARE = 0.4  # of development documents

# Placeholders beyond strftime's: {d} day, {m} month without a leading zero, {month} the month's
# name, {mon} its first three letters, {th} the English ordinal suffix
STYLES = {
    "he": [
        "{d}.{m}.%Y",
        "{d}/{m}/%Y",
        "%d.%m.%y",
        "%Y-%m-%d",
        "{d} ב{month} %Y",
        "{d} {month} %Y",
        "%d/%m/%y",
        "%d-%m-%Y",
        "{d}.{m}.%y",
        "{d}-{m}-%Y",
        "%d.%m.%Y",
    ],
    "en": [
        "{d}.{m}.%Y",
        "{d}{th} {month} %Y",
        "%d-{mon}-%y",
        "%d/%m/%y",
        "{d} {mon}. %Y",
        "%Y-%m-%d",
        "{d}/{m}/%Y",
    ],
    "US": ["{month} {d}, %Y", "{m}/{d}/%Y", "%m/%d/%y", "{mon}. {d}, %Y", "%Y-%m-%d"],
    "de": ["{d}.{m}.%Y", "%d.%m.%y", "{d}. {month} %Y", "%d. {mon}. %Y", "%d/%m/%Y"],
    "fr": ["{d} {month} %Y", "le {d} {month} %Y", "%d/%m/%y", "%d.%m.%Y", "{d}/{m}/%Y", "%d {mon}. %Y"],
    "es": ["{d} de {month} de %Y", "%d/%m/%y", "{d}-{mon}-%Y", "{d}/{m}/%Y", "%d.%m.%Y"],
}

ISSUE_LABELS = {
    "he": [
        "תאריך החשבונית",
        "תאריך עריכה",
        "נערך בתאריך",
        "תאריך",
        "ת. מסמך",
        "תאריך הפקה",
        "תאריך חשבונית",
        "תאריך עסקה",
    ],
    "en": ["Date of Invoice", "Billing Date", "Invoice Issued", "Invoice Date", "Date", "Issued"],
    "de": ["Ausstellungsdatum", "Datum der Rechnung", "Rechnungsdatum", "Datum", "Belegdatum"],
    "fr": ["Date de facturation", "Émise le", "Date de la facture", "Date", "Date d'émission"],
    "es": ["Fecha de expedición", "Fecha factura", "Emitida el", "Fecha de emisión", "Fecha"],
}
DUE_LABELS = {
    "he": [
        "מועד אחרון לתשלום",
        "תאריך יעד לתשלום",
        "יש לשלם עד",
        "תאריך פירעון",
        "לתשלום עד",
        "מועד תשלום",
        "תאריך תשלום",
        "לתשלום עד תאריך",
        "יש לפרוע עד",
    ],
    "en": ["Payment Deadline", "Pay Before", "Due Date", "Payment Due By", "Amount due by"],
    "de": ["Fälligkeit", "Zahlbar bis spätestens", "Zahlungsziel", "Fällig am", "Zahlbar bis"],
    "fr": ["Date limite de paiement", "Payable avant le", "Échéance", "Date d'échéance"],
    "es": ["Fecha límite de pago", "Pagar antes de", "Vence el", "Fecha de vencimiento", "Vencimiento"],
}
# Other dates a page prints near its own (label, days from the issue date); "period" prints a range
OTHER_DATES = {
    "he": {
        "delivery": ["תאריך אספקה", "תאריך משלוח"],
        "order": ["תאריך הזמנה"],
        "period": ["תקופת חיוב", "תקופת השירות"],
        "print": ["תאריך הדפסה", "הודפס בתאריך"],
        "value": ["תאריך ערך"],
    },
    "en": {
        "delivery": ["Delivery Date", "Ship Date"],
        "order": ["Order Date", "PO Date"],
        "period": ["Service Period", "Billing Period"],
    },
    "de": {
        "delivery": ["Lieferdatum", "Leistungsdatum"],
        "order": ["Bestelldatum", "Auftragsdatum"],
        "period": ["Leistungszeitraum"],
    },
    "fr": {
        "delivery": ["Date de livraison", "Date de prestation"],
        "order": ["Date de commande"],
        "period": ["Période de facturation", "Période"],
    },
    "es": {
        "delivery": ["Fecha de entrega"],
        "order": ["Fecha de pedido", "Fecha del pedido"],
        "period": ["Periodo de facturación", "Periodo"],
    },
}
# Other dates only some languages' invoices print (drawn for those only, so the rest draw as before)
EXTRA_KINDS = {"he": ["print", "value"]}
# where the dates stand apart from their labels: label over the value, or a boxed cell
SPLIT_MODES = ("above", "cell")


@dataclass
class DateVariety:
    """One document's extra date habits (see the module's docstring)."""

    style: str | None
    issue_label: str | None
    due_label: str | None
    others: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, label, days from issue)
    split_mode: str | None = None  # the date pairs' own placement, whatever the block's
    slots: list[float] = field(default_factory=list)  # where each other date goes among the pairs

    def other_pairs(self, issued: date, say: Callable[[date], str]) -> list[tuple[str, str]]:
        """(label, printed value) of the other dates; `say` prints one date (Printing.date)."""
        printed = []
        for kind, label, days in self.others:
            day = issued + timedelta(days=days)
            if kind == "period":
                start = date(day.year, day.month, 1)
                end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                value = f"{say(start)} - {say(end)}"
            else:
                value = say(day)
            printed.append((label, value))
        return printed


def draw_variety(family: str, language: str, seed: int, country: str) -> DateVariety | None:
    rng = random.Random(f"dates/{family}/{language}/{seed}")
    if rng.random() >= SHARE:
        return None
    styles = STYLES["US" if country == "US" else language]
    variety = DateVariety(
        style=rng.choice(styles) if rng.random() < 0.8 else None,
        issue_label=rng.choice(ISSUE_LABELS[language]) if rng.random() < 0.6 else None,
        due_label=rng.choice(DUE_LABELS[language]) if rng.random() < 0.6 else None,
        split_mode=rng.choice(SPLIT_MODES) if rng.random() < 0.35 else None,
    )
    pool = ["delivery", "order", "period", *EXTRA_KINDS.get(language, [])]
    kinds = rng.sample(pool, rng.choice([0, 1, 1, 2]))
    for kind in kinds:
        label = rng.choice(OTHER_DATES[language][kind])
        days = {
            "delivery": rng.choice([-9, -5, -3, -1, 2]),
            "order": -rng.randint(4, 30),
            "period": -rng.randint(5, 25),
        }
        if kind == "print":  # printed (or printed again) after it was issued
            days[kind] = rng.randint(0, 5)
        elif kind == "value":  # the value date of its payment
            days[kind] = rng.choice([0, 10, 30])
        variety.others.append((kind, label, days[kind]))
        variety.slots.append(rng.random())
    return variety


# French abbreviates months as its typographers do, not by three letters: 'jui.' would be both June and
# July (juin is written whole, juillet as juil.); août, mars and mai are written whole
SHORT_FORMS = {
    "janvier": "janv",
    "février": "févr",
    "mars": "mars",
    "juin": "juin",
    "juillet": "juil",
    "août": "août",
    "septembre": "sept",
}


def month_forms(style: str, day: date, month_name: str) -> str:
    """The style with its own placeholders filled in (strftime does the rest)."""
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    short = SHORT_FORMS.get(month_name, month_name[:3])
    if short == month_name:
        style = style.replace("{mon}.", "{mon}")  # no abbreviation dot after a whole name ('5 août 2024')
    return (
        style.replace("{month}", month_name)
        .replace("{mon}", short)
        .replace("{d}", str(day.day))
        .replace("{m}", str(day.month))
        .replace("{th}", suffix)
    )
