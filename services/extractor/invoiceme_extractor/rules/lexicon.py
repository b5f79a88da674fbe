"""More label words per field: Spanish, more German/French/Hebrew synonyms, and the OCR-damaged forms
of common English labels (l/1/I confusions, dropped spaces). `labels.py`, `document_labels.py` and
`party_labels.py` fold these into their patterns, so every rule that reads a label also knows these words.

Written from invoice vocabulary in general (tax-authority templates, accounting software defaults),
not from any document we test on.
"""

from __future__ import annotations

from . import lexicon_nl_pl

# OCR confuses l/1/I/| and drops spaces: "Tota1", "lnvoice No", "Sub-totaI"
_TOTAL = r"t[o0]ta[l1I|]"
_INVOICE = r"[il1|]nv[o0][il1|]ce"

TOTAL_STRONG: tuple[str, ...] = (
    r"total\s*a\s*pagar",
    r"importe\s*total",
    r"total\s*factura",
    r"total\s*(?:con\s*)?iva\s*(?:incluido)?",
    r"montant\s*(?:total\s*)?ttc",
    r"total\s*[àáa]\s*payer",
    r"montant\s*[àáa]\s*payer",
    r"reste\s*[àáa]\s*payer",
    r"zahlungsbetrag",
    r"gesamtsumme",
    r"summe\s*brutto",
    r"סכום\s*לתשלום",
    r'סה"כ\s*חשבונית',
    r"יתרה\s*לתשלום",
    rf"{_TOTAL}\s*(?:amount\s*)?due",
    rf"grand\s*{_TOTAL}",
    r"amount\s*to\s*pay",
    r"net\s*payable",
    r"total\s*(?:inc|incl)\.?\s*(?:vat|gst|tax)",
)
TOTAL_PLAIN: tuple[str, ...] = (
    rf"\b{_TOTAL}\b",
    r"\bimporte\b",
    r"\bmontant\b",
    r"\bgesamt\b",
    r"סך\s*הכל",
    r"סה\"כ",
    # its kaf read as bet ('סה"ב'): in this abbreviation only (kaf as bet in every label cost amounts)
    r"סה\"ב(?![\u05d0-\u05ea])",
)
SUBTOTAL: tuple[str, ...] = (
    r"base\s*imponib[l1i|]e",  # its l read as i or 1 ("Base imponibie")
    r"importe\s*neto",
    r"total\s*sin\s*iva",
    r"total\s*neto",
    r"sub\s*-?\s*tota[l1I|]",
    r"montant\s*net",
    r"total\s*net\s*ht",
    r"summe\s*netto",
    r"netto\s*summe",
    r"סכום\s*לפני\s*מע\"מ",
    r"חייב\s*במע\"מ",
    r"total\s*excl",
    r"net\s*amount",
    r"amount\s*excl",
)
VAT: tuple[str, ...] = (
    r"\btaxes\b",
    r"\bsst\b",  # Malaysia's Sales and Service Tax (GST's successor on the region's till slips)
    r"\biva\b",
    r"i\.v\.a\.?",
    r"cuota\s*(?:de\s*)?iva",
    r"\bimpuesto",
    r"montant\s*tva",
    r"mehrwertsteuer",
    r"מס\s*ערך\s*מוסף",
    r'מע"(?![\u05d0-\u05ea])',  # its final mem lost at a cell's edge: 'מע"' ends the line
    r"\bv\.a\.t\.?",
    r"\bm[wv]s{1,2}t\b",  # 'MwSt' with its S read twice ('MwsSt') or its w as v
    r"\bzzgl\.?\s*\d{1,2}(?:[.,]\d{1,2})?\s*%",  # 'zzgl. 7 %': plus the tax at a rate
)
INVOICE_NUMBER: tuple[str, ...] = (
    r"factura\s*(?:n[º°o¢]\.?|núm\.?|num\.?|número|#)",  # its º read as ¢ ('Factura N¢:')
    r"n[º°o®²&%]\.?\s*(?:de\s*)?factura",  # its º as OCR reads it ('N® factura' on a dev scan)
    r"n[úu]mero\s*(?:de\s*)?factura",  # OCR often loses the accent; 'Número factura' is said too
    r"\bfolio\b",
    r"numéro\s*de\s*facture",
    r"facture\s*numéro",
    r"rechnungs\s*-?\s*nr\.?",
    r"חשבונית\s*מס'",
    r"(?:חשבונית|מסמך|קבלה)\s*:\s*(?:מס'|מספר)",  # OCR swapped the words of "מס' חשבונית:"
    r"(?:מסמך|קבלה)\s*(?:מס['\"]|מספר)",  # its geresh read as gershayim too ('מסמך מס"')
    r"מס['\s]*\s*חשבון",
    r"מספר\s*חשבון",
    r"אסמכתא",
    rf"{_INVOICE}\s*(?:no|nr|number|#|num)\.?",
    r"invoice\s*ref(?:erence)?\.?",
    r"מס\.\s*(?:חשבונית|מסמך|קבלה)",
    r"doc(?:ument)?\.?\s*#",
    r"reference\s*(?:no|number|nr|#)\.?",
    # a bare "document" label, its value in another cell; not a date's 'תאריך מסמך' (its ת maybe lost)
    r"(?<![\u05d0-\u05ea'])(?<!אריך\s)מסמך(?=\s*:?\s*$)",
    # "N2 documento": the ordinal of "Nº" read as a 2; as a mark or two ("N? documento", "N®@documento")
    r"n(?:[º°o2®&%]|[º°®&%?@]{1,2})\.?\s*(?:de\s*)?documento",
    # ... its 'Nº' lost (read into the phone number before it: '144 51482 documento: FAC-80402'):
    # 'documento:' after no word ('Fecha documento:', 'Tipo de documento:' name other things); a Hebrew
    # letter before it is that 'Nº' as a heb+eng read of a photo gives it ('"א documento:')
    r"(?<![A-Za-zÀ-ÖØ-öø-ÿ])(?<![A-Za-zÀ-ÖØ-öø-ÿ]\s)documento\s*:",
    r"dokument\s*-?\s*(?:nr|nummer)\.?",
    r"num[ée]ro\s*de\s*document",
    # the ordinal of "Nº" as OCR reads it ("Factura N®:", "Factura N2:", "Factura n?:"), or lost ("Facture N")
    r"(?:factura|facture|rechnung|invoice)\s*n\s?(?:[®²&%]|[2?](?=\s*:))",
    # ... ending its cell ("Factura n2" over its value), or before "de facture" ('nN" de facture')
    r"(?:factura|facture|invoice)\s*n\s?2(?=\s*$)",
    # ... as two marks ('Factura N2&', 'Facture N°®'), ending its cell or before its colon
    r"(?:factura|facture|rechnung|invoice)\s*n\s?[º°o2®²&%?@][®²&%?@](?=\s*(?::|$))",
    r"(?<![a-z])n[a-z]?[\"'®²]\s*de\s*facture(?!\s*(?:associ|d.origine))",
    r"(?:factura|facture|invoice)\s+n(?=\s*[:.]?\s*$)",
    # ... read as an apostrophe ("Facture N'"), only ending its cell or before its value: never "n'est"
    r"(?:factura|facture|invoice)\s*n\s?['’‘](?=\s*(?::|$|\d))",
)
DATE_INVOICE: tuple[str, ...] = (
    r"tax\s*point",
    r"issued\s*on",
    r"ת\.\s*(?:חשבונית|מסמך)",
    r"fecha\s*(?:de\s*)?(?:emisi.n|factura|expedici.n)",  # the ó OCR misreads (é, 6, ò)
    r"\bfecha\b",
    r"date\s*d['e\s]*(?:émission|facturation)",
    r"ausstellungsdatum",
    r"תאריך\s*הנפקה",
    r"ת\.\s*הפקה",
    r"date\s*issued",
    r"invoice\s*dt\.?",
    r"\btarikh\b",  # Malay
    r"\btanggal\b",  # Indonesian
    r"[ée]mise?\s*le\b",  # "Émise le" (issued on)
    r"factur[ée]e?\s*le\b",
    r"emitid[ao]\s*el\b",
)
DATE_DUE: tuple[str, ...] = (
    r"f[aä]llig",  # OCR drops umlauts and accents
    r"[eé]ch[eé]ance",
    r"fecha\s*(?:de\s*)?vencimiento",
    r"vencimiento",
    r"fecha\s*l[ií]mite",
    r"date\s*limite",
    r"fälligkeitsdatum",
    r"מועד\s*(?:ה)?תשלום",
    r"מועד\s*פירעון",
    r"תאריך\s*לתשלום",
    # 'לשלם עד' alone: OCR lost (or split off) 'יש'; its ד read as ז or ר ('יש לשלם עז')
    r"(?:(?:יש\s*)?לשלם|לפירעון|תשלום)\s*ע[דזר](?![\u05d0-\u05ea])",
    r"(?:יש\s*)?לפרוע\s*עד",  # 'יש לפרוע עד': whole, so a name search knows the line for a label
    r"תאריך\s*יעד",
    r"מועד\s*אחרון",
    r"payment\s*deadline",
    r"pay(?:able)?\s*(?:before|until)",
    r"(?:à\s*)?payer\s*avant",
    r"payable\s*(?:avant|le)\b",
    r"pagar\s*antes",
    r"(?<![a-z])vence\s*el\b",
)
# Dates that are not the invoice's (delivery, order, service, shipping, a period), in the five
# languages: a line saying one of these is not read as the issue date even where it also says "date"
DATE_OTHER: tuple[str, ...] = (
    r"(?<![a-z])(?:ship(?:ping|ment)?|dispatch|p\.?\s?o\.?|purchase\s*order|service)\s*date",
    r"date\s*(?:shipped|of\s*(?:delivery|service|order))",
    r"date\s*(?:de\s*)?(?:la\s*)?(?:livraison|commande|prestation|exp[ée]dition)",
    r"p[ée]riode",
    r"fecha\s*(?:de(?:l)?\s*)?(?:entrega?|pedido?|servicio?|env[ií]o?)",  # the last letter OCR may lose
    r"per[ií]odo",
    r"zeitraum",
    r"תאריך\s*(?:ה)?(?:הזמנה|משלוח|הספקה|אספקה)",
    r"תאריך\s*(?:ה)?(?:הדפסה|ערך)",  # printed on; a payment's value date
    # a hotel stay's first and last days, not the bill's nor a payment's
    r"check\s*-?\s*(?:in|out)\b",
    r"\b(?:arrival|departure|anreise|abreise|arriv[ée]e|llegada)\b",
)
TAX_ID: tuple[str, ...] = (
    r"\bn\.?\s*i\.?\s*f\.?(?:\s*-?\s*iva)?\b",
    r"\bc\.?\s*i\.?\s*f\.?\b",
    r"\bnif\b",
    r"\bcif\b",
    r"\brfc\b",
    r"\bruc\b",
    r"\bsiren\b",
    r"(?<![a-z])st\.?\s*-?\s*nr\.?",
    r"ע\.\s*ר\.",
    r"מספר\s*עוסק",
    r"vat\s*id",
    r"tax\s*registration",
    r"\breg\.?\s*(?:no|nr|#)\.?",
    r"\bregistro\b",
    r"\btin\b",
    r"taxpayer\s*(?:id|no|number)?",
    r"business\s*(?:[i1l]d|number|reg)",  # a photo reads the I of ID as 1 or l
    r"(?:company\s*)?registration\s*(?:number|nr|#)",
    r"\bco\.?\s*reg\.?\s*(?:no|nr|number|#)\.?",  # 'Co. Reg. No.': the company's registration
    r"\breg\.?\s*number",
    r"\btrn\b",
    r"מס['\s.]*\s*חברה",
    r"מספר\s*חברה",
    r"(?<![\u05d0-\u05ea])ת\.\s*ז(?![\u05d0-\u05ea])",
    r'(?<![\u05d0-\u05ea])ת"ז',
    # VAT-registration names as national registries spell them
    r"\bgstin\b",
    r"\buid\s*-?\s*(?:nr|no|nummer)\b",
    r"umsatzsteuer\s*-?\s*identifikations",
    r"identifiant\s*(?:de\s*)?tva",
    r"\bintracom",  # 'N° intracom. TVA', 'N° intracommunautaire'
    r"num[ée]ro\s*(?:de\s*)?tva",
    r"n[º°o]\.?\s*(?:de\s*)?iva\b",
    r"federal\s*tax",
)

# Dutch and Polish (lexicon_nl_pl.py) join each field's words
TOTAL_STRONG += lexicon_nl_pl.TOTAL_STRONG
TOTAL_PLAIN += lexicon_nl_pl.TOTAL_PLAIN
SUBTOTAL += lexicon_nl_pl.SUBTOTAL
VAT += lexicon_nl_pl.VAT
INVOICE_NUMBER += lexicon_nl_pl.INVOICE_NUMBER
DATE_INVOICE += lexicon_nl_pl.DATE_INVOICE
DATE_DUE += lexicon_nl_pl.DATE_DUE
DATE_OTHER += lexicon_nl_pl.DATE_OTHER
TAX_ID += lexicon_nl_pl.TAX_ID
