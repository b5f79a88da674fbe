"""How one document prints money, dates and ids: drawn once per document (`Printing`), then kept."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from .date_variety import month_forms

MONTHS = {
    "he": [
        "ינואר",
        "פברואר",
        "מרץ",
        "אפריל",
        "מאי",
        "יוני",
        "יולי",
        "אוגוסט",
        "ספטמבר",
        "אוקטובר",
        "נובמבר",
        "דצמבר",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}
SIGNS = {"ILS": ["₪", 'ש"ח', "NIS", "ILS"], "USD": ["$", "USD"], "EUR": ["€", "EUR"], "GBP": ["£", "GBP"]}


def _date_styles(language: str, country: str) -> list[str]:
    if country == "US":
        return ["%m/%d/%Y", "{month} {d}, %Y", "%b %d, %Y", "%m-%d-%Y"]
    if language == "he":
        return ["%d/%m/%Y", "%d.%m.%Y", "%d/%m/%y", "%d.%m.%y", "{d} ב{month} %Y", "%d-%m-%Y"]
    if language == "en":
        return ["%d/%m/%Y", "{d} {month} %Y", "%d %b %Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%b-%Y"]
    if language == "de":
        return ["%d.%m.%Y", "%d.%m.%y", "{d}. {month} %Y", "%Y-%m-%d"]
    return ["%d/%m/%Y", "{d} {month} %Y", "%d-%m-%Y", "%d.%m.%Y"]


class Printing:
    """Money: sign before/after/absent, code or symbol, thousands separator or not, decimal comma in
    continental Europe. Dates: one of the country's usual formats."""

    def __init__(self, rng: random.Random, language: str, country: str, currency: str) -> None:
        self.language, self.country, self.currency = language, country, currency
        self.sign = rng.choice(SIGNS[currency] + [""] * (2 if currency == "ILS" else 1))
        self.sign_first = rng.random() < (0.5 if self.sign in ("₪", "$", "£") else 0.25)
        self.every_amount_signed = rng.random() < 0.35  # else only the totals carry the sign
        self.thousands = rng.random() < 0.8
        self.decimal_comma = language in ("de", "fr", "es") and rng.random() < 0.85
        self.group = " " if language == "fr" and self.decimal_comma else ("." if self.decimal_comma else ",")
        self.date_style = rng.choice(_date_styles(language, country))
        self.negative_style = rng.choice(["-{}", "({})", "{}-"])
        # (id, as printed) -> as printed: a development document's own groupings (tax_id_variety.py)
        self.regroup: Callable[[str, str], str] | None = None

    def number(self, value: float, decimals: int = 2) -> str:
        text = f"{abs(value):,.{decimals}f}" if self.thousands else f"{abs(value):.{decimals}f}"
        if self.decimal_comma:
            text = text.replace(",", "\0").replace(".", ",").replace("\0", self.group)
        return self.negative_style.format(text) if value < 0 else text

    def money(self, value: float, signed: bool | None = None) -> str:
        text = self.number(value)
        if not self.sign or (signed is None and not self.every_amount_signed) or signed is False:
            return text
        if self.sign_first:
            return f"{self.sign}{text}" if len(self.sign) == 1 else f"{self.sign} {text}"
        return f"{text} {self.sign}"

    def quantity(self, value: float) -> str:
        return f"{value:g}".replace(".", ",") if self.decimal_comma else f"{value:g}"

    def date(self, day: date) -> str:
        month = MONTHS[self.language if self.country != "US" else "en"][day.month - 1]
        return day.strftime(month_forms(self.date_style, day, month))

    def tax_id(self, value: str, rng: random.Random) -> str:
        shown = self._tax_id(value, rng)
        return self.regroup(value, shown) if self.regroup is not None else shown

    def _tax_id(self, value: str, rng: random.Random) -> str:
        if value.isdigit() and len(value) == 9 and self.country == "IL":
            shapes = [value, value, f"{value[:2]}-{value[2:8]}-{value[8]}"]
            if self.language != "he":  # in a right-to-left line, space-separated digit groups swap places
                shapes.append(f"{value[:3]} {value[3:6]} {value[6:]}")
            return rng.choice(shapes)
        if self.country == "US" and value.isdigit():
            return f"{value[:2]}-{value[2:]}"
        if self.country == "GB" and len(value) == 11:
            return rng.choice([value, f"{value[:2]} {value[2:5]} {value[5:9]} {value[9:]}"])
        return value
