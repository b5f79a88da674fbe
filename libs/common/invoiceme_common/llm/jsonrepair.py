"""Models wrap JSON in prose or code fences, or leave trailing commas: recover the object or refuse."""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import InvalidModelOutput

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.S)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _outermost_object(text: str) -> str | None:
    start = text.find("{")
    if start < 0:
        return None
    depth, in_string, escaped = 0, False, False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            escaped = char == "\\" and not escaped
            if char == '"' and not escaped:
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[start : index + 1]
    return None


def parse_model_json(content: str) -> dict[str, Any]:
    """The JSON object in a model's reply; InvalidModelOutput when there is none (the caller retries)."""
    fenced = _FENCE.search(content)
    candidate = _outermost_object(fenced.group(1) if fenced else content)
    if candidate is None:
        raise InvalidModelOutput("the model's reply holds no JSON object")
    for attempt in (candidate, _TRAILING_COMMA.sub(r"\1", candidate)):
        try:
            parsed = json.loads(attempt)
        except json.JSONDecodeError:
            continue
        if isinstance(parsed, dict):
            return parsed
    raise InvalidModelOutput("the model's reply is not valid JSON")
