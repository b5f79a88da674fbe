"""Extractor service: turns OCR text into validated invoice fields (rules offline, or an LLM)."""
