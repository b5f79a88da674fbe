"""Label vocabularies (Hebrew, English, and the German/French of EU invoices). Quotes are normalized to
ASCII before matching, so מע"מ also matches מע״מ.

This module holds how a vocabulary matches (`any_of`) and the labels of amounts and payments; the
document's number and dates are named in `document_labels`, the parties in `party_labels`."""

from __future__ import annotations

import re

from . import lexicon
from .hebrew_ocr import as_ocr_reads


def any_of(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{as_ocr_reads(word)})" for word in words), re.I)


# "Total" as OCR damages it on receipts: "Tota!", "fotal", "POTAL" (the lexicon has the l/1/I forms)
_DAMAGED_TOTAL = r"(?<![a-z])[tfp]?[o0]ta[l1i|!](?![a-z])"  # its T lost at a cell edge: "otal"
# The amount paid after cash rounding ("Total Rounded", "Total After Rounding", "TotalAmtRounded",
# "Total After Adj Incl GST" under a "Rounding Adj" row)
ROUNDED_TOTAL = any_of(
    r"(?<![a-z])[tfp][o0]ta[l1i|!]\s*(?:amt\s*|amount\s*)?(?:after\s*)?round(?:ed|ing)(?!\s*adj)",
    r"rounded\s*total",
    r"(?<![a-z])[tfp][o0]ta[l1i|!]\s*after\s*adj",
)
# Amount-due beats a plain total: it is what the customer actually pays.
TOTAL_STRONG = any_of(
    r'סה"כ\s*לתשלום',
    r"לתשלום",
    r"total\s*(?:amount\s*)?due",
    r"amount\s*(?:due|payable)",
    r"balance\s*due",
    r"grand\s*total",
    # its kafs read as bets ('סה"ב בולל מע"מ'): the whole phrase is unmistakable
    r'סה"[כב]\s*[כב]ולל\s*מע"מ',
    r"total\s*(?:incl|inc\.|including)",
    r"total\s*\(incl",
    r"gesamtbetrag",
    r"br\s?uttosumme",
    r"rechnungssumme",
    r"due\s*payable",
    r"endbetrag",
    r"rechnungsbetrag",
    r"zahlbetrag",
    r"zu\s*\W?\s*zahlen",  # a speck OCR read between the words ('Zu .zahlen')
    r"total\s*ttc",
    r"net\s*[àáa]\s*payer",
    r"bruttobetrag",
    ROUNDED_TOTAL.pattern,
    r"total\s*payable",
    r"invoice\s*total",
    r"total\s*amount",
)
TOTAL_PLAIN = any_of(
    _DAMAGED_TOTAL, r'סה"כ', r"\btotal\b", r"\bsumme\b", r"\bbetrag\b", r"\bbrutto\b", r"\bsuma\b"
)
SUBTOTAL = any_of(
    r"sub\s*-?\s*total",
    r'לפני\s*מע"מ',
    r'ללא\s*מע"מ',
    r"סכום\s*ביניים",
    r'סה"כ\s*ביניים',
    r"\bnet(?:to)?\b",
    r"excl",
    r"before\s*(?:tax|vat)",
    # ... its tax OCR garbled ('Total before OX'): a word of tax's length, not a tip
    r"\btotal\s*before\s+(?!tip\b)[A-Za-z]{2,3}\b",
    r"nettobetrag",
    r"warenwert",
    r"total\s*ht",
    r"montant\s*ht",
    r"taxable\s*amount",
    r"amount\s*before",
    r"zwischens(?:u|[iïl1]{1,2})mme",  # its u read as i or ii
    r"ohne\s*(?:ust|mwst|steuer)",
    r"sans\s*tva",
    r"without\s*(?:vat|tax)",
    r"summe\s*positionen",
    r"total\s*hors",
    r"positionssumme",
    r"gesamt\s*netto",
)
VAT = any_of(
    r'מע"מ',
    r"\bvat\b",
    r"\btax\b",
    r"\bgst\b",
    r"\bmwst",
    r"\bust\b",
    r"umsatzsteuer",
    r"\btva\b",
    r"sales\s*tax",
    r"steuerbetrag",
)
# Lines that name a total but are not the invoice total.
NOT_A_TOTAL = any_of(
    r"\bcash\b",
    r"change",
    r"tendered",
    r"paid",
    r"שולם",
    r"עודף",
    r"מזומן",
    r"rounding\s*adj",
    r"\bqty\b",
    r"total\s*qty",
    r"total\s*items?",
    # the items' sum before a discount: "Total of items", "Items total", 'סה"כ פריטים', "Suma de líneas"
    r"total\s*of\s*(?:items?|articles?)",
    r"total\s*articles?",
    r"(?<![a-z])[il1|t]?tems?\s*total",  # its I read as T, l or 1 ('Ttems total')
    r'סה"כ\s*פריטים',
    r"סכום\s*שורות",
    r"suma\s*de\s*l[ií]neas",
    r"discount",
    r"הנחה",
    r"saving",
    r"points",
    r"quantity",
    r"כמות",
)
# The sums of allowances or charges ('Gesamtbetrag der Zuschläge', 'Total allowances', 'Summe Rabatte'):
# parts of the net however strongly their label says total
ALLOWANCES_OR_CHARGES = any_of(
    r"abschl[aä]ge\b", r"zuschl[aä]ge\b", r"rabatte\b", r"allowances\b", r"surcharges\b"
)  # not 'charges': 'Total Charges' is what a bill asks
OTHER_CURRENCY_CODES = (
    "SEK NOK DKK ISK CZK HUF RON BGN JPY CNY AUD NZD SGD HKD ZAR AED SAR THB IDR KRW MXN BRL"
).split()
_PLAIN_DOLLAR = r"(?<!\bA)(?<!\bAU)(?<!\bC)(?<!\bCA)(?<!\bNZ)(?<!\bHK)(?<!\bS)(?<!\bR)(?<!\bMX)\$"
CURRENCIES = (
    ("ILS", re.compile(r'₪|ש"ח|\bNIS\b|\bILS\b|שקל', re.I)),
    # Hebrew names of foreign currencies ("הסכומים בדולר"), with a prefix letter (ב, ל, ה) before them
    ("EUR", re.compile(r"€|\bEUR\b|\bEuro\b|(?<![\u05d0-\u05ea][\u05d0-\u05ea])(?:אירו|יורו)", re.I)),
    # a dollar sign with another country's letters before it ('A$', 'NZ$', 'R$') is that country's
    ("AUD", re.compile(r"\bA\$|\bAU\$")),
    ("CAD", re.compile(r"\bC\$|\bCA\$")),
    ("NZD", re.compile(r"\bNZ\$")),
    ("HKD", re.compile(r"\bHK\$")),
    ("SGD", re.compile(r"\bS\$")),
    ("BRL", re.compile(r"\bR\$")),
    ("MXN", re.compile(r"\bMX\$")),
    (
        "USD",
        re.compile(
            _PLAIN_DOLLAR + r"|\bUSD\b|\bUS\s*dollars?\b|(?<![\u05d0-\u05ea][\u05d0-\u05ea])דולר", re.I
        ),
    ),
    ("GBP", re.compile(r"£|\bGBP\b|(?<![\u05d0-\u05ea][\u05d0-\u05ea])(?:ליש\"ט|פאונד)", re.I)),
    ("MYR", re.compile(r"\bMYR\b|\bRM\s?\d|\(RM\)|\bRM\b")),
    ("CHF", re.compile(r"\bCHF\b")),
    # the rupee: 'Rs' (or 'Rs.') only before an amount or in a column's bracket ('Amount (Rs.)'), so
    # that the word's other uses (a Brazilian state's 'RS', 'Mrs') are never money
    ("INR", re.compile(r"₹|\bINR\b|\bRs\b\.?(?=\s?-?\s?\d)|\(Rs\.?\)|\b[Rr]upees?\b")),
    ("PLN", re.compile(r"\bPLN\b|(?<!\w)zł(?!\w)")),
    # other ISO 4217 codes, printed in capitals; not those that are also words or names of other
    # things in capitals ('CAD' drawings, 'PHP', 'TRY', 'ALL')
    *((code, re.compile(rf"\b{code}\b")) for code in OTHER_CURRENCY_CODES),
)
# Marks before or after a whole amount that make it money ('Total 118 ₪', 'Grand Total Rs 1939')
MONEY_MARK = re.compile(
    r'₪|ש"ח|NIS|ILS|EUR|USD|GBP|INR|€|\$|£|₹|\bRM\b|\bRs\b|\bCHF\b|\bPLN\b|(?<!\w)zł(?!\w)|'
    + "|".join(rf"\b{code}\b" for code in OTHER_CURRENCY_CODES)
)

