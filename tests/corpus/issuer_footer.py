"""The issuer named again at the foot of the page, as real invoices print it: a row of its legal
details ('Acme Ltd · 12 Main St · VAT ...'), the payee of its bank details ('Payable to Acme Ltd ·
IBAN ...') or its e-mail, whose domain spells the name. On an OCR'd page the second copy is often
read better (or worse) than the header's, and a page may name its issuer only there."""

from __future__ import annotations

import random
import unicodedata

from .doc import Doc
from .names import address, phone

GREY = (0.4, 0.4, 0.4)
PAYEE = {"he": "לפקודת", "en": "Payable to", "de": "Kontoinhaber", "fr": "Titulaire", "es": "Titular"}
TLD = {"he": "co.il", "en": "com", "de": "de", "fr": "fr", "es": "es"}


def email_of(name: str, language: str) -> str | None:
    """'info@garcia-construcciones.es' from 'García Construcciones SL' (Latin names only)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [word.lower() for word in folded.split() if word.isalpha() and len(word) > 1][:2]
    if len(words) < 2 or len(" ".join(words)) < len(name.split()[0]):
        return None  # a Hebrew name has no Latin domain here
    return f"info@{'-'.join(words)}.{TLD[language]}"


def side_rng(doc: Doc, purpose: str) -> random.Random:
    """A draw of its own for the issuer's second copy, so pages without one stay byte for byte as
    they were (their OCR stays cached) and the page's other draws are unchanged."""
    facts = doc.facts
    return random.Random(f"{purpose}/{facts.vendor_name}/{facts.invoice_number}/{facts.total}")


def _bank_details(doc: Doc, rng: random.Random) -> str:
    if doc.facts.language == "he":
        return f"בנק {rng.randint(10, 31)} סניף {rng.randint(100, 999)} חשבון {rng.randint(100000, 999999)}"
    digits = " ".join(str(rng.randint(1000, 9999)) for _ in range(2))
    return f"IBAN {doc.facts.country}{rng.randint(10, 99)} {digits}"


def issuer_footer(doc: Doc, y: float, x: float = 105.0, chance: float = 0.35) -> None:
    """Sometimes (`chance`) one or two small grey rows naming the issuer at the page's end, from `y`
    (centred by default)."""
    rng = side_rng(doc, "issuer-footer")
    y = max(y + 2, 282.0)
    if rng.random() >= chance or y > 289:
        return
    facts = doc.facts
    details = [address(rng, facts.language), f"{doc.words['phone']} {phone(rng, facts.language)}"]
    email = email_of(facts.vendor_name, facts.language)
    if email and rng.random() < 0.6:
        details.append(email)
    moved = doc.tax_ids is not None and doc.tax_ids.moved  # the id printed only where it was moved to
    if facts.vendor_tax_id and rng.random() < 0.5 and not moved:
        details.insert(0, f"{doc.words['tax_id']} {doc.fmt.tax_id(facts.vendor_tax_id, rng)}")
        doc.mark("vendor_tax_id")
    style = rng.choice(["legal", "legal", "payee"])
    if style == "legal":
        rows = [" · ".join([facts.vendor_name, *details[:2]]), " · ".join(details[2:])]
    else:
        payee = f"{PAYEE[facts.language]}: {facts.vendor_name}"
        rows = [f"{payee} · {_bank_details(doc, rng)}", " · ".join(details)]
    for row in (row for row in rows if row):
        size = doc.sheet.fit(row, 7.5, 180)
        doc.sheet.text(x, y, row, size, align="centre", color=GREY)
        y += size * 0.5 + 1.2
