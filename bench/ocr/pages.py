"""Benchmark pages: a full A4 invoice at 300 DPI in Hebrew and in English, clean, scanned and
photographed (the damage comes from `tests/support/synthetic_pages.py`, the same the tests use)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tests.support import synthetic_pages as synthetic

HEBREW_INVOICE = (
    'לוגיסטיקה פרו בע"מ',
    "עוסק מורשה / ח.פ: 301102703",
    "הרצל 110, פתח תקווה",
    "טל' 08-2736698",
    "חשבונית מס מספר 37212",
    "תאריך 26/09/2025",
    "לכבוד: ליאת אברהם",
    'תיאור כמות מחיר סה"כ',
    "שירותי אינטגרציה 4 600.00 2,400.00",
    "אפיון ובינה עסקית 3 600.00 1,800.00",
    "רישיון תוכנה שנתי 10 600.00 6,000.00",
    "תחזוקת מערכות חודשית 10 850.00 8,500.00",
    "הדרכת צוות 2 1,200.00 2,400.00",
    "שירותי ענן 12 350.00 4,200.00",
    "פיתוח תוכנה בהזמנה 8 480.00 3,840.00",
    "הטמעת מערכת CRM 1 2,500.00 2,500.00",
    "אבטחת מידע 6 220.00 1,320.00",
    "גיבוי נתונים 12 90.00 1,080.00",
    "תמיכה טכנית 5 300.00 1,500.00",
    "סכום ביניים 18,700.00",
    'מע"מ 18% 3,366.00',
    'סה"כ לתשלום 22,066.00',
    "מספר הקצאה: 136429430",
    "תודה על שיתוף הפעולה",
)
ENGLISH_INVOICE = (
    "Acme Logistics Ltd",
    "VAT No. GB 301102703",
    "110 Herzl Street, Petah Tikva",
    "Tel. 08-2736698",
    "Tax Invoice No. 37212",
    "Date 26/09/2025",
    "Bill to: Liat Avraham",
    "Description Qty Price Amount",
    "Integration services 4 600.00 2,400.00",
    "Business analysis 3 600.00 1,800.00",
    "Annual software licence 10 600.00 6,000.00",
    "Monthly maintenance 10 850.00 8,500.00",
    "Team training 2 1,200.00 2,400.00",
    "Cloud services 12 350.00 4,200.00",
    "Custom development 8 480.00 3,840.00",
    "CRM implementation 1 2,500.00 2,500.00",
    "Security review 6 220.00 1,320.00",
    "Data backup 12 90.00 1,080.00",
    "Technical support 5 300.00 1,500.00",
    "Subtotal 18,700.00",
    "VAT 18% 3,366.00",
    "Total due 22,066.00",
    "Allocation number: 136429430",
    "Thank you for your business",
)
LANGUAGES = {"he": HEBREW_INVOICE, "en": ENGLISH_INVOICE}


@dataclass(frozen=True)
class BenchPage:
    language: str
    condition: str  # clean | scanned | photo
    lines: tuple[str, ...]
    pixels: np.ndarray

    @property
    def truth(self) -> str:
        return "\n".join(self.lines)


def a4_page(lines: tuple[str, ...]) -> np.ndarray:
    return synthetic.render_page(lines, dpi=300, width_in=8.27, height_in=11.69, font_pt=11)


def bench_pages(seed: int = 1) -> list[BenchPage]:
    pages = []
    for language, lines in LANGUAGES.items():
        clean = a4_page(lines)
        pages.append(BenchPage(language, "clean", lines, clean))
        pages.append(BenchPage(language, "scanned", lines, synthetic.scanned(clean, seed=seed)))
        pages.append(BenchPage(language, "photo", lines, synthetic.photographed(clean, seed=seed)))
    return pages
