"""EU VAT numbers as OCR damages them: the I of IE/IT read as 1, l or |, a 0 read as O, a digit read as
a letter or a letter invented; undone where the check digit (or, for digits-only countries, the
number's length) says which reading was printed."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from stdnum.fr import siren

from invoiceme_common.tax_id_formats import eu_vat_well_formed, vat_number_valid

from .lines import Found

# OCR reads the I of IE / IT as 1, l or | ("1E68711721"), and a photo's E as £ ("I£90237964")
I_AS_DIGIT = r"[1l|I\\][ET£€]"  # ... or as a backslash ("\\E5407767B")
# ... and the B of GB as 8 ('G8145479162'): only before a UK number's nine digits
B_AS_EIGHT = r"G8(?=\d{9}(?!\d))"
# ... and the D of DE as 0 or O ('0E136695976'): only before a German number's nine digits
D_AS_ZERO = r"[0O]E(?=\d{9}(?!\d))"
# ... and the S of ES as 5 ('E5G79556936'): only before a Spanish number's shape (a letter or digit,
# seven digits, a letter or digit)
S_AS_FIVE = r"E5(?=[0-9A-Z]\d{7}[0-9A-Z](?![0-9A-Z]))"
# ... and the E of ES as £, € or § ('£SB02973972', '§SA32865198'): only before a Spanish number's shape
E_AS_POUND = r"[£€§][S5](?=[0-9A-Z]\d{7}[0-9A-Z](?![0-9A-Z]))"  # its S as 5 too ('£5814520290')


# ... and as a T ('TE3741557M'): only before an Irish number's shape, where the check letter agrees
T_AS_I = re.compile(r"TE(?=\d{7}[A-Z]{1,2}$)")
# ... and the whole IE as 16, with the check letter O read as a zero ('1649320660' for IE4932066O):
# only a token of that shape whose Irish reading the check letter accepts
IE_AS_16 = re.compile(r"16(?=\d{7}[0-9A-Z]$)")
# ... and an Irish number's check letter read as a sign of its shape: a C (or E) as the euro sign
# ('IE-8909972€'), a J as a bracket, alone or before the J read too ('IE2983469]', 'IE2983469]J')
_CHECK_LETTER_SIGNS = {"€": "CE", "]": "J"}
_CHECK_LETTER_AS_SIGN = re.compile(rf"(?<![A-Za-z0-9])((?:IE|{I_AS_DIGIT})[\s-]?\d{{7}})(?:€|\]J?)(?!\w)")


# ... and a speck between the prefix and the digits read as '&' ('GB&831 2221 77')
_MARK_AFTER_PREFIX = re.compile(r"^([A-Z]{2})&(?=\d)")


def _mark_after_prefix_undone(value: str) -> str:
    """'GB&831222177' without its speck, or with the '&' as the 8 it may be ('GB&31222177'): the
    reading that passes the country's check, else the one without it."""
    as_eight = _MARK_AFTER_PREFIX.sub(r"\g<1>8", value)
    dropped = _MARK_AFTER_PREFIX.sub(r"\1", value)
    return as_eight if vat_number_valid(as_eight) and not vat_number_valid(dropped) else dropped


