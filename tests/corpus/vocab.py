"""Label words per language, with the synonyms real vendors use. A document draws one synonym per label
(`Vocabulary`), so two documents of the same family rarely read alike."""

from __future__ import annotations

import random

TITLES = {
    "he": {
        "tax_invoice": ["חשבונית מס", "חשבונית מס - מקור"],
        "tax_invoice_receipt": ["חשבונית מס/קבלה", "חשבונית מס / קבלה", "חשבונית מס קבלה"],
        "receipt": ["קבלה", "קבלה - מקור"],
        "invoice": ["חשבונית עסקה", "חשבון עסקה"],
        "credit_note": ["חשבונית זיכוי", "חשבונית מס זיכוי"],
    },
    "en": {
        "tax_invoice": ["TAX INVOICE", "Tax Invoice"],
        "tax_invoice_receipt": ["TAX INVOICE / RECEIPT", "Tax Invoice-Receipt"],
        "receipt": ["RECEIPT", "Sales Receipt", "CASH RECEIPT"],
        "invoice": ["INVOICE", "Invoice", "Commercial Invoice"],
        "credit_note": ["CREDIT NOTE", "Credit Memo"],
    },
    "de": {
        "invoice": ["RECHNUNG", "Rechnung"],
        "receipt": ["QUITTUNG", "Kassenbon", "Quittung"],
        "credit_note": ["GUTSCHRIFT", "Rechnungskorrektur"],
    },
    "fr": {
        "invoice": ["FACTURE", "Facture"],
        "receipt": ["REÇU", "Ticket de caisse", "Reçu"],
        "credit_note": ["AVOIR", "Facture d'avoir"],
    },
    "es": {
        "invoice": ["FACTURA", "Factura"],
        "receipt": ["TICKET", "Recibo", "Factura simplificada"],
        "credit_note": ["FACTURA RECTIFICATIVA", "Nota de crédito"],
    },
}

