"""The parties' words in more languages: the customer's and the seller's block labels and the legal
forms that end a company's name (Spanish, French, German, Hebrew synonyms; Dutch, Italian,
Portuguese, Polish, Scandinavian, Czech). `party_labels.py` folds these into its patterns.

Written from invoice vocabulary in general, not from any document we test on.
"""

from __future__ import annotations

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
    # the addressee's salutation and 'To:' in Italian, Dutch and Portuguese ('Spett.le Rossi S.r.l.')
    r"\bspett(?:\.\s?le|abile)\b",
    r"^\s*aan\s*:",
    r"klantgegevens",
    r"\bexm[oa]s?\.?\s*sr",
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