@functools.lru_cache(maxsize=4096)  # asked twice of every id token (tax_ids), pure
def normalize_tax_id(raw: str) -> str:
    value = re.sub(r"[\s./-]", "", raw).upper()
    value = _mark_after_prefix_undone(value) if _MARK_AFTER_PREFIX.match(value) else value
    if signed := re.fullmatch(rf"({I_AS_DIGIT.upper()}\d{{7}})(€|\]J?)", value):  # the check letter as a sign
        head, letters = signed.group(1), _CHECK_LETTER_SIGNS[signed.group(2)[0]]
        value = next((head + ch for ch in letters if vat_number_valid(f"IE{head[2:]}{ch}")), value)
    if re.match(rf"{I_AS_DIGIT.upper()}\d", value):
        value = "I" + value[1:].replace("£", "E", 1).replace("€", "E", 1)
    if T_AS_I.match(value) and vat_number_valid("I" + value[1:]):
        value = "I" + value[1:]
    if IE_AS_16.match(value) and vat_number_valid(irish := "IE" + value[2:9] + value[9].replace("0", "O")):
        value = irish
    for misread, prefix in ((B_AS_EIGHT, "GB"), (D_AS_ZERO, "DE")):
        if re.fullmatch(rf"{misread}\d{{9}}", value):
            value = prefix + value[2:]
    if re.fullmatch(rf"(?:{S_AS_FIVE}|{E_AS_POUND})[0-9A-Z]{{9}}", value):
        value = "ES" + value[2:]
    if "O" in value[2:] and vat_number_valid(value):
        return value  # as printed: an Irish number's check letter may well be an O ('IE8886063O')
    if re.fullmatch(r"[A-Z]{2}[0-9O]{8,12}", value):  # OCR reads 0 as O after the country prefix
        value = value[:2] + value[2:].replace("O", "0")
    elif re.fullmatch(r"[A-Z]{2}[0-9A-Z]{8,12}", value):  # ... or inside the digits ("ESAO6568467")
        value = value[:3] + _O_BESIDE_DIGIT.sub("0", value[3:-1]) + value[-1]
    return _check_digit_repair(value)


_O_BESIDE_DIGIT = re.compile(r"O(?=\d)|(?<=\d)O")


# Letters OCR reads for digits ("DES06584775" for DE506584775)
_LETTER_AS_DIGIT = str.maketrans({"S": "5", "O": "0", "I": "1", "L": "1", "B": "8", "Z": "2", "G": "6"})


# ... and the other way: a letter of the number read as the digit of its shape ('ES863970578' for
# ESB63970578, the B of a Spanish company's number read 8)
_DIGIT_AS_LETTER = {"8": "B", "5": "S", "6": "G", "2": "Z"}


def digit_read_for_letter(value: str) -> str | None:
    """The one reading, a digit of the number taken back to the letter OCR read it for, that passes
    the country's check, or None (none passes, or several: the page does not say which). Only where
    the number as read cannot be printed: a Spanish number always holds a letter (a company's first,
    a person's last) and a Dutch one its B; elsewhere (an Irish number's letters may sit among its
    digits) a number failing its check is kept as printed."""
    prefix, body = value[:2], value[2:]
    if not (prefix == "ES" and body.isdigit()) and not (prefix == "NL" and body[9:10] == "8"):
        return None
    readings = {
        prefix + body[:i] + _DIGIT_AS_LETTER[ch] + body[i + 1 :]
        for i, ch in enumerate(body)
        if ch in _DIGIT_AS_LETTER
    }
    valid = [reading for reading in readings if vat_number_valid(reading)]
    return valid[0] if len(valid) == 1 else None


# Countries whose VAT number is digits only, and how many
_DIGITS_ONLY = {"DE": 9, "IT": 11, "PL": 10, "DK": 8, "FI": 8, "PT": 9, "EL": 9, "BE": 10, "LU": 8, "SI": 8}


def _check_digit_repair(value: str) -> str:
    """An EU VAT number that fails its check digit, repaired by undoing OCR's letter-for-digit reads
    or dropping one letter it invented: a reading the check digit accepts, else (for countries whose
    numbers are digits only) the reading of the right shape."""
    if not re.fullmatch(r"[A-Z]{2}[0-9A-Z]{8,13}", value) or vat_number_valid(value):
        return value
    prefix, body = value[:2], value[2:]
    bodies = [body[:i] + body[i + 1 :] for i, ch in enumerate(body) if ch.isalpha()]
    # one letter read for a digit ('ESGS8387399': the S only, the G is the number's own letter)
    one_letter = [
        body[:i] + ch.translate(_LETTER_AS_DIGIT) + body[i + 1 :]
        for i, ch in enumerate(body)
        if ch.translate(_LETTER_AS_DIGIT) != ch
    ]
    candidates = [body.translate(_LETTER_AS_DIGIT), *one_letter, *bodies]
    readings = [prefix + candidate for candidate in candidates]
    valid = next((reading for reading in readings if vat_number_valid(reading)), None)
    if valid is not None:
        return valid
    if (as_letter := digit_read_for_letter(value)) is not None:
        return as_letter
    if not eu_vat_well_formed(value):
        # the one reading of the country's format (its check digit aside), fewest changes first
        for tried in ([prefix + candidate for candidate in one_letter], readings):
            formed = {reading for reading in tried if eu_vat_well_formed(reading)}
            if len(formed) == 1:
                return formed.pop()
    if prefix in _DIGITS_ONLY and not body.isdigit():
        shaped = [r for r in readings if r[2:].isdigit() and len(r) - 2 == _DIGITS_ONLY[prefix]]
        return shaped[0] if shaped else value
    return value


