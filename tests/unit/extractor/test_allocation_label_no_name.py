"""An allocation number's label ("מס' הקצאה") is a field's label, never the issuer's name: in a key/value
grid a born-digital page printed it as a cell of its own, and the rules took it for the vendor."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.geometry import looks_like_label
from tests.unit.extractor.wordbox import page

# a dev born-digital page (seed 35, kv_grid_he_06): the grid, then the issuer's block under it
GRID = (
    ("חשבונית מס/קבלה", 1268, 175),
    ("תאריך הזמנה", 2097, 365),
    ("28.2.2025", 2101, 419),
    ("מס' מסמך", 2153, 503),
    ("1262", 2213, 557),
    ("תאריך מסמך", 2116, 641),
    ("23.3.2025", 2101, 694),
    ("ח.פ.", 2228, 778),
    ("513776401", 2101, 832),
    ("ע.מ. לקוח", 1012, 365),
    ("525008587", 979, 419),
    ("מס' הקצאה", 1012, 503),
    ("514726188", 979, 557),
    ("נמען", 1106, 641),
    ("רימון לוגיסטיקה (1998)", 874, 694),
    ("שקד טכנולוגיות", 1883, 995),
    ("השירות הטוב בעיר", 1963, 1080),
    ("דרך בגין 26, פתח תקווה | טל 02-7969086", 1496, 1145),
    ('סה"כ לתשלום 28,969.09 ₪', 195, 1600),
    ("לפקודת: שקד טכנולוגיות · בנק 18 סניף 889 חשבון 107879", 748, 3306),
)


def test_allocation_labels_are_labels() -> None:
    assert looks_like_label("מס' הקצאה") and looks_like_label("מספר הקצאה")
    assert not looks_like_label("שקד טכנולוגיות")


def test_the_issuer_under_a_grid_is_the_vendor() -> None:
    assert extract_with_rules([page(*GRID, rtl=True)]).vendor_name == "שקד טכנולוגיות"
