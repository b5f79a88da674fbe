"""What the rules saw, handed to the LLM as context: each field's best reading with its confidence and
the runner-up candidates (the same ranked alternatives the invoice's evidence keeps for the reviewer),
and the page's label/value pairs as the layout pairs them (a value under or beside its label, which
plain OCR text loses)."""

from __future__ import annotations

from ..contract import Evidence
from ..rules.lines import Found, Line

MAX_PAIRS = 40


def _is_label(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    return text.rstrip().endswith(":") or (letters >= 3 and not any(ch.isdigit() for ch in text))


def key_value_pairs(lines: list[Line]) -> list[str]:
    """'label: value' for each cell that reads like a label followed by a cell that holds a value."""
    pairs = []
    for line in lines:
        for label, value in zip(line.cells, line.cells[1:], strict=False):
            if _is_label(label.text) and any(ch.isdigit() for ch in value.text) and len(label.text) <= 40:
                pairs.append(f"{label.text.rstrip(' :')}: {value.text}")
        if len(pairs) >= MAX_PAIRS:
            break
    return pairs[:MAX_PAIRS]


def layout_hints(found: dict[str, Found], evidence: dict[str, Evidence], lines: list[Line]) -> str:
    """The context block the prompt puts before the page: two long lines, so that cutting an
    over-long page to the model's budget (which keeps whole head lines) keeps all of it. The
    runner-ups are the field's evidence alternatives after the chosen one, with their scores."""
    readings = []
    for name, item in found.items():
        ranked = evidence[name].alternatives if name in evidence else []
        others = ", ".join(f"{other.value!r} ({other.score})" for other in ranked[1:])
        readings.append(
            f"{name}={item.value!r} ({item.confidence:.2f}" + (f"; or {others})" if others else ")")
        )
    text = "Rule-based reading (field=value (confidence 0-1)): " + "; ".join(readings)
    pairs = key_value_pairs(lines)
    if pairs:
        text += "\nLabel/value pairs as laid out on the page: " + " | ".join(pairs)
    return text
