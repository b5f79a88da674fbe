"""Labels of the parties: tax ids and allocation numbers, the buyer's and seller's blocks, and the
words and legal forms that mark a business name."""

from __future__ import annotations

from . import lexicon, party_lexicon
from .labels import any_of

TAX_ID = any_of(
    r"(?<![\u05d0-\u05ea])ח\.?\s*פ\.?(?![\u05d0-\u05ea])",
    r'(?<![\u05d0-\u05ea])ח"פ',
    r"(?<![\u05d0-\u05ea])ע\.?\s*מ\.?(?![\u05d0-\u05ea\w])",
    r'(?<![\u05d0-\u05ea])ע"מ',
    # ... their last letter in its final form, as OCR reads a letter before a point ('ע.ם. הלקוח');
    # only with the point after the first: 'עם' is a word
    r"(?<![\u05d0-\u05ea])ע\.\s*ם(?![\u05d0-\u05ea\w])",
    r"(?<![\u05d0-\u05ea])ח\.\s*ף(?![\u05d0-\u05ea])",
    r"עוסק\s*מורשה",
    r'(?<![\u05d0-\u05ea])עוס["\u05f4]מ(?![\u05d0-\u05ea])',  # its abbreviation
    # "עוסק מורשה" with its first word garbled by a photo's OCR ("pow מורשה"): "מורשה" (licensed)
    # on its own names nothing else an invoice prints with a number
    r"(?<![\u05d0-\u05ea])מורשה(?![\u05d0-\u05ea])",
    r"(?<![\u05d0-\u05ea])מזרשה(?![\u05d0-\u05ea])",  # ... its vav read as zayin, as photos do
    r"עוסק\s*פטור",
    # an Israeli business's English invoice names its VAT registration as the Hebrew does: 'Licensed
    # Dealer No.' (עוסק מורשה translated), or in Latin letters ('Osek Murshe')
    r"licensed\s*dealer",
    r"\bosek\s*m[ou]rsh",
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
    r"\b(?-i:FEIN)\b",  # the US Federal EIN; in capitals only (German 'fein' is a word)
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
    r"לקות(?![\u05d0-\u05ea])",  # its final het read as the tav of the same shape ('שם לקות:')
    # 'אל: ...' (to: ...): a cell opening with it addresses the customer; only with its colon, since
    # without one it opens issuers' names too ('אל על נתיבי אויר לישראל בע"מ')
    r"^\s*אל\s*:",
    # 'Payable to:', 'Remit (payment) to:' name the issuer (see name_signs.PAYEE)
    r"(?<!payable\s)(?<!remit\s)(?<!payment\s)\bto\s*:",
    r"(?<!ver)(?<!ver )käufer",
    r"kunde",
    r"rechnungsempf(?:ä|ae|[iïül1]{0,2}a|[iïül1]{1,2})nger",  # OCR drops the umlaut, reads it i, ii or ia
    r"leistungsempf(?:ä|ae|[iïül1]{0,2}a|[iïül1]{1,2})nger",
    r"destinataire",
    r"buyer",
    r"recipient",
    # as a photo's OCR damages them: 'Clent' (its i lost), 'לקו' (its final ח lost; alone in its
    # cell only, since 'לקו' also starts 'to the line'), after 'שם' too ('שם לקו': the customer's name)
    r"\bcl[i1l]?ent\b",
    r"^\s*(?:שם\s*)?לקו\s*:?\s*$",
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
    r'בע"(?:מ|ם(?![\u05d0-\u05ea]))',  # its last letter read in its final form, ending the word
    r"\bltd\b",
    r"\blimited\b",
    r"\binc\b",
    r"\bllc\b",
    r"\bgmbh\b",
    r"\bag\b",
    r"\bsdn\b",
    r"\bbhd\b",
    r"\bs/b\b",  # Sendirian Berhad, as Malaysian receipts abbreviate it
    # ... or without its slash, in capitals, closing the name or before its registration number
    r"(?-i:\bSB)(?=\s*$|\s?[(\[{]\s*\d{5,})",
    r"\bs\.?a\.?r?\.?l?\.?\b",
    r"\bcorp",
    r"\bco\.",
    r"\bplc\b",
    r"\be\.?k\.?\b",
    r"\bkg\b",
    r"עמותה",
    r"שותפות",
)

# The multilingual additions (lexicon.py) join each field's words.
TAX_ID = any_of(TAX_ID.pattern, *lexicon.TAX_ID)
BUYER_BLOCK = any_of(BUYER_BLOCK.pattern, *party_lexicon.BUYER_BLOCK)
SELLER_BLOCK = any_of(SELLER_BLOCK.pattern, *party_lexicon.SELLER_BLOCK)
COMPANY_SUFFIX = any_of(COMPANY_SUFFIX.pattern, *party_lexicon.COMPANY_SUFFIX)
