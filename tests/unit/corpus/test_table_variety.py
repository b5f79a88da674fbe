"""Item-table variety (issue #10): detail lines, wrapped names and extra columns print on a minority
of documents, the truth stays the same, and a document drawing none is the page it was."""

from __future__ import annotations

import pytest

import tests.corpus.compose as compose_module
from tests.corpus.compose import compose
from tests.corpus.families import DEV
from tests.corpus.table_variety import TableVariety, wrapped

DOCS = [
    (family, language, 7000 + index)
    for family in sorted(DEV)
    for language in ("en", "he")
    for index in range(6)
]


def _without_variety(monkeypatch: pytest.MonkeyPatch, family: str, language: str, seed: int) -> tuple:
    with monkeypatch.context() as patch:
        patch.setattr(compose_module, "draw_table", lambda *args: None)
        return compose(family, language, seed)


def test_a_minority_of_documents_draw_each_habit() -> None:
    drawn = [compose_module.draw_table(f, lang, seed, _facts(f, lang, seed)) for f, lang, seed in DOCS]
    some = [variety for variety in drawn if variety is not None]
    assert 0.25 < len(some) / len(drawn) < 0.75
    for habit in ("details", "wrap", "extra", "two_line"):
        share = sum(bool(getattr(variety, habit)) for variety in some) / len(drawn)
        assert 0.05 < share < 0.4, habit


def _facts(family: str, language: str, seed: int):
    captured = {}
    original = compose_module.draw_table

    def spy(*args: object) -> None:
        captured["facts"] = args[3]

    compose_module.draw_table = spy  # type: ignore[assignment]
    try:
        compose(family, language, seed)
    finally:
        compose_module.draw_table = original
    return captured["facts"]


def test_the_extra_print_shows_and_the_truth_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = set()
    for family, language, seed in DOCS:
        page, truth = compose(family, language, seed)
        plain_page, plain_truth = _without_variety(monkeypatch, family, language, seed)
        assert truth == plain_truth
        if page.items != plain_page.items:
            extra_texts = set(page.texts()) - set(plain_page.texts())
            seen.update(text.split()[0] for text in extra_texts if text.split())
    assert {"SKU", 'מק"ט'} & seen or {"Period", "תקופה", "Service"} & seen  # detail lines
    assert {"Unit", "UoM", "יחידה", "VAT", "Tax", 'מע"מ'} & seen  # an extra column's header


def test_a_document_drawing_nothing_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """The variety never draws from the document's own rng: the rest of the page stays the same."""
    states = {}
    original_finish = compose_module.finish

    def record(doc) -> None:
        states[doc.table is not None] = doc.rng.getstate()
        original_finish(doc)

    monkeypatch.setattr(compose_module, "finish", record)
    # no VAT column: a page whose lines print one rate keeps one rate (totals_shapes skips its draw)
    forced = TableVariety(
        details={0: "SKU 4711-22"},
        wrap=True,
        extra=["unit", "discount"],
        two_line={"amount": ("Net", "amount")},
    )
    forced.headers, forced.units = {"unit": "Unit", "discount": "Disc. %"}, ["pcs"] * 12
    for family, language, seed in DOCS:
        monkeypatch.setattr(compose_module, "draw_table", lambda *args: forced)
        compose(family, language, seed)
        monkeypatch.setattr(compose_module, "draw_table", lambda *args: None)
        compose(family, language, seed)
        assert states[True] == states[False]


def test_a_name_wraps_at_the_space_nearest_its_middle() -> None:
    assert wrapped("Monthly cloud hosting") == ["Monthly cloud", "hosting"]
    assert wrapped("Toner") == ["Toner"]
    assert wrapped("A4 paper") == ["A4 paper"]  # short: fits its column
