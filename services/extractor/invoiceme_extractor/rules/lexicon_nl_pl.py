"""Dutch and Polish label words per field, folded into `lexicon.py`'s tuples (so into every rule that
reads a label). Written from the two languages' invoice vocabulary in general (the words their tax
rules and accounting software print), not from any one document."""

from __future__ import annotations

TOTAL_STRONG = (
    r"totaal\s*(?:bedrag|incl(?:usief|\.)?\s*btw)",
    r"(?:totaal\s*)?te\s*betalen",
    r"factuur\s*(?:totaal|bedrag)",
    r"do\s*zap[łl]aty",  # 'Do zapłaty' (to pay), its ł read as l
    r"nale[żz]no[śs][ćc]\s*og[óo][łl]em",
    r"razem\s*(?:do\s*zap[łl]aty|brutto)",
    r"warto[śs][ćc]\s*brutto",
)
TOTAL_PLAIN = (
    r"\btotaal\b",
    r"\brazem\b",
    r"\bog[óo][łl]em\b",
)
SUBTOTAL = (
    r"sub\s*-?\s*totaal",
    r"totaal\s*excl",
    r"exclusief\s*btw",
    r"bedrag\s*excl",
    r"warto[śs][ćc]\s*netto",
    r"razem\s*netto",
    r"kwota\s*netto",
)
VAT = (
    r"\bbtw\b",
    r"kwota\s*vat",
    r"podatek\s*vat",
)
INVOICE_NUMBER = (
    r"factuur\s*-?\s*(?:nummer|nr|no)\b\.?",
    r"factuur\s*#",
    r"faktur[ay]\s*(?:vat\s*)?(?:nr|numer)\b\.?",
    r"(?:numer|nr)\.?\s*faktury",
)
DATE_INVOICE = (
    r"factuur\s*-?\s*datum",
    r"data\s*wystawienia",
    r"data\s*faktury",
)
DATE_DUE = (
    r"verval\s*-?\s*datum",
    r"uiterste\s*betaal\s*datum",
    r"betalen\s*v[oó]{2}r",
    r"termin\s*(?:p[łl]atno[śs]ci|zap[łl]aty)",
    r"zap[łl]ata\s*do\b",
)
# Dates that are not the invoice's: the order's, the delivery's, the sale's
DATE_OTHER = (
    r"order\s*datum",
    r"bestel\s*datum",
    r"lever\s*datum",
    r"data\s*(?:sprzeda[żz]y|dostawy|zam[óo]wienia)",
)
TAX_ID = (
    r"\bnip\b",  # Poland's tax id
    r"\bregon\b",
    r"btw\s*-?\s*(?:nummer|nr|id)",
    r"\bkvk\b",  # the Dutch chamber of commerce's registration
)
