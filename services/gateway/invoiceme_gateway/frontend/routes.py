"""The web app (services/gateway/webapp, built by `make run`/`make test` into webapp/dist), served at `/`
so one URL is all a user needs. Unknown non-API paths answer index.html (client-side routing); hashed
files under /assets/ are cached for a year; index.html is always revalidated."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

WEB_DIST = Path(__file__).resolve().parents[2] / "webapp" / "dist"
# Paths that belong to the API or its docs: never answered with the app's index.html.
_NOT_APP = ("api/", "docs", "redoc", "openapi.json", "health")
_NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>InvoiceMe</title>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
<h1>InvoiceMe's web app is not built</h1>
<p>The API is running (see <a href="/docs">/docs</a>). Build the web app with <code>make web</code>
(<code>make run</code> does it for you), then reload this page.</p></body></html>"""


class HashedAssets(StaticFiles):
    """Vite puts a content hash in every asset's name, so an asset never changes under its URL."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        if response.status_code == 200:
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def frontend_router(dist: Path) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/{path:path}", response_model=None)
    def app_page(path: str) -> Response:  # sync: FastAPI runs it in a thread (file-system checks)
        if path.startswith(_NOT_APP):
            raise StarletteHTTPException(404)  # the API's own JSON error shape
        if not (dist / "index.html").is_file():
            return HTMLResponse(_NOT_BUILT, status_code=503, headers={"Cache-Control": "no-store"})
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist.resolve()):
            return FileResponse(candidate, headers={"Cache-Control": "no-cache"})
        return FileResponse(dist / "index.html", headers={"Cache-Control": "no-cache"})

    return router


def mount_frontend(app: FastAPI, dist: Path | str = "") -> None:
    """Call after every API router: the app's catch-all route must come last. `dist`: the built app's
    folder (WEB_DIST_DIR, e.g. in a container); empty means this source tree's webapp/dist."""
    dist = Path(dist) if dist else WEB_DIST
    app.mount("/assets", HashedAssets(directory=dist / "assets", check_dir=False), name="assets")
    app.include_router(frontend_router(dist))
