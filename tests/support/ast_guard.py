"""Keeps one failing test from ending the whole session on Python 3.11.0-3.11.7 (Debian 12 has 3.11.2).

There, `ast.parse` can raise `SystemError: AST constructor recursion depth mismatch` (CPython
gh-106905, fixed in 3.11.8). pytest parses a test's source file to show the failing statement in
the traceback, and a SystemError there escapes as INTERNALERROR and stops the run. pytest already
treats a SyntaxError at that point as "show the line alone", so the guard turns the SystemError into
one; the failure is then reported like any other.
"""

from __future__ import annotations

import sys
from typing import Any

AFFECTED = (3, 11) <= sys.version_info[:3] < (3, 11, 8)


def guarded(getstatementrange_ast: Any) -> Any:
    def getstatementrange_ast_or_syntax_error(*args: Any, **kwargs: Any) -> Any:
        try:
            return getstatementrange_ast(*args, **kwargs)
        except SystemError as error:  # CPython gh-106905
            raise SyntaxError(f"source not parsed for the traceback ({error})") from error

    return getstatementrange_ast_or_syntax_error


def install(force: bool = False) -> bool:
    """Wraps the one function pytest's traceback code calls; True when installed."""
    if not (AFFECTED or force):
        return False
    from _pytest._code import code

    if not hasattr(code, "getstatementrange_ast"):  # pytest moved it: nothing to guard here
        return False
    code.getstatementrange_ast = guarded(code.getstatementrange_ast)  # type: ignore[attr-defined]
    return True
