"""More ways a development document prints its vendor's tax id: label synonyms and abbreviations in all
five languages, the id grouped by spaces or dashes, the label over its value or in a boxed cell under
it, the id moved into the document-facts block (often on the page's other side, a grid cell or a side
panel), into a corner at the top of the other side, a coloured band across the top or small grey print
at the page's foot, and the customer's tax id printed beside it (a distractor).

Drawn from the document's own stream ("tax-ids/<family>/<language>/<seed>") for development families
only: the page's other draws are unchanged (a site that no longer prints the id still draws what it
drew), and every held-out page is byte for byte what it was. Written from invoice conventions in
general, not from any page we test on."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .valid_ids import VAT_COUNTRIES, other_valid_id

SHARE = 0.7  # of development documents
# where the vendor's id goes: in its usual block (maybe label over value, or a boxed cell there), in the
# document-facts block, or moved off to a corner of the other side, a band on top, the page's foot
IN_BLOCK = ("usual", "above", "cell")
PLACES = ("usual", "above", "cell", "facts", "corner", "band", "footer")
PLACE_WEIGHTS = (2, 2, 2, 3, 2, 1, 2)
MOVED = ("corner", "band", "footer")
# families whose page has no room for a moved id (a narrow slip), or its own side panel
NO_MOVES = {"till_slip": ("usual", "above")}

LABELS = {
    "he": [
        "ע.מ.",
        "ח.פ.",
        "ח.פ",
        "ע.מ",
        'עוס"מ',
        "עוסק מורשה",
        "עוסק מורשה מס'",
        "מס' עוסק מורשה",
        "מספר עוסק מורשה",
        "ח.פ. / ע.מ.",
        "מס' ח.פ.",
        'ח"פ',
        "ע.מ. מס'",
    ],
    "IL": ["VAT Reg. No.", "Company No.", "Reg. No.", "Business Reg. No.", "Licensed Dealer No.", "VAT No"],
    "US": ["EIN", "Federal Tax ID", "FEIN", "Tax ID No.", "Federal EIN", "TIN"],
    "GB": ["VAT Reg No", "VAT Registration No.", "VAT No:", "VAT #", "VAT Reg. Number"],
    "IE": ["VAT Reg No", "VAT No.", "VAT Number", "VAT #"],
    "de": [
        "USt-IdNr.",
        "USt.-IdNr.",
        "Ust-ID",
        "USt-ID-Nr.",
        "Umsatzsteuer-ID",
        "Umsatzsteuer-Identifikationsnummer",
    ],
    "fr": [
        "N° TVA intracom.",
        "TVA intracommunautaire",
        "N° TVA",
        "Numéro de TVA",
        "TVA Intra",
        "N° intracom. TVA",
    ],
    "es": ["NIF", "CIF", "NIF/CIF", "NIF-IVA", "Nº IVA", "CIF/NIF", "NIF intracomunitario"],
}
CUSTOMER_LABELS = {
    "he": ["ח.פ. לקוח", "ע.מ. הלקוח", "מס' עוסק לקוח"],
    "IL": ["Customer VAT No.", "Client Reg. No."],
    "US": ["Customer Tax ID", "Client EIN"],
    "GB": ["Customer VAT No.", "Your VAT No."],
    "IE": ["Customer VAT No.", "Your VAT No."],
    "de": ["USt-IdNr. Kunde", "Ihre USt-IdNr.", "Kunden-USt-ID"],
    "fr": ["N° TVA client", "TVA client"],
    "es": ["NIF cliente", "CIF del cliente"],
}


def _key(language: str, country: str) -> str:
    return country if language == "en" else language


@dataclass
class TaxIdVariety:
    """One document's tax-id habits (see the module's docstring); `pending` while a block that would
    have printed the id left it for `finish` to print elsewhere."""

    rng: random.Random
    place: str
    label: str | None
    customer_label: str | None
    grouping: bool
    customer_pair: bool
    country: str = ""
    pending: bool = False

    @property
    def moved(self) -> bool:
        return self.place in MOVED

    def block_prints(self) -> bool:
        """The vendor's own block (header, details, footer columns) prints the id."""
        return self.place in IN_BLOCK

    def facts_print(self, asked: bool) -> bool:
        """The document-facts block prints the id (`asked`: the family puts it there anyway)."""
        return self.place == "facts" or (asked and self.place in IN_BLOCK)

    def regroup(self, value: str, shown: str, hebrew: bool) -> str:
        """The id as printed, grouped by spaces or dashes (digit groups keep their order in a Hebrew
        line only when joined by dashes)."""
        if not self.grouping:
            return shown
        shapes = groupings(value, hebrew) if self.country != "US" else []  # an EIN keeps its one shape
        return self.rng.choice(shapes) if shapes else shown


