"""Components with their boxes and areas: the numbers OpenCV's statistics give, label by label."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from invoiceme_ocr.preprocess import components


def random_mask(density: float, seed: int = 11) -> np.ndarray:
    mask = np.where(np.random.default_rng(seed).random((90, 140)) < density, 255, 0).astype(np.uint8)
    mask[40, 10:120] = 255  # a rule across
    return mask


class TestLabelled:
    """Labels, boxes and areas as `cv2.connectedComponentsWithStats` gives them."""

    @pytest.mark.parametrize("density", [0.001, 0.02, 0.3, 0.7])
    @pytest.mark.parametrize("connectivity", [4, 8])
    def test_same_as_opencv(self, density: float, connectivity: int) -> None:
        mask = random_mask(density)
        count, labels, stats = components.labelled(mask, connectivity)
        expected_count, expected_labels, expected, _ = cv2.connectedComponentsWithStats(
            mask, connectivity=connectivity
        )
        assert count == expected_count and np.array_equal(labels, expected_labels)
        assert np.array_equal(stats[1:], expected[1:])
        assert stats[0, components.AREA] == expected[0, cv2.CC_STAT_AREA]

    def test_no_components(self) -> None:
        count, _, stats = components.labelled(np.zeros((5, 7), np.uint8))
        assert count == 1 and stats.shape == (1, 5) and stats[0, components.AREA] == 35


class TestComponentBoxes:
    """Boxes of labels made without statistics."""

    def test_same_boxes_as_opencv(self) -> None:
        mask = random_mask(0.02, seed=3)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        assert np.array_equal(components.component_boxes(mask, labels, count), stats[1:, :4])

    def test_no_components(self) -> None:
        empty = np.zeros((5, 7), np.uint8)
        count, labels = cv2.connectedComponents(empty, connectivity=8)
        assert components.component_boxes(empty, labels, count).shape == (0, 4)


class TestPainted:
    """Each component takes its label's value; the background stays 0."""

    def test_same_as_indexing_by_the_labels(self) -> None:
        mask = random_mask(0.3, seed=7)
        count, labels = cv2.connectedComponents(mask, connectivity=8)
        values = np.random.default_rng(1).integers(0, 256, count).astype(np.uint8)
        values[0] = 0
        assert np.array_equal(components.painted(mask, labels, values), values[labels])

    def test_background_stays_black_whatever_its_value(self) -> None:
        mask = random_mask(0.02)
        count, labels = cv2.connectedComponents(mask, connectivity=8)
        painted = components.painted(mask, labels, np.full(count, 255, np.uint8))
        assert np.array_equal(painted, mask)
