"""A slogan printed as a sentence, in title case or capitals ('Quality You Can Trust.', 'SERVICE WITH
A SMILE.'), reads as a phrase, not a name: three words or more closed by a full stop after a whole
word. A name's full stop closes an abbreviation or a legal form ('Northwind Trading Co.')."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.name_signs import reads_as_phrase


class TestSloganSentenceEnd:
    @pytest.mark.parametrize("text", ["Quality You Can Trust.", "SERVICE WITH A SMILE."])
    def test_a_sentence_is_a_phrase(self, text: str) -> None:
        assert reads_as_phrase(text)

    @pytest.mark.parametrize(
        "text", ["Northwind Trading Co.", "Nordlicht Technik GmbH.", "Harbor Foods Inc."]
    )
    def test_a_name_with_its_abbreviation_is_no_phrase(self, text: str) -> None:
        assert not reads_as_phrase(text)
