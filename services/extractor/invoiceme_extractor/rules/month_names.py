"""Month names as invoices print them, each with its number (English, German, French, Spanish,
Malay/Indonesian, Dutch, Italian, Portuguese, Hebrew); three-letter prefixes are matched too."""

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "sept": 9,
    "januar": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "marz": 3,  # OCR drops the umlaut
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    # Malay / Indonesian (till slips of the region), Dutch, Italian, Portuguese
    "januari": 1,
    "februari": 2,
    "mac": 3,
    "maret": 3,
    "maart": 3,
    "mei": 5,
    "julai": 7,
    "ogos": 8,
    "agustus": 8,
    "augustus": 8,
    "disember": 12,
    "desember": 12,
    "gennaio": 1,
    "febbraio": 2,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "settembre": 9,
    "ottobre": 10,
    "dicembre": 12,
    "janeiro": 1,
    "fevereiro": 2,
    "março": 3,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "setembro": 9,
    "outubro": 10,
    "dezembro": 12,
    "ינואר": 1,
    "פברואר": 2,
    "מרץ": 3,
    "מרס": 3,
    "אפריל": 4,
    "מאי": 5,
    "יוני": 6,
    "יולי": 7,
    "אוגוסט": 8,
    "ספטמבר": 9,
    "אוקטובר": 10,
    "נובמבר": 11,
    "דצמבר": 12,
}


def misread_initial(word: str, months: dict[str, int]) -> int | None:
    """A three-letter abbreviation whose capital OCR misread ('Sul.' for Jul., its J read as S): the
    month whose name's second and third letters are the word's, when exactly one month's are (no
    two months' abbreviations share them: 'ul' is July's, 'un' June's, 'ar' March's)."""
    close = {
        number
        for name, number in months.items()
        if name.isascii() and name[1:3] == word[1:3] and name[0] != word[0]
    }
    return close.pop() if len(close) == 1 else None


def accent_lost(word: str, months: dict[str, int]) -> int | None:
    """A three-letter word that is a month name with its one accented letter lost ('aot' for 'août',
    'mrz' for 'märz'): OCR drops a letter it cannot read; no other month name leaves these letters."""
    close = {
        number
        for name, number in months.items()
        for i, char in enumerate(name)
        if not char.isascii() and char.isalpha() and name[:i] + name[i + 1 :] == word
    }
    return close.pop() if len(close) == 1 else None


# Letters OCR reads as one where two are printed, or the other way round: Hebrew nun-vav as a mem
# ('במבמבר' for בנובמבר), Latin r-n as m ('Novernber')
MERGED_LETTERS = (("מ", "נו"), ("rn", "m"), ("m", "rn"))


def merged_letters_undone(word: str, months: dict[str, int]) -> int | None:
    """The one month whose name the word spells with one pair of merged letters parted (or one
    letter split in two joined)."""
    close = {
        months[spelled]
        for seen, printed in MERGED_LETTERS
        for at in (i for i in range(len(word)) if word.startswith(seen, i))
        if (spelled := word[:at] + printed + word[at + len(seen) :]) in months
    }
    return close.pop() if len(close) == 1 else None


def one_edit_apart(first: str, second: str) -> bool:
    """One letter changed, added or dropped ('Marx' and 'Mars', 'Sept' and 'Sep')."""
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        return sum(a != b for a, b in zip(first, second, strict=True)) == 1
    shorter, longer = sorted((first, second), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
