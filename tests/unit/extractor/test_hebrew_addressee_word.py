"""'אל:' (to:) opening a cell addresses the customer ('אל: דקל טכנולוגיות בע"מ'), as 'לכבוד' and
'To:' do: that name is not the issuer's, however near the header's tax id it stands."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.party_labels import BUYER_BLOCK

from .wordbox import page


class TestHebrewAddresseeWord:
    """The customer named after 'אל' is set apart; a name merely containing the letters is not."""

    def test_the_addressed_name_is_not_the_vendor(self) -> None:
        laid_out = page(
            ("חשבונית מס - מקור", 1000, 100),
            ("מספר חשבונית: 4020393", 1900, 200),
            ("ח.פ./ע.מ. 510784226", 800, 200),
            ("תאריך: 1 בספטמבר 2025", 1900, 250),
            ('אל: דקל טכנולוגיות בע"מ', 800, 250),
            ("השירות הטוב בעיר", 2000, 330),
            ("נגה מערכות", 2100, 380),
            ("רחוב הרצל 160, הרצליה", 1900, 430),
            ("סך הכל לתשלום 8,052.19", 1700, 900),
            ("נגה מערכות · ח.פ./ע.מ. 510784226 · שדרות רוטשילד 97, פתח תקווה", 900, 3300),
            rtl=True,
        )
        assert extract_with_rules([laid_out]).vendor_name == "נגה מערכות"

    def test_only_the_opening_word_addresses(self) -> None:
        assert BUYER_BLOCK.search("אל: דקל טכנולוגיות")
        assert not BUYER_BLOCK.search('אלון הנדסה בע"מ')
        assert not BUYER_BLOCK.search("שירותי אל דקל")
        assert not BUYER_BLOCK.search('אל על נתיבי אויר לישראל בע"מ')  # an issuer's name
