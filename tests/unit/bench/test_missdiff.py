"""bench.extraction.missdiff: the dev misses of a run's report, and what changed between two runs."""

from __future__ import annotations

from bench.extraction.missdiff import compare, dev_misses

_BEFORE = """\
| dev | en | born_digital | 72 | 1.00 |

Misses (dev families):
banded_en_02_clean_scan                  vat_amount         truth=983.92 got=None
classic_he_02_clean_scan                 invoice_number     truth='6269436' got='6269430'
panel_he_00_degraded_photo               currency           truth='USD' got='ILS'

Misses (external-dev):
sroie__012                                   invoice_date   truth='2017-12-22' got='2017-12-29'
"""

_AFTER = """\
Misses (dev families):
classic_he_02_clean_scan                 invoice_number     truth='6269436' got=None
panel_he_00_degraded_photo               currency           truth='USD' got='ILS'
strip_en_01_clean_scan                   vendor_tax_id      truth='569610498' got=None
"""


def test_only_dev_misses_are_read() -> None:
    misses = dev_misses(_BEFORE)
    assert set(misses) == {
        ("banded_en_02_clean_scan", "vat_amount"),
        ("classic_he_02_clean_scan", "invoice_number"),
        ("panel_he_00_degraded_photo", "currency"),
    }
    assert misses[("banded_en_02_clean_scan", "vat_amount")] == "truth=983.92 got=None"


def test_fixed_broken_and_changed() -> None:
    fixed, broken, changed = compare(dev_misses(_BEFORE), dev_misses(_AFTER))
    assert fixed == [("banded_en_02_clean_scan", "vat_amount")]
    assert broken == [("strip_en_01_clean_scan", "vendor_tax_id")]
    assert changed == [("classic_he_02_clean_scan", "invoice_number")]


def test_show_names_the_family_and_refuses_held_out_ones() -> None:
    import pytest

    from bench.extraction import show

    assert show.family_of("payment_receipt_he_00_clean_scan") == "payment_receipt"
    assert show.family_of("kv_grid_de_01_degraded_photo") == "kv_grid"
    held_out = sorted(show.HELD_OUT)[0]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.argv", ["show", "7", f"{held_out}_en_00_clean_scan"])
        with pytest.raises(SystemExit, match="held-out"):
            show.main()
