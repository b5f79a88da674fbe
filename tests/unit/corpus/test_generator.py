"""The parametric corpus generator: deterministic, truthful, and every family renders in every language."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pytest
from stdnum import luhn

from tests.corpus.compose import compose
from tests.corpus.facts import LANGUAGES, draw_facts
from tests.corpus.families import DEV, FAMILIES, HELD_OUT
from tests.corpus.generate import Plan, generate
from tests.corpus.pdf import text_layer, to_pdf


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


class TestFacts:
    """Drawn facts add up and follow Israeli rules."""

    @pytest.mark.parametrize("language", LANGUAGES)
    @pytest.mark.parametrize("till_slip", [False, True])
    def test_amounts_add_up(self, language: str, till_slip: bool) -> None:
        rng = random.Random(3)
        for _ in range(200):
            facts = draw_facts(rng, language, till_slip)
            assert round(facts.subtotal + facts.vat_amount + facts.rounding, 2) == facts.total
            assert abs(facts.rounding) < 0.1
            items_sum = round(sum(item["amount"] for item in facts.line_items), 2)
            expected = facts.subtotal + facts.discount + (facts.vat_amount if facts.prices_include_vat else 0)
            assert abs(items_sum - expected) < 0.011
            if facts.document_type == "credit_note":
                assert facts.total < 0

    def test_israeli_ids_vat_and_allocation(self) -> None:
        rng = random.Random(5)
        seen_rates = set()
        for _ in range(300):
            facts = draw_facts(rng, "he")
            assert facts.vendor_tax_id is not None and len(facts.vendor_tax_id) == 9
            assert luhn.is_valid(facts.vendor_tax_id)
            assert facts.vat_rate == (0.17 if facts.invoice_date < date(2025, 1, 1) else 0.18)
            seen_rates.add(facts.vat_rate)
            if facts.allocation_number:
                assert facts.document_type in ("tax_invoice", "tax_invoice_receipt")
                assert re.fullmatch(r"\d{9}", facts.allocation_number)
        assert seen_rates == {0.17, 0.18}


class TestFamilies:
    """Each family renders in each language, and the page prints what the truth claims."""

    @pytest.mark.parametrize("family", sorted(FAMILIES))
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_renders_and_prints_its_truth(self, family: str, language: str) -> None:
        for seed in range(2):
            page, truth = compose(family, language, seed)
            layer = text_layer(to_pdf(page))
            logical = "\n".join(page.texts())
            assert truth["vendor_name"].casefold() in logical.casefold()  # tills print it in capitals
            assert truth["invoice_number"] in layer
            for amount in ("total", "subtotal", "vat_amount"):
                if amount == "vat_amount" and truth["vat_rate"] is None:
                    continue  # split over two rates: test_totals_shapes checks the sum
                if truth[amount] is not None:
                    assert _digits(f"{abs(truth[amount]):.2f}") in _digits(layer)
            if truth["allocation_number"]:
                assert truth["allocation_number"] in layer
            if truth["vendor_tax_id"]:
                compact = re.sub(r"[\s-]", "", layer)  # grouped ('IE 7141441G'), ends in a letter
                assert truth["vendor_tax_id"][-6:] in _digits(layer) or truth["vendor_tax_id"] in compact
            for item in truth["line_items"]:  # whole, or wrapped over two lines (table_variety.py)
                assert item["description"] in logical or item["description"] in logical.replace("\n", " ")
            if language != "he":
                assert truth["vendor_name"].casefold() in layer.casefold()

    def test_till_slips_print_what_real_ones_do(self) -> None:
        """Across seeds, the till_slip family prints the exact total above a rounding line, a tax
        summary, GST/SST labels, dates in the till's own style and dates only in the footer."""
        seen: set[str] = set()
        for seed in range(40):
            page, truth = compose("till_slip", "en", seed)
            logical = "\n".join(page.texts())
            if truth["currency"]:
                assert truth["currency"] in logical or any(
                    sign in logical for sign in ("$", "£", "€", "₪", 'ש"ח', "NIS")
                )
            seen |= {
                name
                for name, pattern in (
                    ("summary", r"GST Summary"),
                    ("gst", r"\b[GS]ST\b"),
                    ("exact", r"Total Incl\. Tax|Total Sales Incl\. GST|TOTAL INCL GST|Total Amount"),
                    ("short_year", r"\b\d{2}[-/]\d{2}[-/]\d{2}\b"),
                    ("footer", r"\bS\d{2} T\d R\d{9}\b"),
                    ("registration", r"\(\d{5,6}-[A-Z]\)"),
                )
                if re.search(pattern, logical)
            }
        assert seen == {"summary", "gst", "exact", "short_year", "footer", "registration"}

    def test_at_least_two_families_are_held_out(self) -> None:
        assert len(HELD_OUT) >= 2 and len(DEV) >= 3 and not HELD_OUT & DEV


