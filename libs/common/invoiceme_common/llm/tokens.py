"""A cheap token estimate, for rate limits and input budgets (no tokenizer download)."""

from __future__ import annotations

CHARS_PER_TOKEN = 3.5  # conservative for mixed Hebrew/English under BPE tokenizers


def estimate_tokens(text: str) -> int:
    return int(len(text) / CHARS_PER_TOKEN) + 1
