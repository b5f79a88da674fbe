"""Labels of the document's own facts: its number (and the weak words that name one when nothing
better does), its dates; and the words naming another document's number or other numbers."""

from __future__ import annotations

import re

from . import lexicon
from .labels import any_of

INVOICE_NUMBER = any_of(
    r"invoice\s*(?:(?:no|number|num|nr|id)\b\.?|#)",
    r"invoice\s*n[c0]\b\.?",  # its 'No' with the o read as c or 0 ('Tax Invoice Nc')
    r"inv\.?\s*(?:no|#)\.?",
    r"bill\s*(?:no|number|nr|#)\.?",
    r"receipt\s*(?:no|#|number)\.?",
    r"document\s*(?:no|#|number)\.?",
    r"doc\.?\s*no\.?",
    r"credit\s*note\s*(?:no|#|number)\.?",
    r"מספר\s*(?:חשבונית|מסמך|קבלה)",
    # not the title "חשבונית מס קבלה"; its geresh may be read as a comma and a point ('מס,. חשבונית')
    r"(?<!חשבונית )מס[',.\s]*\s*(?:חשבונית|מסמך|קבלה)",
    r'(?<![\u05d0-\u05ea])מס"\s*(?:חשבונית|מסמך|קבלה)',  # its geresh read as gershayim ('מס" חשבונית')
    # "חשבונית מס מס'", "קבלה מספר", "מסמך מס 7925806"; not the title "חשבונית מס קבלה" ("מס" there is "tax")
    # ... its geresh read as gershayim ('חשבונית מס מס"')
    # ... or as a yod before the colon ('חשבונית מס מסי:'), or as a question mark ('חשבונית מס מס?')
    # ... its thin vav lost on a photo ('חשבניתמספר')
    r"(?:חשבו?נית\s*(?:מס\s*)?(?:/\s*קבלה\s*)?|קבלה\s*|מסמך\s*|חשבונית\s*זיכוי\s*)"
    r"(?:מספר|מס(?:['\"?]|\s*(?=[:#\d])|י(?=\s*:))|#|'\s?on(?![a-z]))",
    # "מס'" read as Latin letters in the page's visual order ("'on": its geresh, samekh, mem) beside
    # the document's word: "חשבונית מס 'on", "מסמך 'on"
    r"(?:חשבונית(?:\s*מס)?|מסמך|קבלה)\s*(?:['`]on|on['`])(?![A-Za-z])",
    r"(?<![A-Za-z])(?:['`]on|on['`])\s*(?:חשבונית|מסמך|קבלה)",
    # "מסמך 90337": OCR lost the "מס'" before it, but "document" right before a number names it
    r"(?<![\u05d0-\u05ea'])מסמך(?=\s*[:;.]{0,2}\s*\d{3})",  # its colon doubled by OCR ('מסמך:: 2025-5513')
    r"rechnungs?\s*-?\s*(?:nr|nummer)\.?",
    r"rechnung\s*nr\.?",
    r"(?:handels)?rechnung\s*(?:\(\d+\)\s*)?nr\.?",
    r"facture\s*n[°o]\.?",
    r"beleg\s*-?\s*nr\.?",
    r"invoice\s*\.?\s*(?:סא|אס)\.?",  # Tesseract heb+eng reads "No." as Hebrew letters
    # a title, a few words, then "Nr." / "#": "Rechnung des Versicherers (575) Nr. 01.234", "Rechnung # RE-5"
    r"(?:rechnung|korrektur|facture|invoice|gutschrift)\S*(?:\s+[^\s\d:]+){0,3}?\s*(?:\(\d+\)\s*)?(?:nr\.?|#|n°)",
    # a document type's code in brackets, then "Nr.": how the ZUGFeRD and XRechnung visualisations title
    # a document whatever its name ('BUCHUNGSHILFE (751) Nr.', 'Invoice information for accounting
    # purposes (751) Nr.')
    r"\(\d{3}\)\s*nr\.?",
    r"\bfacture\b(?=\s+[A-Z]{0,4}-?\d)",
    r"n[°o]\s*de\s*facture",
    r"^\W{0,3}de\s+facture\b(?!\s*(?:associ|d.origine))",  # "N° de facture" whose "N°" OCR lost
    r"belegnummer",
    r"(?<!\bof )\binvoice\s*:",  # not 'Date of Invoice:'
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
    # a word of its own, or capitalised after another glued to it ('PaymentDue'): not 'Monnaie rendue'
    r"(?:(?<![^\W\d_])due|(?-i:Due))\s*(?:date|by|on)?",
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
    r"le[il1]?stungs",  # 'Lestungsdatum': a thin i lost (or read l, 1) by OCR
    r"lieferdatum",
    r"period",
    r"תקופ",
    r"אספקה",
    r"\bfrom\b.*\bto\b",
    r"order\s*date",
    r"printed",
    r"bestel",  # 'Bestelldatum', its second l read as i ('Bestelidatum')
    r"lieferschein",
    r"auftrag",
    r"version",
    # 'הודפס בתאריך' (printed on), the whole label (its 'תאריך' no issue label of its own), its dalet
    # read as resh on a photo ('הורפס בתאי'ן')
    r"הו[דר]פס(?:\s*ב\S*)?",
    r"verordnung",
    r"termin",
)


