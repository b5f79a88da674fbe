"""Where a field's value was read, and what else it could have been: the extractor writes it into the
invoice's `fields.evidence`, the gateway returns it, the web app draws it over the page and offers
the alternatives of an unsure field for a one-click correction."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from invoiceme_common.fields import FIELD_NAMES, FieldName

# left, top, width, height in page pixels (the OCR result's space); a list, not a tuple, so the web
# app's generated types read it as number[] everywhere (openapi-fetch turns tuples into arrays)
Box = Annotated[list[int], Field(min_length=4, max_length=4)]
MAX_ALTERNATIVES = 5


class Alternative(BaseModel):
    """One ranked reading of a field: the rules' choice first, then the candidates it beat."""

    model_config = ConfigDict(extra="ignore")

    value: str | float
    score: float = Field(
        description="The rules' ranking score: higher is better, comparable within one field"
    )
    text: str = Field(description="The characters the value was read from")
    page: int | None = None
    box: Box | None = None
    label: str | None = Field(default=None, description="The label or line text the value was read beside")


class Evidence(BaseModel):
    """The span the field's value was read from (and where), plus its ranked alternatives."""

    model_config = ConfigDict(extra="ignore")

    text: str
    page: int | None = None
    box: Box | None = None
    alternatives: list[Alternative] = Field(default_factory=list, max_length=MAX_ALTERNATIVES)


def parse_evidence(stored: object) -> dict[FieldName, Evidence]:
    """A saved extraction's evidence by field; entries of an older or damaged shape, or of no
    contract field, are left out rather than fail the read."""
    if not isinstance(stored, dict):
        return {}
    parsed: dict[FieldName, Evidence] = {}
    for name, item in stored.items():
        if name not in FIELD_NAMES:
            continue
        try:
            parsed[FieldName(name)] = Evidence.model_validate(item)
        except ValueError:
            continue
    return parsed
