"""A side panel wider than the paper-brightness dilation is found as a fill across its whole width
(`cleanup.grown_fills`), not only along its edge by the paper; a shadow's fading dark is not taken."""

from __future__ import annotations

import numpy as np

from invoiceme_ocr.preprocess import cleanup


def _background_with_panel() -> np.ndarray:
    background = np.full((200, 300), 230, np.uint8)
    background[:, :120] = 90  # a dark panel on the page's left edge
    return background


class TestGrownFills:
    """A fill found near the paper is carried over the rest of its even colour, and no further."""

    def test_panel_found_at_its_edge_covers_its_width(self) -> None:
        background = _background_with_panel()
        edge = np.zeros(background.shape, bool)
        edge[:, 100:120] = True
        grown = cleanup.grown_fills(background, edge)
        assert grown[:, :120].all()
        assert not grown[:, 120:].any()

    def test_a_fading_shadow_beside_a_fill_is_not_taken(self) -> None:
        background = _background_with_panel()
        background[:, 120:220] = np.linspace(110, 229, 100).astype(np.uint8)  # soft shadow beside it
        edge = np.zeros(background.shape, bool)
        edge[:, 100:120] = True
        grown = cleanup.grown_fills(background, edge)
        assert grown[:, :120].all()
        assert not grown[:, 135:].any()
