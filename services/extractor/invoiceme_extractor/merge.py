"""Rules and LLM side by side: agreement raises confidence, disagreement is said out loud."""

from __future__ import annotations

from typing import Any

from .contract import FIELD_NAMES, Evidence, Extraction, ExtractionWarning, LineItem
from .rules.amounts import CENT, adds_up

_AMOUNTS = ("subtotal", "vat_amount", "total")


def _same(name: str, left: Any, right: Any) -> bool:
    if isinstance(left, int | float) and isinstance(right, int | float):
        return abs(left - right) <= (0.0005 if name == "vat_rate" else CENT)
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold().replace(" ", "") == right.casefold().replace(" ", "")
    return left == right


def _adds_up(values: dict[str, Any]) -> bool:
    subtotal, vat, total = (values.get(name) for name in _AMOUNTS)
    if subtotal is None or vat is None or total is None:
        return False
    return adds_up(subtotal, vat, total)


def merge(rules: Extraction, llm_fields: dict[str, Any], llm_items: list[LineItem]) -> Extraction:
    """Prefer the LLM's reading, except amounts the rules proved by arithmetic and the LLM did not."""
    rules_values = {name: getattr(rules, name) for name in FIELD_NAMES}
    trust_rules_amounts = _adds_up(rules_values) and not _adds_up(llm_fields)
    merged = rules.model_copy(deep=True)
    for name in FIELD_NAMES:
        rule_value, llm_value = rules_values[name], llm_fields.get(name)
        rule_confidence = rules.confidence.get(name, 0.0)
        if llm_value is None:
            if rule_value is not None:
                merged.confidence[name] = round(rule_confidence * 0.8, 2)
            continue
        if rule_value is None:
            setattr(merged, name, llm_value)
            merged.confidence[name], merged.source[name] = 0.7, "llm"
            merged.evidence.pop(name, None)
        elif _same(name, rule_value, llm_value):
            merged.confidence[name], merged.source[name] = round(max(rule_confidence, 0.9) + 0.05, 2), "llm"
        else:
            keep_rules = name in _AMOUNTS and trust_rules_amounts
            if not keep_rules:
                setattr(merged, name, llm_value)
                merged.source[name] = "llm"
                kept = merged.evidence[name].alternatives if name in merged.evidence else []
                merged.evidence[name] = Evidence(
                    text=f"llm answer (rules read {rule_value!r})", alternatives=kept
                )
            merged.confidence[name] = 0.5
            merged.warnings.append(
                ExtractionWarning(
                    code="rules_llm_disagree",
                    message=f"{name}: rules read {rule_value!r}, LLM read {llm_value!r}; kept "
                    + ("the rules' value" if keep_rules else "the LLM's value"),
                )
            )
    if llm_items and not rules.line_items:
        merged.line_items = llm_items
    return merged
