"""HELD-OUT label words: synonyms that appear only on held-out families' pages, so the held-out score also
measures labels the rules were never shown. Whoever tunes the extractor must not read this file."""

from __future__ import annotations

HELD_OUT_LABELS: dict[str, dict[str, list[str]]] = {
    "he": {
        "number": ["מס. חשבונית", "מס' תעודה", "חשבונית מספר", "מספר"],
        "date": ["ת. מסמך", "תאריך הוצאה", "הונפק בתאריך"],
        "due": ["לפירעון עד", "מועד פירעון", "תאריך לתשלום"],
        "tax_id": ["מספר עוסק", 'ע"מ', "ח.פ/ע.מ", "מס' חברה"],
        "customer": ["שם לקוח", "מזמין", "חשבון לכבוד", "פרטי המזמין"],
        "subtotal": ['סכום חייב במע"מ', 'סה"כ נטו', 'סה"כ לפני מס', "ביניים"],
        "vat": ['מע"מ בשיעור {r}%', "מס {r}%", 'סכום מע"מ'],
        "total": ['סה"כ כולל', "סכום לתשלום", 'סה"כ לתשלום כולל מע"מ', "יתרה לתשלום"],
        "allocation": ["מס' אישור הקצאה", "מספר הקצאה (רשות המסים)"],
    },
    "en": {
        "number": ["Bill No.", "Doc #", "Invoice Ref.", "No."],
        "date": ["Billing Date", "Date Issued", "Tax Point"],
        "due": ["Payment due by", "Due on", "Please pay by"],
        "tax_id": ["VAT Registration", "Business No.", "Tax Reg.", "Registration No."],
        "customer": ["Customer Name", "Account", "Attention", "Deliver & Bill To"],
        "subtotal": ["Net Total", "Taxable Amount", "Total excl. tax", "Goods"],
        "vat": ["VAT Amount", "V.A.T. {r}%", "Tax @ {r}%"],
        "total": ["Amount Payable", "Total Payable", "Invoice Total", "Pay This Amount"],
        "allocation": ["Allocation Ref.", "ITA Allocation No."],
    },
    "de": {
        "number": ["Beleg Nr.", "Rg.-Nr.", "Nr."],
        "date": ["Ausstellungsdatum", "Datum der Rechnung"],
        "due": ["Zahlbar bis zum", "Fällig"],
        "tax_id": ["UID-Nr.", "USt-Id"],
        "customer": ["Rechnungsadresse", "Empfänger"],
        "subtotal": ["Warenwert netto", "Summe Netto"],
        "vat": ["Mehrwertsteuer {r}%", "MwSt-Betrag"],
        "total": ["Endbetrag", "Zahlbetrag", "Summe brutto"],
    },
    "fr": {
        "number": ["Facture N°", "N° pièce"],
        "date": ["Émise le", "Date de facturation"],
        "due": ["Payable au", "Règlement avant le"],
        "tax_id": ["N° de TVA", "Identifiant TVA"],
        "customer": ["Adresse de facturation", "Client facturé"],
        "subtotal": ["Total hors taxes", "Base HT"],
        "vat": ["T.V.A. {r}%", "Montant de la TVA"],
        "total": ["Total à régler", "Montant dû"],
    },
    "es": {
        "number": ["Factura número", "Nº documento"],
        "date": ["Fecha expedición", "Emitida el"],
        "due": ["Pagar antes de", "Vence el"],
        "tax_id": ["C.I.F.", "N.I.F."],
        "customer": ["Destinatario", "Facturado a"],
        "subtotal": ["Total base", "Neto"],
        "vat": ["I.V.A. {r}%", "Impuesto {r}%"],
        "total": ["Total a abonar", "Importe a pagar"],
    },
}
