"""One document from (family, language, seed): draw the facts, the words, the printing habits and the
typeface, let the family lay out the page; return the page and its truth."""

from __future__ import annotations

import random
from typing import Any

from . import fonts
from .blocks import stamp
from .date_variety import draw_variety
from .doc import ACCENTS, Doc
from .facts import draw_facts
from .families import FAMILIES
from .families.dev_words import DEV_LABELS
from .families.held_out_words import HELD_OUT_LABELS
from .formats import Printing
from .page import Page, Sheet
from .table_variety import draw_table
from .tax_id_places import finish
from .tax_id_variety import draw_tax_ids
from .valid_ids import valid_vat_id
from .vocab import Vocabulary


def compose(
    family_name: str,
    language: str,
    seed: int,
    unseen_labels: frozenset[str] = frozenset(),
    face: str | None = None,
    value_face: str | None = None,
) -> tuple[Page, dict[str, Any]]:
    """`unseen_labels`: label keys printed as made-up words (see `Vocabulary`); `face`: the typeface
    instead of the drawn one (the rest of the page is drawn as without it); `value_face`: the
    filled-in values (amounts, dates, numbers, the customer's name) in this face, labels as drawn."""
    family = FAMILIES[family_name]
    rng = random.Random(f"{family_name}/{language}/{seed}")  # str seeds hash with SHA-512: stable
    facts = draw_facts(rng, language, family.till_slip, family.document_types)
    extra = HELD_OUT_LABELS[language] if family.held_out else DEV_LABELS.get(language)
    if family.words and language in family.words:
        extra = {**(extra or {}), **family.words[language]}
    words = Vocabulary(rng, language, facts.country, facts.vat_rate, facts.currency, extra, unseen_labels)
    printing = Printing(rng, language, facts.country, facts.currency)
    drawn_face = fonts.pick_face(rng, language, mono=family.till_slip and rng.random() < 0.6)
    face = face or drawn_face
    sheet = Sheet(*family.size_mm, face, language == "he", value_face, (facts.customer_name,))
    doc = Doc(facts, words, printing, sheet, rng, rng.choice(ACCENTS), words.title(facts.document_type))
    if not family.held_out:
        doc.dates = draw_variety(family_name, language, seed, facts.country)
    if doc.dates is not None:  # after every draw from `rng`, so the page is otherwise the same
        printing.date_style = doc.dates.style or printing.date_style
        for key, label in (("date", doc.dates.issue_label), ("due", doc.dates.due_label)):
            if label is not None and key not in unseen_labels:
                words.chosen[key] = label
    if not family.held_out:  # its own stream: drawn after `rng`'s draws, the page's others unchanged
        doc.tax_ids = draw_tax_ids(family_name, language, seed, facts.country)
        facts.vendor_tax_id = valid_vat_id(facts.vendor_tax_id)  # no draw: check characters only
        facts.customer_tax_id = valid_vat_id(facts.customer_tax_id)
    if doc.tax_ids is not None:
        variety = doc.tax_ids
        for key, label in (("tax_id", variety.label), ("customer_tax_id", variety.customer_label)):
            if label is not None and key not in unseen_labels:
                words.chosen[key] = label
        printing.regroup = lambda value, shown: variety.regroup(value, shown, language == "he")
    doc.table = draw_table(family_name, language, seed, facts)  # its own stream, as the two above
    family.draw(doc)
    finish(doc)
    if not family.till_slip and rng.random() < 0.12:
        stamp(doc)
    truth = doc.truth() | {
        "family": family_name,
        "held_out": family.held_out,
        "seed": seed,
        "font": face,
        "rounding": facts.rounding,
    }
    if value_face:
        truth["value_font"] = value_face
    return sheet.page, truth
