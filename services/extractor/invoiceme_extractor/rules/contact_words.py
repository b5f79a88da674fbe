"""Words that mark a phone number, an address or another line of contact details, in every language
the rules read. Written once here: the invoice number, the tax id, the vendor's name and the table
columns all need to tell such lines apart.

Hebrew words are matched whole. A label word is also a syllable of many names: 'טל' (phone) in
אביטל, פסטל, טלדור; 'מקור' (original) in מקורות; 'ת.ד' (P.O. box) in הסתדרות, מתדלקים. Python's
`\\b` cannot do it alone: Hebrew abbreviations end in a geresh or a quote ('טל'', 'רח'')."""

from __future__ import annotations

import re

_HEBREW = "\u05d0-\u05ea"


def hebrew_words(*words: str) -> str:
    """A pattern for any of the Hebrew `words`, not inside a longer Hebrew word."""
    return rf"(?<![{_HEBREW}])(?:{'|'.join(words)})(?![{_HEBREW}])"


# A phone or fax label; English words end there too ('Telstra', 'Hotel', 'Phonetic Labs', 'Faxon' and
# 'Telefonica' are names; 'Telephone' is a label).
PHONE_WORDS = (
    r"\btel\b|phone(?![a-z])|\bfax(?![a-z])|telefon(?:nummer)?(?![a-z])|\btél\b|teléfono|"
    + hebrew_words("טל", "טלפון", "טלפקס", "פקס", "נייד")
)
# Where the number follows at once, 'Mobile' and a lone 'T.' label it too ('T.: 04-9163660'); as a
# line's only words they may be a name ('T-Mobile'), so only the number-side checks use these.
PHONE = re.compile(PHONE_WORDS + r"|\bmobile\b|(?<![a-z])t\.\s*:?\s*(?=[+(\d])", re.I)

STREET_WORDS = (
    r"street|\bst\.|\broad\b|\bjalan\b|\bave\b|straße|strasse|p\.?o\.?\s*box|\bbox\b|"
    + hebrew_words("שדרות", "שד'", "דרך", "רחוב", "רח'", r"ת\.?ד")
)
# Continental street words ("Calle del Sol 34", "12 rue de la Paix", "Gartenweg 95"): an address row,
# and a line that is only an address is no name (one with a company suffix may be the name and its
# address on one line: "Au bon moulin SARL - 1242 chemin de l'olive")
# Malaysian addresses likewise ('Taman Berkeley', 'Kawasan Perindustrian Balakong', 'Jln Kebudayaan 7',
# 'Lorong ...', 'Persiaran ...'): a branch named after one ('... (TAMAN DAYA) SDN BHD') keeps its suffix
CONTINENTAL_STREET = re.compile(
    r"\bcalle\b|\bavenida\b|\bavda\.|\bpaseo\b|\brue\b|\bavenue\b|\bboulevard\b|\bchemin\b|"
    r"\ballée\b|[a-zäöü]weg\b|[a-zäöü]gasse\b|[a-zäöü]allee\b|[a-zäöü]platz\b|"
    r"\btaman\b|\btmn\b|\bkawasan\b|\bjln\b|\blorong\b|\bpersiaran\b",
    re.I,
)
STREET = re.compile(STREET_WORDS + "|" + CONTINENTAL_STREET.pattern, re.I)
# A street word that comes before the street's name, and so opens an address ('רחוב הרצל 5', 'Calle
# Mayor 3', '12 rue de la Paix' opens with its number instead)
STREET_START = re.compile(
    hebrew_words("שדרות", "שד'", "דרך", "רחוב", "רח'")
    + r"|(?:calle|avenida|avda\.|paseo|rue|via|jalan|jln|lorong|persiaran|taman)\b",
    re.I,
)
# A line with any of these is contact details, a page marker or a registration number: never a name
# (an e-mail's '@' has no space beside it and a word after it; 'Atlas @ Vista Inc.' is an '&' OCR
# misread, 'GMBH & CO. K@==' a legal form's last letter).
NOT_A_NAME = re.compile(
    r"\S@\w|www\.|https?:|e-?mail|\b(?:page|seite|p[áa]gina|original|copy)\b|"
    r"\biban\b|\bswift\b|"  # bank details ('Payable to: Atlas Labs LLC · IBAN US80 3427 2229')
    + PHONE_WORDS
    + "|"
    + hebrew_words('דוא"ל', "עמוד", "מקור", "העתק")
    + "|"
    + STREET_WORDS
    + "|"
    # registration lines ("Co. Reg. No: 000948487-V", "Company No:", "GST Reg No"): a number's label
    + r"\breg(?:istration|\.)?\s*[,.;:]?\s*n[o0]\b|\bco\.?\s*-?\s*reg\b|\bcompany\s*n[o0]\b",
    re.I,
)
