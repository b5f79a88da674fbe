"""The dev totals shapes: drawn without disturbing the page's own stream, and printing amounts that
still add up to the truth."""

from __future__ import annotations

import random
import re

import pytest

import tests.corpus.compose as compose_module
from tests.corpus import tables
from tests.corpus.compose import compose
from tests.corpus.families import DEV
from tests.corpus.pdf import text_layer, to_pdf
from tests.corpus.totals_shapes import SHAPES, pick_shape


class _Rng:
    """Stand-in for a Doc: only its random stream is read."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)


class TestPickShape:
    """The shape comes from a stream of its own."""

    def test_leaves_the_page_stream_where_it_was(self) -> None:
        doc = _Rng(4)
        before = doc.rng.getstate()
        pick_shape(doc)  # type: ignore[arg-type]
        assert doc.rng.getstate() == before

    def test_same_stream_same_shape_and_every_shape_drawn(self) -> None:
        picks = [pick_shape(_Rng(seed)) for seed in range(400)]  # type: ignore[arg-type]
        assert picks == [pick_shape(_Rng(seed)) for seed in range(400)]  # type: ignore[arg-type]
        assert set(picks) == {None, *SHAPES}
        assert 0.25 < sum(pick is not None for pick in picks) / len(picks) < 0.55


class TestTwoRates:
    """Two VAT lines whose amounts sum to the page's VAT; no single rate is claimed."""

    def test_split_vat_sums_to_the_truth(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(tables, "pick_shape", lambda doc: "two_rates")
        monkeypatch.setattr(compose_module, "draw_table", lambda *args: None)  # no VAT % item column
        checked = 0
        for seed in range(7000, 7040):
            page, truth = compose("classic", "en", seed)
            text = text_layer(to_pdf(page))
            if truth["vat_amount"] is None:
                continue
            amounts = [float(a.replace(",", "")) for a in re.findall(r"\d[\d,]*\.\d\d", text)]
            vat_lines = [line for line in text.splitlines() if "%" in line and re.search(r"\d\.\d\d", line)]
            if len(vat_lines) < 2:
                continue  # a tax-inclusive page: one 'incl.' line, left as it was
            assert truth["vat_rate"] is None
            assert any(
                abs(a + b - abs(truth["vat_amount"])) < 0.005 for a in amounts for b in amounts if a is not b
            )
            checked += 1
        assert checked >= 5


def test_dev_pages_print_their_amounts_in_every_shape() -> None:
    """Every dev invoice-shaped page prints its truth's total, whatever shape its block took."""
    for family in ("classic", "kv_grid", "banded", "strip", "minimal"):
        assert family in DEV
        for seed in range(7000, 7012):
            page, truth = compose(family, "en", seed)
            digits = text_layer(to_pdf(page)).replace(",", "")
            assert f"{abs(truth['total']):.2f}" in digits