LABELS = {
    "he": {
        "discount": ["הנחה", "הנחה כללית", "הנחת לקוח"],
        "items_total": ['סה"כ פריטים', "סכום שורות", 'סה"כ ברוטו'],
        "number": [
            "מספר חשבונית",
            "מס' חשבונית",
            "חשבונית מס מספר",
            "מס' מסמך",
            "מספר מסמך",
            "אסמכתא",
            "מסמך מס'",
        ],
        "date": ["תאריך", "תאריך הפקה", "תאריך חשבונית", "תאריך מסמך", "ת. הפקה"],
        "due": ["תאריך פירעון", "לתשלום עד", "מועד תשלום", "תנאי תשלום עד"],
        "tax_id": ["ח.פ.", "ע.מ.", "עוסק מורשה", 'ח"פ', "ע.מ", "מס' עוסק", "עוסק מורשה מס'"],
        "customer": ["לכבוד", "לקוח", "עבור", "פרטי לקוח", "שם הלקוח"],
        "customer_tax_id": ["ח.פ. לקוח", "ע.מ. לקוח", "מס' עוסק לקוח"],
        "subtotal": ['סה"כ לפני מע"מ', "סכום ביניים", 'סה"כ ללא מע"מ', 'סכום לפני מע"מ', 'סך הכל חייב במע"מ'],
        "vat": ['מע"מ {r}%', 'מע"מ ({r}%)', 'מע"מ', "מס ערך מוסף {r}%"],
        "vat_included": ['מע"מ כלול {r}%', 'מתוכו מע"מ', 'כולל מע"מ {r}%'],
        "total": ['סה"כ לתשלום', 'סה"כ כולל מע"מ', "לתשלום", 'סה"כ', "סך הכל לתשלום"],
        "allocation": ["מספר הקצאה", "מס' הקצאה", "מספר אישור הקצאה"],
        "description": ["תיאור", "פריט", "תיאור פריט", "שם מוצר"],
        "quantity": ["כמות", "כמ'", "יח'"],
        "unit_price": ["מחיר יחידה", "מחיר", "מחיר ליח'"],
        "amount": ['סה"כ', "סכום", 'סה"כ שורה'],
        "phone": ["טל'", "טלפון", "טל"],
        "cash": ["מזומן", "שולם במזומן"],
        "change": ["עודף"],
        "rounding": ["עיגול", "עיגול אגורות"],
        "items_count": ["מס' פריטים", "כמות פריטים"],
        "card": ["אשראי", "כרטיס אשראי"],
        "page": ["עמוד 1 מתוך 1", "עמ' 1"],
        "amounts_in": ["הסכומים ב{c}", "מטבע: {c}"],
        "thanks": ["תודה ולהתראות!", "תודה שקניתם אצלנו", "נשמח לראותכם שוב"],
        "cashier": ["קופאי", "קופה"],
    },
    "en": {
        "discount": ["Discount", "Less discount", "Promo discount"],
        "items_total": ["Items total", "Gross amount", "Total of items"],
        "number": [
            "Invoice No.",
            "Invoice #",
            "Invoice Number",
            "Document No.",
            "Inv. No",
            "Ref",
            "Receipt No.",
        ],
        "date": ["Date", "Invoice Date", "Issue Date", "Date of issue", "Dated"],
        "due": ["Due Date", "Payment Due", "Pay by", "Due"],
        "tax_id": ["VAT No.", "Tax ID", "VAT Reg. No.", "Company No.", "EIN", "TIN"],
        "customer": ["Bill To", "Billed To", "Customer", "Invoice To", "Sold To", "Client"],
        "customer_tax_id": ["Customer VAT", "Client Tax ID"],
        "subtotal": ["Subtotal", "Net Amount", "Total before tax", "Net", "Amount excl. VAT", "Sub-total"],
        "vat": ["VAT {r}%", "Tax ({r}%)", "VAT @ {r}%", "Sales Tax", "VAT"],
        "vat_included": ["incl. VAT {r}%", "VAT included", "Includes tax"],
        "total": [
            "Total",
            "Amount Due",
            "Total Due",
            "Grand Total",
            "Balance Due",
            "TOTAL",
            "Total incl. VAT",
        ],
        "allocation": ["Allocation No.", "Allocation Number"],
        "description": ["Description", "Item", "Service", "Details"],
        "quantity": ["Qty", "Quantity", "Units", "Hrs"],
        "unit_price": ["Unit Price", "Rate", "Price", "Unit Cost"],
        "amount": ["Amount", "Line Total", "Total", "Ext. Price"],
        "phone": ["Tel", "Phone", "T."],
        "cash": ["CASH", "Cash", "TENDERED"],
        "change": ["CHANGE", "Change Due"],
        "rounding": ["ROUNDING", "Rounding Adj."],
        "items_count": ["ITEMS", "Item count", "No. of items"],
        "card": ["VISA", "CARD", "MASTERCARD"],
        "page": ["Page 1 of 1", "Page 1/1"],
        "amounts_in": ["All amounts in {c}", "Currency: {c}"],
        "thanks": ["Thank you for your business!", "Thank you, come again", "Goods sold are not returnable"],
        "cashier": ["Cashier", "Till"],
    },
    "de": {
        "discount": ["Rabatt", "Nachlass"],
        "items_total": ["Summe Positionen", "Warenwert"],
        "number": ["Rechnungsnummer", "Rechnungs-Nr.", "Beleg-Nr.", "Rechnung Nr."],
        "date": ["Rechnungsdatum", "Datum", "Belegdatum"],
        "due": ["Fällig am", "Zahlbar bis", "Fälligkeitsdatum"],
        "tax_id": ["USt-IdNr.", "USt-ID", "Umsatzsteuer-ID"],
        "customer": ["Rechnungsempfänger", "Kunde", "An"],
        "customer_tax_id": ["USt-IdNr. Kunde"],
        "subtotal": ["Nettobetrag", "Zwischensumme", "Summe netto", "Netto"],
        "vat": ["MwSt. {r}%", "USt. {r}%", "zzgl. {r}% MwSt.", "Umsatzsteuer {r}%"],
        "vat_included": ["inkl. MwSt. {r}%", "enth. USt."],
        "total": ["Gesamtbetrag", "Rechnungsbetrag", "Summe", "Gesamt brutto", "Zu zahlen"],
        "allocation": ["Zuteilungsnr."],
        "description": ["Bezeichnung", "Beschreibung", "Artikel", "Leistung"],
        "quantity": ["Menge", "Anz.", "Stk."],
        "unit_price": ["Einzelpreis", "E-Preis", "Preis"],
        "amount": ["Gesamt", "Betrag", "Summe"],
        "phone": ["Tel.", "Telefon"],
        "cash": ["BAR", "Gegeben"],
        "change": ["Rückgeld", "Zurück"],
        "rounding": ["Rundung"],
        "items_count": ["Anzahl Artikel"],
        "card": ["EC-Karte", "Karte"],
        "page": ["Seite 1 von 1"],
        "amounts_in": ["Beträge in {c}"],
        "thanks": ["Vielen Dank für Ihren Einkauf!", "Vielen Dank für Ihren Auftrag"],
        "cashier": ["Kasse", "Bediener"],
    },
    "fr": {
        "discount": ["Remise", "Rabais"],
        "items_total": ["Total articles", "Montant brut"],
        "number": ["N° de facture", "Facture n°", "Numéro", "Réf."],
        "date": ["Date", "Date de facture", "Date d'émission"],
        "due": ["Échéance", "Date d'échéance", "À payer avant le"],
        "tax_id": ["N° TVA", "TVA intracom.", "N° TVA intracommunautaire"],
        "customer": ["Facturé à", "Client", "Destinataire"],
        "customer_tax_id": ["N° TVA client"],
        "subtotal": ["Total HT", "Montant HT", "Sous-total HT"],
        "vat": ["TVA {r}%", "TVA ({r}%)", "Montant TVA"],
        "vat_included": ["dont TVA {r}%", "TVA incluse"],
        "total": ["Total TTC", "Net à payer", "Montant TTC", "Total à payer"],
        "allocation": ["N° d'allocation"],
        "description": ["Désignation", "Description", "Article"],
        "quantity": ["Qté", "Quantité"],
        "unit_price": ["Prix unitaire", "P.U. HT", "Prix"],
        "amount": ["Montant", "Total HT", "Montant HT"],
        "phone": ["Tél.", "Téléphone"],
        "cash": ["ESPÈCES", "Espèces"],
        "change": ["Rendu", "Monnaie rendue"],
        "rounding": ["Arrondi"],
        "items_count": ["Nombre d'articles"],
        "card": ["CB", "Carte bancaire"],
        "page": ["Page 1 / 1"],
        "amounts_in": ["Montants en {c}"],
        "thanks": ["Merci de votre visite", "Merci pour votre confiance"],
        "cashier": ["Caisse", "Caissier"],
    },
    "es": {
        "discount": ["Descuento", "Dto."],
        "items_total": ["Suma de líneas", "Importe bruto"],
        "number": ["Nº factura", "Número de factura", "Factura nº", "Nº"],
        "date": ["Fecha", "Fecha de factura", "Fecha de emisión"],
        "due": ["Vencimiento", "Fecha de vencimiento"],
        "tax_id": ["NIF", "CIF", "NIF/CIF"],
        "customer": ["Cliente", "Facturar a", "Datos del cliente"],
        "customer_tax_id": ["NIF cliente"],
        "subtotal": ["Base imponible", "Subtotal", "Importe neto"],
        "vat": ["IVA {r}%", "IVA ({r}%)", "Cuota IVA"],
        "vat_included": ["IVA incluido {r}%", "IVA incl."],
        "total": ["Total", "Total factura", "Importe total", "Total a pagar"],
        "allocation": ["Nº asignación"],
        "description": ["Descripción", "Concepto", "Artículo"],
        "quantity": ["Cant.", "Cantidad", "Uds."],
        "unit_price": ["Precio unitario", "Precio", "P. unit."],
        "amount": ["Importe", "Total", "Subtotal"],
        "phone": ["Tel.", "Teléfono"],
        "cash": ["EFECTIVO", "Entregado"],
        "change": ["CAMBIO", "Cambio"],
        "rounding": ["Redondeo"],
        "items_count": ["Nº artículos"],
        "card": ["TARJETA", "Tarjeta"],
        "page": ["Página 1 de 1"],
        "amounts_in": ["Importes en {c}"],
        "thanks": ["Gracias por su visita", "Gracias por su compra"],
        "cashier": ["Caja", "Cajero"],
    },
}
# Which tax-id label fits which country's English documents.
EN_TAX_ID_LABELS = {
    "IL": ["VAT Reg. No.", "Company No.", "Tax ID", "Reg. No.", "VAT No."],
    "US": ["EIN", "Tax ID", "TIN"],
    "GB": ["VAT No.", "VAT Reg. No."],
    "IE": ["VAT No.", "VAT Reg. No."],
}


