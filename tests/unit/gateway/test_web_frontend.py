"""The gateway serves the built web app at / with client-side routing, and says how to build it when it
is not built; API paths never fall through to the app."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from invoiceme_gateway.errors import install_error_handlers
from invoiceme_gateway.frontend.routes import mount_frontend
from invoiceme_gateway.settings import GatewaySettings


def _client(dist: Path) -> TestClient:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/api/ping")
    async def ping() -> dict[str, bool]:
        return {"ok": True}

    mount_frontend(app, dist)
    return TestClient(app)


def _built(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<div id=root></div>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)")
    (tmp_path / "robots.txt").write_text("User-agent: *")
    return tmp_path


class TestBuiltApp:
    """A built app: every page URL gets index.html; assets are cached by hash."""

    def test_deep_links_answer_the_app(self, tmp_path: Path) -> None:
        client = _client(_built(tmp_path))
        for url in ("/", "/invoices/3f1c", "/analytics"):
            response = client.get(url)
            assert response.status_code == 200
            assert "id=root" in response.text
            assert response.headers["cache-control"] == "no-cache"

    def test_hashed_assets_are_immutable(self, tmp_path: Path) -> None:
        response = _client(_built(tmp_path)).get("/assets/index-abc123.js")
        assert response.status_code == 200
        assert "immutable" in response.headers["cache-control"]

    def test_root_files_are_served_and_traversal_is_not(self, tmp_path: Path) -> None:
        client = _client(_built(tmp_path / "dist"))
        (tmp_path / "secret.txt").write_text("no")
        assert client.get("/robots.txt").text == "User-agent: *"
        assert client.get("/..%2Fsecret.txt").text != "no"

    def test_api_paths_stay_json_404(self, tmp_path: Path) -> None:
        client = _client(_built(tmp_path))
        assert client.get("/api/ping").json() == {"ok": True}
        response = client.get("/api/no-such-route")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_unbuilt_app_says_how_to_build_it(tmp_path: Path) -> None:
    response = _client(tmp_path / "missing").get("/")
    assert response.status_code == 503
    assert "make web" in response.text


def test_cors_origins_setting_is_a_clean_list() -> None:
    settings = GatewaySettings(cors_origins=" https://a.example/ ,https://b.example:8443,")
    assert settings.cors_origin_list == ["https://a.example", "https://b.example:8443"]