def groupings(value: str, hebrew: bool = False) -> list[str]:
    """Ways real invoices group an id's characters."""
    if value.isdigit() and len(value) == 9:
        shapes = [
            f"{value[:2]}-{value[2:8]}-{value[8]}",
            f"{value[:3]}-{value[3:6]}-{value[6:]}",
            f"{value[:8]}-{value[8]}",
        ]
        if not hebrew:
            shapes += [f"{value[:3]} {value[3:6]} {value[6:]}", f"{value[:2]}-{value[2:]}"]
        return shapes
    prefix, body = value[:2], value[2:]
    if prefix == "DE" and len(body) == 9:
        return [f"DE {body}", f"DE {body[:3]} {body[3:6]} {body[6:]}", f"DE{body[:3]} {body[3:6]} {body[6:]}"]
    if prefix == "FR" and len(body) == 11:
        return [f"FR {body}", f"FR {body[:2]} {body[2:5]} {body[5:8]} {body[8:]}", f"FR{body[:2]} {body[2:]}"]
    if prefix == "ES" and len(body) == 9:
        return [f"ES {body}", f"ES-{body}", f"ES{body[0]}-{body[1:]}", f"ES {body[0]}-{body[1:]}"]
    if prefix == "GB" and len(body) == 9:
        return [f"GB {body[:3]} {body[3:7]} {body[7:]}", f"GB {body}", f"GB{body[:3]} {body[3:7]} {body[7:]}"]
    if prefix == "IE":
        return [f"IE {body}", f"IE-{body}"]
    return []


def draw_tax_ids(family: str, language: str, seed: int, country: str) -> TaxIdVariety | None:
    rng = random.Random(f"tax-ids/{family}/{language}/{seed}")
    if rng.random() >= SHARE:
        return None
    key = _key(language, country)
    places = NO_MOVES.get(family, PLACES)
    weights = [PLACE_WEIGHTS[PLACES.index(place)] for place in places]
    return TaxIdVariety(
        rng=rng,
        place=rng.choices(places, weights)[0],
        label=rng.choice(LABELS[key]) if rng.random() < 0.65 else None,
        customer_label=rng.choice(CUSTOMER_LABELS[key]) if rng.random() < 0.5 else None,
        grouping=rng.random() < 0.45,
        customer_pair=rng.random() < 0.4,
        country=country,
    )


def customer_id(variety: TaxIdVariety, vendor_id: str, customer_tax_id: str | None) -> str:
    """The customer's tax id as the page prints it: its own, or (where the facts have none) one of
    the vendor's id's shape, made up for the page."""
    if customer_tax_id:
        return customer_tax_id
    rng = random.Random(f"customer-id/{vendor_id}")
    digits = "".join(str(rng.randint(0, 9)) if ch.isdigit() else ch for ch in vendor_id)
    if vendor_id[:2] in VAT_COUNTRIES:  # a European or UK VAT number: valid, as the vendor's is
        return other_valid_id(digits, vendor_id)
    return digits if digits != vendor_id else digits[:-1] + str((int(digits[-1]) + 1) % 10)