# Labels naming a number of ANOTHER document (the invoice a receipt pays, an order, a delivery note)
OTHER_DOCUMENT = any_of(
    r"for\s*invoice",
    r"\bpou?r\s*la\s*factur",  # a receipt's 'Pour la facture: 19751', 'Por la factura: 87313': the paid one
    r"f(?:ü|u|ii)r\s*rechnung",
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
# ("Nº" as scans read its ordinal: "N®", "N²", "N2:" - the digit only before a colon; "Ne" - its
# underlined o read as an e - only as the whole cell)
INVOICE_NUMBER_WEAK = re.compile(
    # 'Nº' as OCR damages it: º read as ®, ² or ¢ ('N¢: 2026-8649'), as 2 before a colon, or as e alone
    # in its cell, its colon read as a semicolon ('Ne; | 74/1070')
    r"^\s*(?:número|numéro|nummer|number|num\.?|n(?:[º°o®²¢]|2(?=\s*:)|e(?=\s*[:;]?\s*$))\.?|no\.|nr\.?|"
    r"r[ée]f(?:[ée]rence)?\.?|reference|referencia|#|מס'|מספר|folio|doc(?:ument)?\.?\s*(?:no|#)?)(?![^\W\d_])\s*[:;]?",
    re.I,
)

# The multilingual additions (lexicon.py) join each field's words.
INVOICE_NUMBER = any_of(INVOICE_NUMBER.pattern, *lexicon.INVOICE_NUMBER)
DATE_INVOICE = any_of(DATE_INVOICE.pattern, *lexicon.DATE_INVOICE)
DATE_DUE = any_of(DATE_DUE.pattern, *lexicon.DATE_DUE)
DATE_OTHER = any_of(DATE_OTHER.pattern, *lexicon.DATE_OTHER)

# Words naming the other numbers an invoice prints beside its own (phones, ids, customers, orders,
# accounts, pages, tills...): a label holding one does not name the document's number.
OTHER_NUMBER_WORDS = re.compile(
    r"phone|tel|fax|mobile|vat|tax|ust|tva|iva|reg|company|firm|customer|client|kunde|order|bestell|"
    r"commande|pedido|account|konto|iban|bank|item|art|sku|page|seite|p\.?o\b|lieferschein|delivery|"
    r"livraison|entrega|cashier|table|till|pos\b|terminal|serial|batch|lot|contract|vertrag|contrat|"
    r"project|projekt|branch|allocation|klant|klient|טל|לקוח|עוסק|הזמנה|בנק|הקצא|פריט|עמוד|קופ|ח\.?פ|ע\.?מ|ת\.?ז|סניף",
    re.I,
)
