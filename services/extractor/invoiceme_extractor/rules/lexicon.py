"""More label words per field: Spanish, more German/French/Hebrew synonyms, and the OCR-damaged forms
of common English labels (l/1/I confusions, dropped spaces). `labels.py`, `document_labels.py` and
`party_labels.py` fold these into their patterns, so every rule that reads a label also knows these words.

Written from invoice vocabulary in general (tax-authority templates, accounting software defaults),
not from any document we test on.
"""

from __future__ import annotations

# OCR confuses l/1/I/| and drops spaces: "Tota1", "lnvoice No", "Sub-totaI"
_TOTAL = r"t[o0]ta[l1I|]"
_INVOICE = r"[il1|]nv[o0][il1|]ce"

TOTAL_STRONG = (
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
TOTAL_PLAIN = (
    rf"\b{_TOTAL}\b",
    r"\bimporte\b",
    r"\bmontant\b",
    r"\bgesamt\b",
    r"סך\s*הכל",
    r"סה\"כ",
    # its kaf read as bet ('סה"ב'): in this abbreviation only (kaf as bet in every label cost amounts)
    r"סה\"ב(?![\u05d0-\u05ea])",
)
SUBTOTAL = (
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
VAT = (
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
INVOICE_NUMBER = (
    r"factura\s*(?:n[º°o¢]\.?|núm\.?|num\.?|número|#)",  # its º read as ¢ ('Factura N¢:')
    r"n[º°o]\.?\s*(?:de\s*)?factura",
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
    # 'documento:' after no word ('Fecha documento:', 'Tipo de documento:' name other things)
    r"(?<![^\W\d_])(?<![^\W\d_]\s)documento\s*:",
    r"dokument\s*-?\s*(?:nr|nummer)\.?",
    r"num[ée]ro\s*de\s*document",
    # the ordinal of "Nº" as OCR reads it ("Factura N®:", "Factura N2:", "Factura n?:"), or lost ("Facture N")
    r"(?:factura|facture|rechnung|invoice)\s*n\s?(?:[®²&%]|[2?](?=\s*:))",
    # ... ending its cell ("Factura n2" over its value), or before "de facture" ('nN" de facture')
    r"(?:factura|facture|invoice)\s*n\s?2(?=\s*$)",
    r"(?<![a-z])n[a-z]?[\"'®²]\s*de\s*facture(?!\s*(?:associ|d.origine))",
    r"(?:factura|facture|invoice)\s+n(?=\s*[:.]?\s*$)",
    # ... read as an apostrophe ("Facture N'"), only ending its cell or before its value: never "n'est"
    r"(?:factura|facture|invoice)\s*n\s?['’‘](?=\s*(?::|$|\d))",
)
DATE_INVOICE = (
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
DATE_DUE = (
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
    r"(?:(?:יש\s*)?לשלם|לפירעון|תשלום)\s*עד",  # 'לשלם עד' alone: OCR lost (or split off) 'יש'
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
DATE_OTHER = (
    r"(?<![a-z])(?:ship(?:ping|ment)?|dispatch|p\.?\s?o\.?|purchase\s*order|service)\s*date",
    r"date\s*(?:shipped|of\s*(?:delivery|service|order))",
    r"date\s*(?:de\s*)?(?:la\s*)?(?:livraison|commande|prestation|exp[ée]dition)",
    r"p[ée]riode",
    r"fecha\s*(?:de(?:l)?\s*)?(?:entrega?|pedido?|servicio?|env[ií]o?)",  # the last letter OCR may lose
    r"per[ií]odo",
    r"zeitraum",
    r"תאריך\s*(?:ה)?(?:הזמנה|משלוח|הספקה|אספקה)",
    r"תאריך\s*(?:ה)?(?:הדפסה|ערך)",  # printed on; a payment's value date
)
TAX_ID = (
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
BUYER_BLOCK = (
    r"\bcliente\b",
    r"facturar\s*a",
    r"datos\s*del\s*cliente",
    r"factur[ée]\s*à",
    r"factur[ée]\s*a(?=\s*(?::|$))",  # OCR drops the grave accent: only as the whole label
    r"adresse\s*de\s*facturation",
    r"\bacheteur\b",
    r"\bempf(?:ä|ae|[iïül1]{0,2}a|[iïül1]{1,2})nger\b",  # OCR drops the umlaut, or reads it as i, ii or ia
    r"שם\s*הלקוח",
    r"פרטי\s*(?:ה)?לקוח",
    r"\binvoice\s*to\b",
    r"\bcharged\s*to\b",
    r"received\s*from",
    r"re[çc]u\s*de\b",  # the cedilla lost
    r"recibido\s*de",
    r"erhalten\s*von",
    r"התקבל\W{0,2}מאת",  # OCR reads the gap as a mark ('התקבל'מאת')
    r"^ע[בג]ור(?!\s*חשבונית)",  # its bet read as gimel on a photo ('עגור')
    r"^an\s*:",
    r"^à\s*:",
    r"^para\s*:",
    r"bill(?:ed)?\s*-\s*to",
    r"\battn\b|\battention\b",
    r"deliver(?:ed)?\s*to",
    r"prepared\s*for",
    r"issued\s*to",
    r"invoiced\s*to",
    r"^\s*(?:to|an|à|para|payer|אל)\s*:?\s*$",  # a bare "To" heading the customer's block
    r"^\s*a\s*:\s*$",  # a bare "À :" whose accent a photo's OCR lost
    r"^a\s?[:;]\s?(?=[^\W\d_]{3})",  # ... or opening its cell before the customer's name ('A; Atlantique')
    r"^\s*(?:an|à|para)\s*\.\s*$",  # a bare "An:" heading whose colon OCR read as a full stop
    r"ל[כב]ב'",  # לכב', its כ read as its look-alike ב as in לכבוד
    # ... its geresh read as a double mark or lost ('לכב "'): no Hebrew word of an invoice reads so
    r"(?<![\u05d0-\u05ea])ל[כב]ב(?:\s?\")?(?![\u05d0-\u05ea])",
    # 'המזמין' alone in its cell: OCR split 'פרטי המזמין' into two cells
    r"(?<![\u05d0-\u05ea])(?:ה)?מזמין(?![\u05d0-\u05ea])",
    r"פרטי\s*(?:י)?(?:ה)?מזמין",  # 'פרטי יהמזמין': a speck before the word read as a yod
    r"adress[ée]e?\s*à",
    r"adress[ée]e?\s*a(?=\s*(?::|$))",  # the accent lost, as with 'Facturé a'
    r"destinatario",
    r"auf\s?trag\s?geber",  # OCR may part the compound at its joints ("Auf traggeber:")
    r"(?<![\u05d0-\u05ea])נמען(?![\u05d0-\u05ea])",
    # the customer's addresses and attention lines as other layouts and languages head them
    r"(?:billing|shipping|delivery)\s*address",
    r"guest\s*name",  # a hotel's bill
    r"\bt\.\s?a\.\s?v\.",  # Dutch 'ter attentie van'
    r"ter\s*attentie",
    r"(?:factuur|aflever|lever)adres",
    r"(?:liefer|rechnungs)(?:adresse|anschrift)",
    r"adresse\s*de\s*livraison",
    r"indirizzo\s*di\s*(?:fatturazione|consegna)",
    r"direcci[oó]n\s*de\s*(?:facturaci[oó]n|env[ií]o|entrega)",
    # the buyer in Polish, Dutch, Italian, Scandinavian and Czech
    r"\bnabywca\b",
    r"\bodbiorca\b",
    r"\bklient\b",
    r"\bafnemer\b",
    r"\bcessionario\b",
    r"\bcommittente\b",
    r"\bacquirente\b",
    r"\bk[öo]pare\b",
    r"\bk[øo]ber\b",
    r"odb[ěe]ratel",
)
SELLER_BLOCK = (
    r"\bemisor\b",
    r"\bproveedor\b",
    r"\bvendedor\b",
    r"\bfournisseur\b",
    r"פרטי\s*(?:ה)?עסק",
    r"פרטי\s*(?:ה)?ספק",
    r"issued\s*by",
    r"billed\s*by",
    # the seller in Polish, Dutch, Italian, Portuguese, Scandinavian and Czech
    r"\bsprzedawca\b",
    r"\bdostawca\b",
    r"\bverkoper\b",
    r"\bleverancier\b",
    r"\bvenditore\b",
    r"\bfornitore\b",
    r"\bcedente\b",
    r"\bfornecedor\b",
    r"\bs[äa]ljare\b",
    r"\bleverant[öo]r\b",
    r"\bs[æa]lger\b",
    r"\bleverand[øo]r\b",
    r"\bdodavatel\b",
    r"sold\s*by",  # a marketplace's invoice names the seller of the goods ('Sold By : Acme Pvt. Ltd.')
    # ... as marketplaces print it in French, German, Spanish/Portuguese, Italian and Dutch
    r"vendu\s*par",
    r"verkauft\s*(?:von|durch)",
    r"vendido\s*por",
    r"venduto\s*da",
    r"verkocht\s*door",
    r"\bpayee\b",
    r"service\s*provider",
    r"rechnungssteller",
    r"[ée]metteur",
    r"נותן\s*(?:ה)?שירות",
)

# Legal forms that end a company name (the base list is in party_labels.py)
COMPANY_SUFFIX = (
    r"\bug\b",
    r"\beurl\b",
    r"\bsas\b",
    r"\bsarl\b",
    r"\bs\.?\s?l\.?$",
    r"\bs\.\s?l\.\s?[ul]\.?$",  # Spain's S.L.U. (one owner) and S.L.L. (owned by its staff)
    r"\bs\.?r\.?l\.?\b",
    r"\bb\.?v\.?\b",
    r"\bn\.?v\.?\b",
    r"\bohg\b",
    # Italian, Indian, Polish, Czech, Hungarian, Scandinavian, Portuguese and other legal forms
    r"\bs\.\s?p\.\s?a\b",
    r"\bpvt\b",
    r"\bpte\b",
    r"\bpty\b",
    r"\bllp\b",
    r"\bincorporated\b",
    r"\bbvba\b",
    r"\bv\.o\.f\.",
    r"\bsp\.\s?z\s?o\.\s?o\b",
    r"\bs\.r\.o\.",
    r"\bkft\b",
    r"\ba/s\b",
    r"\boy\b",
    r"\blt?da\b",
    r"\bs[àa]rl\b",
    r"\bgbr\b",
    r"\bkgaa\b",
    r"\bsa\b",
    r"ושות'",
    r"בעמ\b",
    # ... its gershayim damaged ('בע""ימ', 'בעיימ', 'בע'ימ'): marks and yods between בע and מ
    r"(?<![\u05d0-\u05ea])בע[\"'י]{1,4}מ(?![\u05d0-\u05ea])",
    r"\(\d{4}\)",  # "(1998)": Israeli companies registered under a name already taken
    # ... as right-to-left OCR mirrors its brackets: ')1998', ')1998('
    r"(?<=[\u05d0-\u05ea])\s[()]\s?(?:19|20)\d{2}\s?[()]?(?!\d)",
)
