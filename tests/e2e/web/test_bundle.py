"""The built web app: the first screen's JavaScript stays within its budget, charts load lazily, and
nothing secret is baked into the files a browser downloads."""

from __future__ import annotations

import re

import pytest

from bench.web.first_screen import BUDGET_KB, measure

from .conftest import WEB_DIST

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


def test_first_screen_javascript_within_budget() -> None:
    bundle = measure(WEB_DIST)
    assert bundle.first_screen, "index.html loads no script"
    assert bundle.first_screen_kb <= BUDGET_KB, bundle.first_screen
    assert any("ChartCanvas" in name for name in bundle.lazy), "Chart.js should be a lazy chunk"


def test_no_secrets_in_the_bundle() -> None:
    text = "".join(p.read_text() for p in (WEB_DIST / "assets").glob("*.js"))
    assert not re.search(r"eyJ[\w-]{10,}\.[\w-]{10,}", text)  # no JWT
    for name in ("JWT_SECRET", "GROQ_API_KEY", "SUPABASE_JWT_SECRET", "DATABASE_URL"):
        assert name not in text
