"""The upload and authentication dependencies run on the event loop, not on a worker thread."""

from __future__ import annotations

import inspect

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from invoiceme_gateway.invoices.routes import router


def _sync_dependencies(dependant: Dependant) -> list[str]:
    found = []
    for sub in dependant.dependencies:
        call = sub.call
        if call is not None and not (
            inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(type(call).__call__)
        ):
            found.append(getattr(call, "__name__", repr(call)))
        found.extend(_sync_dependencies(sub))
    return found


class TestUploadRouteDependencies:
    """FastAPI runs a plain-`def` dependency through a thread pool: a thread hop per request."""

    def test_upload_routes_need_no_thread_hop(self) -> None:
        uploads = [
            route
            for route in router.routes
            if isinstance(route, APIRoute)
            and "POST" in route.methods
            and route.path.startswith("/api/invoices")
        ]
        assert len(uploads) == 2
        for route in uploads:
            assert _sync_dependencies(route.dependant) == [], route.path