CARD_PAYMENT = any_of(
    r"\bvisa\b",
    r"master\s*card",
    r"\bamex\b",
    r"credit\s*card",
    r"debit\s*card",
    r"\bcard\b",
    r"כרטיס",
    r"אשראי",
    r"\bcarte\b",
    r"tarjeta",
    r"\bkarte\b",
    r"\bEC\b",
    r"\bEDC\b",  # the card terminal line of a till slip ("EDC MASTER RM 41.95")
    r"\bmaster\b",
)

PAID = any_of(
    r"\bcash\b", r"tendered", r"\bpaid\b", r"שולם", r"מזומן", r"\bbar\b", r"espèces", r"efectivo", r"gegeben"
)
CHANGE = any_of(
    r"\bchange\b",
    r"עודף",
    r"r(?:ü|u|ue|ii)ckgeld",  # OCR reads ü as u or ii
    r"\brendu\b",
    r"monnaie",
    r"\bcambio\b",
    r"vuelto",
)

# The multilingual additions (lexicon.py) join each field's words.
TOTAL_STRONG = any_of(TOTAL_STRONG.pattern, *lexicon.TOTAL_STRONG)
TOTAL_PLAIN = any_of(TOTAL_PLAIN.pattern, *lexicon.TOTAL_PLAIN)
SUBTOTAL = any_of(SUBTOTAL.pattern, *lexicon.SUBTOTAL)
VAT = any_of(VAT.pattern, *lexicon.VAT)