def repaired_unchecked(raw: str, value: str) -> bool:
    """`value` is an EU VAT number OCR's reading `raw` was changed into (a letter for a digit, a
    country code's letter, an invented letter dropped) that no check digit confirms: a guess."""
    read_as = re.sub(r"[\s./-]", "", raw).upper()
    return value[:2].isalpha() and read_as != value and not vat_number_valid(value)


# (IL not before S: 'ILS 72451.82' is an amount in shekels, not an Israeli id with a prefix; nor GB
# before P: 'GBP 17836.14' is one in pounds; nor HR before a letter: 'HRB 26308481' is a German
# company's register number, a Croatian VAT number is digits only)
_COUNTRIES = (
    "AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|GB(?!P)|HR(?![A-Z])|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|CHE"
    "|IL(?!S)|XI"
)
# A country prefix and 8-12 digits/letters, in any grouping: "FR 11 123 456 782", "DE 136 695 976".
# OCR reads the I of IE / IT as 1, l or | ("1E68711721"): accepted here, undone by normalize_tax_id.
# Lower-case letters OCR glued to its last digit ('FRL12241219088eaa2i0es') end it as a space would.
# A letter that opens the number may stand apart by a dash, as Spanish ids print it ('ES B-12345678').
# Up to 14 after the prefix: a label's capitals OCR glued to the number ('FR7038507466IIVA'), which
# `valid_head` cuts off.
_EU_PREFIX = rf"{_COUNTRIES}|{I_AS_DIGIT}|{B_AS_EIGHT}|{D_AS_ZERO}|{S_AS_FIVE}|{E_AS_POUND}"
EU_VAT = re.compile(
    rf"(?<![A-Za-z0-9])({_EU_PREFIX})(?:[\s.-]|&(?=\d))?((?:[A-Z]\s?-\s?)?(?:[0-9A-Z][\s.]?){{7,14}})"
    r"(?:(?![\w])|(?<=\d)(?=[a-z]))"
)


def eu_vat_ids(text: str) -> list[str]:
    found = _check_letter_as_sign(text)
    for match in EU_VAT.finditer(text):
        body = re.sub(r"[\s.-]", "", match.group(2))
        if (head := valid_head(match.group(0))) is not None:
            found.append(head)
        elif 8 <= len(body) <= 12 and _digits_or_zeros(body) >= 7:
            found.append(match.group(0).strip(" ."))
    return found


def _check_letter_as_sign(text: str) -> list[str]:
    """Irish numbers whose check letter OCR read as a sign ('€', ']'), where a letter it may be (C or E,
    J) passes the check (normalize_tax_id reads it back)."""
    matches = _CHECK_LETTER_AS_SIGN.finditer(text)
    return [match.group(0) for match in matches if vat_number_valid(normalize_tax_id(match.group(0)))]


def _digits_or_zeros(body: str) -> int:
    """A VAT number's digits, counting its zeros OCR read as the letter O ('GBOOO 1926 38'; see
    `normalize_tax_id`), when five or more digits were read as digits."""
    digits = sum(ch.isdigit() for ch in body)
    return digits + body.count("O") if digits >= 5 else digits


