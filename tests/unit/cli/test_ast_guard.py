"""The Python 3.11 < 3.11.8 guard turns pytest's crash into an ordinary reported failure."""

from __future__ import annotations

import pytest

from tests.support import ast_guard


class TestGuard:
    """A SystemError from parsing the source for a traceback becomes the SyntaxError pytest handles."""

    def test_system_error_becomes_syntax_error(self) -> None:
        def parse_like_cpython_3_11_2(*_: object) -> None:
            raise SystemError("AST constructor recursion depth mismatch (before=78, after=133)")

        with pytest.raises(SyntaxError, match="recursion depth mismatch"):
            ast_guard.guarded(parse_like_cpython_3_11_2)(1, "source")

    def test_results_pass_through(self) -> None:
        assert ast_guard.guarded(lambda lineno, source: (None, lineno, lineno + 1))(3, "x") == (None, 3, 4)

    def test_only_affected_interpreters_are_patched(self) -> None:
        import sys

        assert ast_guard.AFFECTED == ((3, 11) <= sys.version_info[:3] < (3, 11, 8))