_LATIN_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "gl", "pr", "st")
_LATIN_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
_HEBREW_LETTERS = "אבגדהוזחטיכלמנסעפצקרשת"


def nonce_label(label: str, language: str) -> str:
    """A made-up label of one or two words in the page's script, drawn from the real label (so the same
    label gives the same word on every page, and the document's own random stream is not touched);
    a rate or currency placeholder the real label prints is kept."""
    rng = random.Random(f"nonce/{language}/{label}")
    word_count = 1 if len(label.split()) == 1 else rng.choice((1, 2))
    if language == "he":
        words = [
            "".join(rng.choice(_HEBREW_LETTERS) for _ in range(rng.randint(3, 6))) for _ in range(word_count)
        ]
    else:
        words = [
            "".join(
                rng.choice(_LATIN_ONSETS) + rng.choice(_LATIN_VOWELS) for _ in range(rng.randint(2, 3))
            ).capitalize()
            for _ in range(word_count)
        ]
    kept = " ".join(
        part for part in ("{r}%" if "{r}" in label else "", "{c}" if "{c}" in label else "") if part
    )
    return " ".join(words) + (f" {kept}" if kept else "")


class Vocabulary:
    """One document's choice of words: each label drawn once, then used consistently on the page."""

    def __init__(
        self,
        rng: random.Random,
        language: str,
        country: str,
        vat_rate: float,
        currency: str,
        extra: dict[str, list[str]] | None = None,
        unseen: frozenset[str] = frozenset(),
    ) -> None:
        """`extra`: more synonyms per label (held-out families' own words), each used 60 % of the time.
        `unseen`: label keys printed as made-up words no lexicon knows (`nonce_label`), to measure what
        the extractor finds from layout and arithmetic alone (bench/extraction/unseen_labels.py)."""
        words = LABELS[language]
        self.language = language
        self.chosen = {key: rng.choice(options) for key, options in words.items()}
        if language == "en":
            self.chosen["tax_id"] = rng.choice(EN_TAX_ID_LABELS[country])
        for key, options in (extra or {}).items():
            if rng.random() < 0.6:
                self.chosen[key] = rng.choice(options)
        self.rate_text = f"{vat_rate * 100:g}"
        self.currency = (
            {"ILS": 'ש"ח', "USD": "דולר"}.get(currency, currency) if language == "he" else currency
        )
        self.titles = TITLES[language]
        self.rng = rng
        for key in unseen & set(self.chosen):
            self.chosen[key] = nonce_label(self.chosen[key], language)

    def __getitem__(self, key: str) -> str:
        return self.chosen[key].replace("{r}", self.rate_text).replace("{c}", self.currency)

    def title(self, document_type: str) -> str:
        return self.rng.choice(self.titles[document_type])
