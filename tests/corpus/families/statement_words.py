"""Words of the DEV `ledger` family beyond the DEV labels: tax-id labels as registries print them, and
the words of its VAT summary table, delivery charges, second-currency restatements and payment
sentences. Written from invoice vocabulary in general (national VAT-id names, common phrasing), not
from the held-out families, whose words nobody here reads."""

from __future__ import annotations

# More synonyms per label (merged over DEV_LABELS for this family only; see compose.py)
LEDGER_LABELS: dict[str, dict[str, list[str]]] = {
    "en": {
        "tax_id": [
            "VAT Reg No",
            "VAT Registration No.",
            "Federal Tax ID",
            "EIN",
            "ABN",
            "GSTIN",
            "VAT ID",
            "Tax Registration",
        ],
        "customer_tax_id": ["Customer VAT No.", "Your VAT No.", "Client VAT ID"],
    },
    "he": {
        "tax_id": ["ח.פ.", "ע.מ.", "עוסק מורשה", 'ח"פ', "מספר עוסק מורשה", "מס' ח.פ.", "ח.פ"],
        "customer_tax_id": ["ח.פ. הלקוח", "ע.מ. לקוח", "מספר עוסק לקוח"],
    },
    "de": {
        "tax_id": ["USt-IdNr.", "Umsatzsteuer-Identifikationsnummer", "USt-ID-Nr.", "UID-Nr.", "USt.-Id."],
        "customer_tax_id": ["Ihre USt-IdNr.", "USt-IdNr. des Kunden"],
    },
    "fr": {
        "tax_id": ["N° TVA intracommunautaire", "Numéro de TVA", "TVA intra.", "Identifiant TVA", "N° TVA"],
        "customer_tax_id": ["Votre N° TVA", "N° TVA du client"],
    },
    "es": {
        "tax_id": ["CIF", "NIF", "N.I.F.", "C.I.F.", "NIF-IVA", "Nº IVA"],
        "customer_tax_id": ["Su NIF", "CIF cliente"],
    },
}

SHIPPING = {
    "he": ["משלוח", "דמי משלוח", "הובלה"],
    "en": ["Shipping", "Delivery", "Freight", "Postage & packing"],
    "de": ["Versandkosten", "Fracht", "Versand"],
    "fr": ["Frais de port", "Livraison", "Frais d'expédition"],
    "es": ["Gastos de envío", "Portes", "Envío"],
}
# Column heads of the VAT summary table: rate, amount before VAT, VAT, amount with VAT
VAT_TABLE = {
    "he": ('שיעור מע"מ', 'לפני מע"מ', 'מע"מ', 'כולל מע"מ'),
    "en": ("VAT rate", "Net", "VAT", "Gross"),
    "de": ("MwSt-Satz", "Netto", "MwSt", "Brutto"),
    "fr": ("Taux TVA", "Base HT", "Montant TVA", "TTC"),
    "es": ("Tipo IVA", "Base imponible", "Cuota IVA", "Total"),
}
VAT_TABLE_SUM = {"he": 'סה"כ', "en": "Total", "de": "Summe", "fr": "Total", "es": "Total"}
# A restatement of the total in another currency: its label, then the amount and the rate used
IN_OTHER_CURRENCY = {
    "he": "לידיעה: {amount} {code} (שער {fx})",
    "en": "For information: {amount} {code} (exchange rate {fx})",
    "de": "Zur Information: {amount} {code} (Kurs {fx})",
    "fr": "Pour information : {amount} {code} (taux {fx})",
    "es": "A título informativo: {amount} {code} (cambio {fx})",
}
# Sentences of a covering letter that state the amounts ({total}, {vat}, {rate}, {due}, {number})
VAT_SENTENCE = {
    "he": 'הסכום {total} כולל מע"מ בשיעור {rate}% בסך {vat}.',
    "en": "The amount of {total} includes VAT at {rate}% ({vat}).",
    "de": "Der Rechnungsbetrag von {total} enthält {rate} % MwSt. ({vat}).",
    "fr": "Le montant de {total} comprend la TVA à {rate} % ({vat}).",
    "es": "El importe de {total} incluye IVA del {rate} % ({vat}).",
}
PAY_SENTENCE = {
    "he": "נא לשלם {total} עד {due} לחשבון המצוין מטה.",
    "en": "Please pay {total} by {due} to the account below.",
    "de": "Bitte überweisen Sie {total} bis zum {due} auf das unten genannte Konto.",
    "fr": "Merci de régler {total} avant le {due} sur le compte ci-dessous.",
    "es": "Por favor, abone {total} antes del {due} en la cuenta indicada.",
}
PAY_NOW_SENTENCE = {
    "he": "נא לשלם {total} לחשבון המצוין מטה.",
    "en": "Please transfer {total} to the account below.",
    "de": "Bitte überweisen Sie {total} auf das unten genannte Konto.",
    "fr": "Merci de virer {total} sur le compte ci-dessous.",
    "es": "Por favor, transfiera {total} a la cuenta indicada.",
}
REGISTER = {
    "he": "רשם החברות",
    "en": "Company No.",
    "de": "Amtsgericht München HRB",
    "fr": "RCS Paris",
    "es": "Registro Mercantil, hoja",
}
BANK = {"he": "בנק", "en": "Bank", "de": "Bank", "fr": "Banque", "es": "Banco"}
# A deposit paid before the invoice, deducted after its total, and the balance left to pay
DEPOSIT = {
    "he": ["מקדמה ששולמה", "בניכוי מקדמה", "מקדמה"],
    "en": ["Deposit paid", "Less: advance payment", "Prepayment received"],
    "de": ["Anzahlung", "abzgl. Anzahlung", "Geleistete Anzahlung"],
    "fr": ["Acompte versé", "Acompte reçu"],
    "es": ["Anticipo recibido", "Anticipo"],
}
BALANCE = {
    "he": ["יתרה לתשלום", "נותר לתשלום"],
    "en": ["Balance due", "Amount due", "Remaining balance"],
    "de": ["Restbetrag", "Noch zu zahlen"],
    "fr": ["Reste à payer", "Solde dû"],
    "es": ["Saldo pendiente", "Resto a pagar"],
}
