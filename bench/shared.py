"""Where the team's hand-over folder (`shared/`: external-dev documents, the shared scorer) lies.

It sits beside the checkout (`../shared`), but a git worktree may be deeper (`/work/wt/NAME`), so the
first ancestor that holds it wins; `INVOICEME_SHARED` names it outright.
"""

from __future__ import annotations

import os
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[1]


def shared_folder(start: Path = _CHECKOUT) -> Path:
    """The shared folder, or `start.parent / "shared"` (absent) when no ancestor has one."""
    named = os.environ.get("INVOICEME_SHARED")
    if named:
        return Path(named)
    for ancestor in start.parents:
        if (ancestor / "shared" / "data" / "external-dev").is_dir():
            return ancestor / "shared"
    return start.parent / "shared"


SHARED = shared_folder()
EXTERNAL_DEV = SHARED / "data" / "external-dev"
