"""What real till slips print beyond the basics (seen on third-party receipts, drawn here for the
till_slip family only): a registration number beside or under the name, the address over several
lines, dates in the till's own format (two-digit years, month abbreviations, time first, or only in
the footer with terminal ids), the exact total above a rounding line, GST/SST-style tax labels and a
tax summary table. Each draws from the document's own random stream, so other families are unchanged."""

from __future__ import annotations

from ..doc import Doc

# A label for the total before cash rounding, and for the tax summary, per language
EXACT_TOTAL = {
    "en": ["Total Incl. Tax", "Total Sales Incl. GST", "TOTAL INCL GST", "Total Amount"],
    "he": ['סה"כ לפני עיגול', 'סה"כ כולל מע"מ'],
    "de": ["Summe vor Rundung", "Summe brutto"],
    "fr": ["Total avant arrondi", "Sous-total TTC"],
    "es": ["Total antes de redondeo", "Total con IVA"],
}
SUMMARY = {
    "en": ("GST Summary", "Amount", "Tax"),
    "he": ('פירוט מע"מ', "סכום", 'מע"מ'),
    "de": ("MwSt-Übersicht", "Netto", "MwSt"),
    "fr": ("Récapitulatif TVA", "HT", "TVA"),
    "es": ("Resumen IVA", "Base", "Cuota"),
}
# English slips of the region that prints GST/SST: the tax and the net named after it
EN_TAX = ["GST @{r}%", "GST {r}%", "SST {r}%", "Total GST", "SST @ {r}%"]
EN_NET = ["Total Excl. GST", "Total Sales (Excluding GST)", "Sub-Total", "Amount Excl. SST"]
REGISTRATION = {
    "en": ["Co. Reg. No: {n}", "Company Reg. No. {n}", "(Company No. {n})"],
    "de": ["HRB {d}", "Amtsgericht HRB {d}"],
    "fr": ["RCS {d}", "SIRET {d}"],
    "es": ["Reg. Merc. {d}", "Inscrita en el R.M. {d}"],
}
# The till's own date printing (numeric only outside English: month names are the vocabulary's)
SLIP_DATES = {
    "en": ["%d-%m-%y", "%d/%m/%y", "%d %b %Y", "%d%b%Y", "%Y-%m-%d", "%d-%m-%Y"],
    "US": ["%m/%d/%y", "%m-%d-%Y", "%b %d %Y"],
    "other": ["%d-%m-%y", "%d/%m/%y", "%d.%m.%y", "%Y-%m-%d"],
}


def registration(doc: Doc) -> str | None:
    """A company registration number, for the line under the name or the bracket after it."""
    language, rng = doc.facts.language, doc.rng
    if language not in REGISTRATION:
        return None
    number = f"{rng.randint(10000, 999999)}-{rng.choice('ADHKMPTUVWX')}"
    return rng.choice(REGISTRATION[language]).format(n=number, d=rng.randint(10000, 99999))


def name_line(doc: Doc) -> str:
    """The vendor's name, in capitals as many tills print it, maybe with its registration in
    brackets after it ('ACME TRADING SDN BHD (519537-X)')."""
    name = doc.facts.vendor_name
    if doc.facts.language != "he" and doc.chance(0.3):
        name = name.upper()
    if doc.facts.language != "he" and doc.chance(0.25):
        name += f" ({doc.rng.randint(10000, 999999)}-{doc.rng.choice('ADHKMPTUVWX')})"
    return name


def address_lines(doc: Doc, address: str) -> list[str]:
    """One line, or its parts one under another as slips print them."""
    return [part.strip() for part in address.split(",")] if doc.chance(0.5) else [address]


def slip_date(doc: Doc, time_text: str) -> str:
    """The date as the till prints it: the document's style or the till's own, time after or before."""
    facts, rng = doc.facts, doc.rng
    text = doc.fmt.date(facts.invoice_date)
    if doc.chance(0.45):
        if facts.country == "US":
            styles = SLIP_DATES["US"]
        else:
            styles = SLIP_DATES["en" if facts.language == "en" else "other"]
        style = rng.choice(styles)
        text = facts.invoice_date.strftime(style)
        text = text.upper() if "%b%" in style else text
    roll = rng.random()
    if roll < 0.45:
        return f"{text} {time_text}"
    if roll < 0.6:
        return f"{time_text} {text}"
    return text


def footer_ids(doc: Doc, date_text: str) -> str:
    """'17-06-18 12:56 SH01 ZK42 T1 R000242300': the date among terminal and receipt ids."""
    rng = doc.rng
    return f"{date_text} S{rng.randint(1, 99):02d} T{rng.randint(1, 9)} R{rng.randint(10**8, 10**9 - 1)}"


def receipt_totals(doc: Doc, lines: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """The totals block with the exact total printed above a rounding line, and GST/SST-style labels
    on English slips (the amounts, and so the truth, unchanged)."""
    words, facts, fmt = doc.words, doc.facts, doc.fmt
    out = []
    english_tax = facts.language == "en" and doc.chance(0.5)
    for label, amount, emphasised in lines:
        if label == words["rounding"] and doc.chance(0.6):
            exact = round(facts.total - facts.rounding, 2)
            out.append((doc.rng.choice(EXACT_TOTAL[facts.language]), fmt.money(exact), False))
        if english_tax and label == words["vat"]:
            label = doc.rng.choice(EN_TAX).replace("{r}", words.rate_text)
        elif english_tax and label == words["subtotal"]:
            label = doc.rng.choice(EN_NET)
        out.append((label, amount, emphasised))
    return out


def tax_summary(doc: Doc) -> list[tuple[str, str, str]]:
    """Rows of a tax summary (code and rate, net, tax) under a header row; marks what it prints."""
    facts, fmt = doc.facts, doc.fmt
    if facts.vat_rate <= 0 or facts.document_type == "credit_note":
        return []
    title, net, tax = SUMMARY[facts.language]
    rate = f"{doc.words.rate_text}%"
    code = doc.rng.choice(["SR", "S", "A", ""])
    doc.mark("subtotal", "vat_amount", "vat_rate")
    return [
        (title, net, tax),
        (
            f"{code} @ {rate}".strip() if code else rate,
            fmt.number(facts.subtotal),
            fmt.number(facts.vat_amount),
        ),
    ]


def currency_note(doc: Doc) -> str | None:
    """'All amounts in RM': how a slip whose amounts carry no sign says its currency."""
    if doc.fmt.sign:
        return None
    currency = doc.words.currency
    notes = {
        "en": f"All amounts are in {currency}",
        "he": f"הסכומים ב{currency}",
        "de": f"Alle Beträge in {currency}",
        "fr": f"Montants en {currency}",
        "es": f"Importes en {currency}",
    }
    return notes[doc.facts.language]
