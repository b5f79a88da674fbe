"""Label vocabularies (Hebrew, English, and the German/French of EU invoices). Quotes are normalized to
ASCII before matching, so מע"מ also matches מע״מ."""

from __future__ import annotations

import re

from . import lexicon
from .hebrew_ocr import as_ocr_reads


def any_of(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{as_ocr_reads(word)})" for word in words), re.I)


# "Total" as OCR damages it on receipts: "Tota!", "fotal", "POTAL" (the lexicon has the l/1/I forms)
_DAMAGED_TOTAL = r"(?<![a-z])[tfp]?[o0]ta[l1i|!](?![a-z])"  # its T lost at a cell edge: "otal"
# The amount paid after cash rounding ("Total Rounded", "Total After Rounding", "TotalAmtRounded")
ROUNDED_TOTAL = any_of(
    r"(?<![a-z])[tfp][o0]ta[l1i|!]\s*(?:amt\s*|amount\s*)?(?:after\s*)?round(?:ed|ing)(?!\s*adj)",
    r"rounded\s*total",
)
# Amount-due beats a plain total: it is what the customer actually pays.
TOTAL_STRONG = any_of(
    r'סה"כ\s*לתשלום',
    r"לתשלום",
    r"total\s*(?:amount\s*)?due",
    r"amount\s*(?:due|payable)",
    r"balance\s*due",
    r"grand\s*total",
    r'סה"כ\s*כולל\s*מע"מ',
    r"total\s*(?:incl|inc\.|including)",
    r"total\s*\(incl",
    r"gesamtbetrag",
    r"br\s?uttosumme",
    r"rechnungssumme",
    r"due\s*payable",
    r"endbetrag",
    r"rechnungsbetrag",
    r"zahlbetrag",
    r"zu\s*zahlen",
    r"total\s*ttc",
    r"net\s*à\s*payer",
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
    r"nettobetrag",
    r"warenwert",
    r"total\s*ht",
    r"montant\s*ht",
    r"taxable\s*amount",
    r"amount\s*before",
    r"zwischensumme",
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
    r"items?\s*total",
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
INVOICE_NUMBER = any_of(
    r"invoice\s*(?:(?:no|number|num|nr|id)\b\.?|#)",
    r"inv\.?\s*(?:no|#)\.?",
    r"bill\s*(?:no|#)\.?",
    r"receipt\s*(?:no|#|number)\.?",
    r"document\s*(?:no|#|number)\.?",
    r"doc\.?\s*no\.?",
    r"credit\s*note\s*(?:no|#|number)\.?",
    r"מספר\s*(?:חשבונית|מסמך|קבלה)",
    r"(?<!חשבונית )מס['\s]*\s*(?:חשבונית|מסמך|קבלה)",  # not the title "חשבונית מס קבלה"
    # "חשבונית מס מס'", "קבלה מספר"; not the title "חשבונית מס קבלה" ("מס" there is "tax")
    r"(?:חשבונית\s*(?:מס\s*)?(?:/\s*קבלה\s*)?|קבלה\s*|חשבונית\s*זיכוי\s*)(?:מספר|מס(?:'|\s*(?=[:#\d]))|#)",
    # "מסמך 90337": OCR lost the "מס'" before it, but "document" right before a number names it
    r"(?<![\u05d0-\u05ea'])מסמך(?=\s*:?\s*\d{3})",
    r"rechnungs?\s*-?\s*(?:nr|nummer)\.?",
    r"rechnung\s*nr\.?",
    r"(?:handels)?rechnung\s*(?:\(\d+\)\s*)?nr\.?",
    r"facture\s*n[°o]\.?",
    r"beleg\s*-?\s*nr\.?",
    r"invoice\s*\.?\s*(?:סא|אס)\.?",  # Tesseract heb+eng reads "No." as Hebrew letters
    # a title, a few words, then "Nr." / "#": "Rechnung des Versicherers (575) Nr. 01.234", "Rechnung # RE-5"
    r"(?:rechnung|korrektur|facture|invoice|gutschrift)\S*(?:\s+[^\s\d:]+){0,3}?\s*(?:\(\d+\)\s*)?(?:nr\.?|#|n°)",
    r"\bfacture\b(?=\s+[A-Z]{0,4}-?\d)",
    r"n[°o]\s*de\s*facture",
    r"^\W{0,3}de\s+facture\b(?!\s*(?:associ|d.origine))",  # "N° de facture" whose "N°" OCR lost
    r"belegnummer",
    r"\binvoice\s*:",
)
DATE_INVOICE = any_of(
    r"invoice\s*date",
    r"date\s*of\s*(?:issue|invoice)",
    r"issue\s*date",
    r"\bdate\b",
    r"dated",
    r"תאריך\s*(?:הפקה|חשבונית|מסמך|הוצאה)",
    r"תאריך(?!\s*(?:פירעון|ל?תשלום|אספקה|ערך))",
    r"rechnungsdatum",
    r"beleg\s*-?\s*datum",
    r"datum",
    r"date\s*de\s*facture",
)
# Words that often precede the invoice date but also other dates: trusted only without a stronger label.
DATE_INVOICE_WEAK = any_of(r"\bvom\b", r"\bdu\b", r"issued", r"\bfrom\b")
DATE_DUE = any_of(
    r"due\s*(?:date|by|on)?",
    r"payment\s*due",
    r"pay\s*by",
    r"payable\s*by",
    r"תאריך\s*(?:פירעון|תשלום)",
    r"לתשלום\s*עד",
    r"תנאי\s*תשלום",
    r"fällig",
    r"zahlbar\s*bis",
    r"échéance",
    r"zahlungsziel",
)
DATE_OTHER = any_of(
    r"deliver",
    r"leistungs",
    r"lieferdatum",
    r"period",
    r"תקופ",
    r"אספקה",
    r"\bfrom\b.*\bto\b",
    r"order\s*date",
    r"printed",
    r"bestell",
    r"lieferschein",
    r"auftrag",
    r"version",
    r"הודפס",
    r"verordnung",
    r"termin",
)
TAX_ID = any_of(
    r"(?<![\u05d0-\u05ea])ח\.?\s*פ\.?(?![\u05d0-\u05ea])",
    r'(?<![\u05d0-\u05ea])ח"פ',
    r"(?<![\u05d0-\u05ea])ע\.?\s*מ\.?(?![\u05d0-\u05ea\w])",
    r'(?<![\u05d0-\u05ea])ע"מ',
    r"עוסק\s*מורשה",
    # "עוסק מורשה" with its first word garbled by a photo's OCR ("pow מורשה"): "מורשה" (licensed)
    # on its own names nothing else an invoice prints with a number
    r"(?<![\u05d0-\u05ea])מורשה(?![\u05d0-\u05ea])",
    r"עוסק\s*פטור",
    r"מס['\s]*עוסק",
    r"vat\s*(?:reg(?:istration)?\.?\s*)?(?:no|number|id|#)",
    r"tax\s*(?:id|no|number|reg)",
    r"\bvat\s*:",
    r"ust\.?\s*-?\s*id",
    r"ust\.?-?idnr",
    r"steuer\s*-?\s*(?:nr|nummer)",
    r"company\s*(?:no|number|reg)",
    r"gst\s*(?:id|no|reg)",
    r"\bein\b",
    r"\babn\b",
    r"tva\s*intra",
    r"n°\s*tva",
    r"\bsiret\b",
    r"business\s*no",
    r"registration\s*no",
    r"\(?\d{6,8}-[A-Z]\)?",
)
ALLOCATION = any_of(r"מספר\s*הקצאה", r"מס['\s]*\s*הקצאה", r"allocation\s*(?:no|number|#)?", r"הקצאה")
BUYER_BLOCK = any_of(
    r"bill\s*to",
    r"billed\s*to",
    r"ship\s*to",
    r"sold\s*to",
    r"customer",
    r"client",
    r"ל[כב]בו[דר](?![\u05d0-\u05ea])",  # לכבוד, and as OCR confuses כ/ב and ד/ר
    r"לקוח",
    r"(?<!payable\s)\bto\s*:",  # 'Payable to:' names the issuer (see name_signs.PAYEE)
    r"(?<!ver)(?<!ver )käufer",
    r"kunde",
    r"rechnungsempf(?:ä|a|ae)nger",  # OCR drops the umlaut
    r"leistungsempf(?:ä|a|ae)nger",
    r"destinataire",
    r"buyer",
    r"recipient",
)
SELLER_BLOCK = any_of(
    r"\bfrom\s*:",
    r"seller",
    r"supplier",
    r"vendor",
    r"ver\s?käufer",
    r"lieferant\b",
    r"vendeur",
    r"ספק",
    r"מאת",
)
# Trade words hint at a business name, less surely than a legal suffix does.
BUSINESS_WORD = any_of(
    r"enterprise", r"trading", r"\bgroup\b", r"\bstores?\b", r"\bshop\b", r"restaurant", r"\bmart\b"
)
COMPANY_SUFFIX = any_of(
    r'בע"מ',
    r"\bltd\b",
    r"\blimited\b",
    r"\binc\b",
    r"\bllc\b",
    r"\bgmbh\b",
    r"\bag\b",
    r"\bsdn\b",
    r"\bbhd\b",
    r"\bs/b\b",  # Sendirian Berhad, as Malaysian receipts abbreviate it
    r"\bs\.?a\.?r?\.?l?\.?\b",
    r"\bcorp",
    r"\bco\.",
    r"\bplc\b",
    r"\be\.?k\.?\b",
    r"\bkg\b",
    r"עמותה",
    r"שותפות",
)
CURRENCIES = (
    ("ILS", re.compile(r'₪|ש"ח|\bNIS\b|\bILS\b|שקל', re.I)),
    # Hebrew names of foreign currencies ("הסכומים בדולר"), with a prefix letter (ב, ל, ה) before them
    ("EUR", re.compile(r"€|\bEUR\b|\bEuro\b|(?<![\u05d0-\u05ea][\u05d0-\u05ea])(?:אירו|יורו)", re.I)),
    ("USD", re.compile(r"\$|\bUSD\b|\bUS\s*dollars?\b|(?<![\u05d0-\u05ea][\u05d0-\u05ea])דולר", re.I)),
    ("GBP", re.compile(r"£|\bGBP\b|(?<![\u05d0-\u05ea][\u05d0-\u05ea])(?:ליש\"ט|פאונד)", re.I)),
    ("MYR", re.compile(r"\bMYR\b|\bRM\s?\d|\(RM\)|\bRM\b")),
    ("CHF", re.compile(r"\bCHF\b")),
)
# Labels naming a number of ANOTHER document (the invoice a receipt pays, an order, a delivery note)
OTHER_DOCUMENT = any_of(
    r"for\s*invoice",
    r"(?:payment|paiement|pago|zahlung)\s*(?:of|de|de\s*la|zu)?\s*(?:invoice|facture|factura|rechnung)",
    r"בגין",
    r"(?:original|related|associated|referenced)\s*invoice",
    r"associ[ée]e",
    r"zu\s*rechnung",
    r"ursprüngliche",
    r"עבור\s*חשבונית",
    r"חשבונית\s*מקור",
    r"asociada",
    r"rectificada",
    r"\border",
    r"bestell",
    r"commande",
    r"pedido",
    r"הזמנה",
    r"lieferschein",
    r"delivery\s*note",
)
# Words that name the document's number only when nothing better does: "Nº", "Ref", "No.", "#"
INVOICE_NUMBER_WEAK = re.compile(
    r"^\s*(?:número|numéro|nummer|number|num\.?|n[º°o]\.?|no\.|nr\.?|r[ée]f(?:[ée]rence)?\.?|reference|"
    r"referencia|#|מס'|מספר|folio|doc(?:ument)?\.?\s*(?:no|#)?)(?![^\W\d_])\s*:?",
    re.I,
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
CHANGE = any_of(r"\bchange\b", r"עודף", r"rückgeld", r"\brendu\b", r"monnaie", r"\bcambio\b", r"vuelto")

# The multilingual additions (lexicon.py) join each field's words.
TOTAL_STRONG = any_of(TOTAL_STRONG.pattern, *lexicon.TOTAL_STRONG)
TOTAL_PLAIN = any_of(TOTAL_PLAIN.pattern, *lexicon.TOTAL_PLAIN)
SUBTOTAL = any_of(SUBTOTAL.pattern, *lexicon.SUBTOTAL)
VAT = any_of(VAT.pattern, *lexicon.VAT)
INVOICE_NUMBER = any_of(INVOICE_NUMBER.pattern, *lexicon.INVOICE_NUMBER)
DATE_INVOICE = any_of(DATE_INVOICE.pattern, *lexicon.DATE_INVOICE)
DATE_DUE = any_of(DATE_DUE.pattern, *lexicon.DATE_DUE)
DATE_OTHER = any_of(DATE_OTHER.pattern, *lexicon.DATE_OTHER)
TAX_ID = any_of(TAX_ID.pattern, *lexicon.TAX_ID)
BUYER_BLOCK = any_of(BUYER_BLOCK.pattern, *lexicon.BUYER_BLOCK)
SELLER_BLOCK = any_of(SELLER_BLOCK.pattern, *lexicon.SELLER_BLOCK)
COMPANY_SUFFIX = any_of(COMPANY_SUFFIX.pattern, *lexicon.COMPANY_SUFFIX)

# Words naming the other numbers an invoice prints beside its own (phones, ids, customers, orders,
# accounts, pages, tills...): a label holding one does not name the document's number.
OTHER_NUMBER_WORDS = re.compile(
    r"phone|tel|fax|mobile|vat|tax|ust|tva|iva|reg|company|firm|customer|client|kunde|order|bestell|"
    r"commande|pedido|account|konto|iban|bank|item|art|sku|page|seite|p\.?o\b|lieferschein|delivery|"
    r"livraison|entrega|cashier|table|till|pos\b|terminal|serial|batch|lot|contract|vertrag|contrat|"
    r"project|projekt|branch|allocation|טל|לקוח|עוסק|הזמנה|בנק|הקצאה|פריט|עמוד|קופ|ח\.?פ|ע\.?מ|ת\.?ז|סניף",
    re.I,
)