def valid_head(token: str) -> str | None:
    """The start of a VAT-number token OCR glued letters to ('DE715035782S782'): the longest start
    of its country's format, when what follows it holds a letter (a longer run of digits is some
    other number); or a start that passes its check, a space after it (the row's next number: a
    street's house number joined to the id by the token's groups)."""
    if eu_vat_well_formed(_compact(token)):
        return None
    for end in range(len(token) - 1, 9, -1):
        head, tail = token[:end], token[end:]
        if head[-1].isalnum() and re.search(r"[A-Z]", tail) and eu_vat_well_formed(_compact(head)):
            return head
        # its last digit read as the letter of its shape, glued to the label after it
        # ('FR7038507466IIVA intracommunautaire' for FR70385074661 TVA): only where the check passes
        as_digit = head[:-1] + head[-1].translate(_LETTER_AS_DIGIT)
        if head[-1].isalpha() and tail[:1].isupper() and vat_number_valid(_compact(as_digit)):
            return head
        if tail.startswith(" ") and vat_number_valid(_compact(head)):
            return head  # the next number of its row after a space ('IE0713474W 132 King Street')
    return None


def _compact(token: str) -> str:
    return re.sub(r"^[£€§]S", "ES", re.sub(r"[\s.]", "", token).upper())


# A French VAT label ('N° TVA', 'Numéro de TVA', 'TVA intracommunautaire'); not a SIREN's or SIRET's
_FRENCH_VAT_LABEL = re.compile(r"(?<![a-z])tva(?![a-z])", re.I)
SIREN_EXPANDED = 0.8  # the key is computed, not read: a guess the web app shows for review


def french_vat_of_siren(found: Found | None) -> Found | None:
    """A French VAT number read as its bare SIREN ('Numéro de TVA 528425671': OCR lost the 'FR 11'
    before it, or set it on another line): the nine digits pass their Luhn check, so the number is
    FR, its key (12 + 3 x (SIREN mod 97)) mod 97, and the SIREN."""
    if found is None or (value := _siren_as_vat(found.value)) is None:
        return found
    texts = [cell.text for cell in found.line.cells if found.raw in cell.text] or [found.line.text]
    if not any(_FRENCH_VAT_LABEL.search(text) for text in texts):
        return found
    return replace(found, value=value, confidence=min(found.confidence, SIREN_EXPANDED))


def _siren_as_vat(value: str) -> str | None:
    """Nine digits passing a SIREN's Luhn check as the French VAT number: FR, the key, the SIREN."""
    if not re.fullmatch(r"\d{9}", value) or not siren.is_valid(value):
        return None
    return "FR" + siren.to_tva(value)


# A French page names its VAT ('TVA', 'N° intracom.') somewhere: where the label stands apart from
# the number (another line: 'intracom.' over 'FR' over the digits), `french_vat_of_siren` cannot see it
_FRENCH_VAT_WORDS = re.compile(r"\btva\b|intracom", re.I)
_IRISH_BODY = re.compile(r"\d{7}[A-W][A-IW]?")


def with_country_prefix(value: str, page_text: str, line_text: str = "") -> str | None:
    """The EU VAT number whose country prefix OCR lost (printed apart, at a cell's edge), or None:
    seven digits and a check letter are Irish when 'IE' makes the letter check ('1057570V'); digits
    beside a label naming their country (`line_text`, the number's line) take its prefix when they
    then pass its check (`prefix_from_label`); a SIREN that passes its check, on a page naming TVA,
    is FR, its key and itself ('930152970')."""
    if _IRISH_BODY.fullmatch(value) and vat_number_valid("IE" + value):
        return "IE" + value
    if (labelled := prefix_from_label(value, line_text)) is not None:
        return labelled
    return _siren_as_vat(value) if _FRENCH_VAT_WORDS.search(page_text) else None


# A VAT number's label that names its country, for a number whose prefix OCR lost ('USt-IdNr.
# 367621575' on a dev photo, its 'DE' dropped): the countries whose numbers are digits only
_COUNTRY_LABELS = (
    ("DE", re.compile(r"\bust\.?\s*-?\s*id|umsatzsteuer", re.I)),
    ("FR", _FRENCH_VAT_LABEL),
    ("IT", re.compile(r"\bp(?:artita)?\.?\s*iva\b", re.I)),
)


def prefix_from_label(value: str, label: str) -> str | None:
    """The number with its country's prefix put back, when the label beside it (`label`, its line's
    text) names one country and the number with that prefix passes the country's check."""
    if not value.isdigit():
        return None
    found = [country + value for country, words in _COUNTRY_LABELS if words.search(label)]
    return found[0] if len(found) == 1 and vat_number_valid(found[0]) else None
