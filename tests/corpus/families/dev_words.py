"""More label words for the DEVELOPMENT families: the synonyms, abbreviations and label forms real
invoices print beyond the base vocabulary (vocab.py), each used 60 % of the time (see
`vocab.Vocabulary`). Held-out families draw their own words (held_out_words.py), not these; this list
was written from invoice vocabulary in general, without looking at theirs."""

from __future__ import annotations

DEV_LABELS: dict[str, dict[str, list[str]]] = {
    "en": {
        "number": [
            "Invoice Ref.",
            "Reference No.",
            "Bill No.",
            "Doc #",
            "Invoice ID",
            "Tax Invoice No.",
            "Document Number",
            "Inv #",
        ],
        "tax_id": [
            "TIN",
            "Taxpayer ID",
            "Business No.",
            "Registration Number",
            "Co. Reg. No.",
            "VAT Registration Number",
            "Tax Reg. No.",
            "VAT Number",
            "GST No.",
            "Business ID",
            "Tax Number",
        ],
        "customer": [
            "Bill-to",
            "Attention",
            "Deliver To",
            "Customer Details",
            "Prepared for",
            "Issued to",
            "To",
            "Invoiced To",
            "Buyer",
        ],
        "date": ["Invoice Dt.", "Date Issued", "Tax Point", "Issued on", "Document Date"],
        "due": ["Payment Due Date", "Due by", "Please pay by", "Due On", "Payable by"],
    },
    "he": {
        "number": [
            "חשבונית מספר",
            "מספר אסמכתא",
            "מס' אסמכתא",
            "מסמך",
            "חשבונית מס מס'",
            "מס. חשבונית",
            "מספר",
        ],
        "tax_id": [
            "מס' חברה",
            "ח.פ./ע.מ.",
            "ע.מ/ח.פ",
            "מספר עוסק",
            "עוסק מורשה מספר",
            "ת.ז.",
            "מס' עוסק מורשה",
            "מספר ח.פ.",
        ],
        "customer": ["לכב'", "אל", "מזמין", "פרטי המזמין", "שם לקוח", "עבור", "נמען", "פרטי הלקוח"],
        "date": ["תאריך מסמך", "תאריך הוצאה", "ת. חשבונית", "תאריך הנפקה"],
        "due": ["תאריך לתשלום", "יש לשלם עד", "מועד פירעון", "לפירעון עד", "תשלום עד"],
    },
    "de": {"customer": ["An", "Empfänger", "Auftraggeber"], "number": ["Beleg-Nr.", "Dokument-Nr."]},
    "fr": {"customer": ["À", "Adressé à"], "number": ["Facture N°", "Référence"]},
    "es": {"customer": ["Para", "Destinatario"], "number": ["Factura Nº", "Nº documento"]},
}
