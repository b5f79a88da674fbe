"""Development documents print the vendor's tax id in more ways (tax_id_variety.py, tax_id_places.py):
grouped, under new labels, set apart from its label, moved away from the vendor's block, beside the
customer's; the rest of the page, and every held-out page, stays as it was."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from tests.corpus import compose as compose_module
from tests.corpus.compose import compose
from tests.corpus.families import DEV, HELD_OUT
from tests.corpus.page import Page, Text
from tests.corpus.tax_id_places import corner_free
from tests.corpus.tax_id_variety import PLACES, TaxIdVariety, customer_id, draw_tax_ids, groupings


def _variety(place: str, **overrides: object) -> TaxIdVariety:
    fields: dict[str, object] = {
        "rng": random.Random(1),
        "place": place,
        "label": None,
        "customer_label": None,
        "grouping": False,
        "customer_pair": False,
    }
    fields.update(overrides)
    return TaxIdVariety(**fields)  # type: ignore[arg-type]


def _id_texts(page_texts: list[str], value: str) -> list[str]:
    """Texts that print the id (its characters, whatever the grouping)."""
    return [text for text in page_texts if value in re.sub(r"[\s\-]", "", text)]


def _kept_texts(page: Page, value: str) -> Counter[str]:
    """Texts without the id above the page's foot (an issuer's footer rows join what is left of its
    details there, so they change)."""
    return Counter(
        item.text
        for item in page.items
        if isinstance(item, Text) and item.y < 282 and value not in re.sub(r"[\s\-]", "", item.text)
    )


class TestGroupings:
    """Groupings keep the id's characters; a Hebrew line gets no spaces (its digit groups would swap)."""

    @pytest.mark.parametrize(
        "value", ["514321678", "DE123456789", "FR12345678901", "ESB12345678", "GB123456789"]
    )
    def test_groupings_keep_the_characters(self, value: str) -> None:
        shapes = groupings(value)
        assert shapes and all(re.sub(r"[\s\-]", "", shape) == value for shape in shapes)
        assert any(" " in shape or "-" in shape for shape in shapes)

    def test_hebrew_lines_group_by_dashes_only(self) -> None:
        assert all(" " not in shape for shape in groupings("514321678", hebrew=True))
        assert any(" " in shape for shape in groupings("514321678", hebrew=False))

    def test_an_ein_keeps_its_shape(self) -> None:
        variety = _variety("usual", grouping=True, country="US")
        assert variety.regroup("123456789", "12-3456789", False) == "12-3456789"


class TestDraws:
    """Only development documents draw it, about seven in ten, and every place occurs."""

    def test_share_and_places(self) -> None:
        drawn = [draw_tax_ids(family, "en", seed, "GB") for family in sorted(DEV) for seed in range(40)]
        varieties = [variety for variety in drawn if variety is not None]
        assert 0.55 < len(varieties) / len(drawn) < 0.85
        assert {variety.place for variety in varieties} == set(PLACES)

    def test_slips_never_move_it(self) -> None:
        places = {v.place for seed in range(60) if (v := draw_tax_ids("till_slip", "he", seed, "IL"))}
        assert places <= {"usual", "above"}

    @pytest.mark.parametrize("family", sorted(HELD_OUT))
    def test_held_out_pages_draw_nothing(self, family: str, monkeypatch: pytest.MonkeyPatch) -> None:
        page, _ = compose(family, "en", 3)
        monkeypatch.setattr(compose_module, "draw_tax_ids", lambda *args: pytest.fail("drawn"))
        assert compose(family, "en", 3)[0] == page


class TestPlaces:
    """Where the variety puts the id, the page prints it once (moved: nowhere else), and nothing
    else on the page changes."""

    @pytest.mark.parametrize("family", ["classic", "banded", "strip", "minimal", "ledger", "payment_receipt"])
    @pytest.mark.parametrize("place", PLACES)
    def test_the_vendor_id_is_printed_and_the_rest_kept(
        self, family: str, place: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(compose_module, "draw_tax_ids", lambda *args: None)
        plain, truth = compose(family, "he", 5)
        monkeypatch.setattr(compose_module, "draw_tax_ids", lambda *args: _variety(place))
        varied, varied_truth = compose(family, "he", 5)
        assert varied_truth == truth
        value = truth["vendor_tax_id"]
        assert value and _id_texts(varied.texts(), value)
        if place in ("corner", "band", "footer"):  # moved: the only copy, and no other text changed
            assert len(_id_texts(varied.texts(), value)) == 1
            others, plain_others = _kept_texts(varied, value), _kept_texts(plain, value)
            assert plain_others - others == Counter()
            assert sum((others - plain_others).values()) <= 1  # the label printed over its value
        if place == "usual":
            assert varied == plain

    def test_above_prints_the_label_over_the_value(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(
            compose_module, "draw_tax_ids", lambda *args: _variety("above", label="VAT Reg No")
        )
        page, truth = compose("classic", "en", 4)
        texts = [item for item in page.items if isinstance(item, Text)]
        label = next(item for item in texts if item.text == "VAT Reg No")
        value = next(item for item in texts if re.sub(r"\s", "", item.text) == truth["vendor_tax_id"])
        assert 2 < value.y - label.y < 6 and value.size > label.size

    def test_the_customers_id_stands_beside_the_vendors(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(
            compose_module,
            "draw_tax_ids",
            lambda *args: _variety("facts", customer_pair=True, customer_label="Customer VAT No."),
        )
        page, truth = compose("kv_grid", "de", 2)
        texts = page.texts()
        assert "Customer VAT No." in texts or "Customer VAT No.:" in texts
        assert len(_id_texts(texts, truth["vendor_tax_id"])) >= 1

    def test_a_made_up_customer_id_differs_from_the_vendors(self) -> None:
        made_up = customer_id(_variety("facts"), "GB123456789", None)
        assert made_up != "GB123456789" and made_up[:2] == "GB" and len(made_up) == 11
        assert customer_id(_variety("facts"), "GB123456789", "GB999") == "GB999"


def test_a_corner_is_free_only_without_text_in_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.corpus.doc import Doc

    captured: list[Doc] = []
    monkeypatch.setattr(compose_module, "finish", captured.append)
    compose("banded", "en", 1)  # a band with the vendor's name in large print on top
    doc = captured[0]
    assert corner_free(doc, 0, doc.width, 1.5)
    assert not corner_free(doc, 0, doc.width, 30)
