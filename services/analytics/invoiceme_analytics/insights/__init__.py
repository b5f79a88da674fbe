"""Insights: deterministic detectors, narratives (template or LLM), and their storage."""
