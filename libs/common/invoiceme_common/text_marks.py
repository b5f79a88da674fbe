"""Invisible bidi control characters: Tesseract wraps mixed Hebrew/Latin runs in U+200E/U+200F and
PDFs carry embedding marks and BOMs. OCR strips them from its output and extraction from its input."""

from __future__ import annotations

INVISIBLE_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# For str.translate: each mark maps to None (removed).
STRIP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_MARKS))