class TestDeterminism:
    """The same seed gives byte-identical files (OCR results are cached by content)."""

    def test_same_seed_same_bytes(self, tmp_path: Path) -> None:
        plan = Plan(born_digital=1, images=1, families=("classic", "till_slip"), languages=("he", "en"))
        first = generate(tmp_path / "a", seed=11, plan=plan)
        second = generate(tmp_path / "b", seed=11, plan=plan, workers=2)
        assert [p.name for p in first] == [p.name for p in second]
        assert len(first) == 2 * 2 * 3
        for a, b in zip(first, second, strict=True):
            assert a.read_bytes() == b.read_bytes()
            truth = a.with_name(a.name.rsplit(".", 1)[0] + ".truth.json")
            assert truth.read_text() == b.with_name(truth.name).read_text()

    def test_other_seed_other_document(self) -> None:
        assert to_pdf(compose("classic", "en", 1)[0]) != to_pdf(compose("classic", "en", 2)[0])


def test_unseen_labels_change_only_the_label_words() -> None:
    """bench/extraction/unseen_labels.py: the same document with its total label made up; the facts,
    the amounts and every other word stay, and the made-up word is the same on every page."""
    from tests.corpus.compose import compose
    from tests.corpus.vocab import nonce_label

    page, truth = compose("classic", "en", 11000)
    blind, blind_truth = compose("classic", "en", 11000, frozenset({"total"}))
    assert blind_truth == truth
    assert page != blind
    assert nonce_label("VAT {r}%", "en") == nonce_label("VAT {r}%", "en")
    assert nonce_label("VAT {r}%", "en").endswith(" {r}%")  # the printed rate stays
    assert all("\u05d0" <= ch <= "\u05ea" or ch == " " for ch in nonce_label('סה"כ לתשלום', "he"))


class TestDateVariety:
    """More date formats and other dates on some dev documents (compose draws them for dev families only)."""

    def test_formats_fill_their_own_placeholders(self) -> None:
        from tests.corpus.date_variety import month_forms

        day = date(2026, 3, 3)
        assert day.strftime(month_forms("{d} ב{month} %Y", day, "מרץ")) == "3 במרץ 2026"
        assert day.strftime(month_forms("{d}.{m}.%Y", day, "März")) == "3.3.2026"
        assert day.strftime(month_forms("{d}{th} {month} %Y", day, "March")) == "3rd March 2026"
        assert day.strftime(month_forms("%d-{mon}-%y", day, "March")) == "03-Mar-26"

    def test_a_month_written_whole_takes_no_abbreviation_dot(self) -> None:
        from tests.corpus.date_variety import month_forms

        day = date(2024, 8, 5)
        assert day.strftime(month_forms("%d {mon}. %Y", day, "août")) == "05 août 2024"
        assert day.strftime(month_forms("%d {mon}. %Y", day, "mai")) == "05 mai 2024"

    def test_french_abbreviations_name_one_month(self) -> None:
        from tests.corpus.date_variety import month_forms

        day = date(2025, 7, 16)
        assert day.strftime(month_forms("%d {mon}. %Y", day, "juillet")) == "16 juil. 2025"
        assert day.strftime(month_forms("%d {mon}. %Y", day, "juin")) == "16 juin 2025"
        assert day.strftime(month_forms("%d {mon}. %Y", day, "octobre")) == "16 oct. 2025"
        assert day.strftime(month_forms("%d {mon}. %Y", day, "janvier")) == "16 janv. 2025"

    def test_about_two_in_five_documents_draw_it(self) -> None:
        from tests.corpus.date_variety import draw_variety

        drawn = [draw_variety(family, "en", seed, "GB") for family in sorted(DEV) for seed in range(10)]
        assert 0.2 < sum(item is not None for item in drawn) / len(drawn) < 0.6

    def test_other_dates_print_beside_the_documents_own(self) -> None:
        from tests.corpus.date_variety import draw_variety

        for seed in range(40):
            variety = draw_variety("classic", "fr", seed, "FR")
            if variety is not None and variety.others:
                page, _ = compose("classic", "fr", seed)
                logical = "\n".join(page.texts())
                assert all(label in logical for _, label, _ in variety.others)
                return
        pytest.fail("no classic French document with other dates in 40 seeds")
