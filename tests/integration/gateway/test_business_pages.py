"""The businesses list a page at a time: limit/offset and a total, search and the budget filter on
pages, reorder within a page, moving a business before or after one on another page, bad paging."""

from __future__ import annotations

import pytest

from tests.support.gateway import gateway_client, gateway_settings, signup


@pytest.fixture
async def client(database_url: str, nats_url: str, namespace: str):
    async with gateway_client(gateway_settings(database_url, nats_url, namespace)) as c:
        yield c


async def _seven(client, headers) -> list[dict]:
    """B0..B6 in creation (= display) order; every odd one has a monthly limit."""
    made = []
    for n in range(7):
        body = {"name": f"B{n}", "monthly_limit": 100 if n % 2 else None}
        response = await client.post("/api/businesses", headers=headers, json=body)
        assert response.status_code == 201, response.text
        made.append(response.json())
    return made


async def _names(client, headers, **params) -> tuple[list[str], int]:
    response = await client.get("/api/businesses", headers=headers, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    return [item["name"] for item in body["items"]], body["total"]


async def _all_names(client, headers) -> list[str]:
    names, _ = await _names(client, headers, limit=500)
    return names


class TestPages:
    """Pages follow the display order, carry the total, and end cleanly."""

    async def test_pages_cover_the_list_once(self, client):
        alice = await signup(client)
        await _seven(client, alice)
        first = (await client.get("/api/businesses", headers=alice, params={"limit": 3})).json()
        assert (first["limit"], first["offset"], first["total"]) == (3, 0, 7)
        pages = [[item["name"] for item in first["items"]]]
        for offset in (3, 6):
            names, total = await _names(client, alice, limit=3, offset=offset)
            assert total == 7
            pages.append(names)
        assert pages == [["B0", "B1", "B2"], ["B3", "B4", "B5"], ["B6"]]
        assert await _names(client, alice, limit=3, offset=9) == ([], 7)  # past the end: still a total

    async def test_default_page_is_fifty(self, client):
        alice = await signup(client)
        await _seven(client, alice)
        body = (await client.get("/api/businesses", headers=alice)).json()
        assert body["limit"] == 50 and len(body["items"]) == 7

    async def test_search_and_budget_filter_page_and_count(self, client):
        alice = await signup(client)
        await _seven(client, alice)
        await client.post("/api/businesses", headers=alice, json={"name": "Other"})
        assert await _names(client, alice, q="b", limit=2, offset=2) == (["B2", "B3"], 7)
        assert await _names(client, alice, budgeted="true", limit=2) == (["B1", "B3"], 3)
        assert await _names(client, alice, q="zzqx") == ([], 0)

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"limit": 0}, "limit"),
            ({"limit": 501}, "limit"),
            ({"limit": "x"}, "limit"),
            ({"offset": -1}, "offset"),
        ],
    )
    async def test_bad_paging_is_422_with_a_reason(self, client, params, field):
        alice = await signup(client)
        response = await client.get("/api/businesses", headers=alice, params=params)
        assert response.status_code == 422
        error = response.json()["error"]
        assert error["code"] == "invalid_input" and field in error["message"]


class TestOrderAcrossPages:
    """A move reaches businesses on pages the client never loaded; a reorder touches only its ids."""

    async def test_move_before_one_on_an_earlier_page(self, client):
        alice = await signup(client)
        made = await _seven(client, alice)
        moved = await client.post(
            f"/api/businesses/{made[6]['id']}/move", headers=alice, json={"before": made[1]["id"]}
        )
        assert moved.status_code == 200, moved.text
        assert moved.json()["display_order"] == 1
        assert await _names(client, alice, limit=3) == (["B0", "B6", "B1"], 7)
        assert await _all_names(client, alice) == ["B0", "B6", "B1", "B2", "B3", "B4", "B5"]

    async def test_move_after_one_on_a_later_page(self, client):
        alice = await signup(client)
        made = await _seven(client, alice)
        await client.post(
            f"/api/businesses/{made[0]['id']}/move", headers=alice, json={"after": made[5]["id"]}
        )
        assert await _all_names(client, alice) == ["B1", "B2", "B3", "B4", "B5", "B0", "B6"]
        orders = (await client.get("/api/businesses", headers=alice)).json()["items"]
        assert [item["display_order"] for item in orders] == list(range(7))  # dense again

    async def test_reorder_of_one_page_keeps_the_others(self, client):
        alice = await signup(client)
        made = await _seven(client, alice)
        page = [made[5]["id"], made[3]["id"], made[4]["id"]]
        response = await client.post("/api/businesses/reorder", headers=alice, json={"ids": page})
        assert [item["name"] for item in response.json()] == ["B5", "B3", "B4"]
        assert await _all_names(client, alice) == ["B0", "B1", "B2", "B5", "B3", "B4", "B6"]

    async def test_a_new_business_goes_last_after_moves(self, client):
        alice = await signup(client)
        made = await _seven(client, alice)
        await client.post(
            f"/api/businesses/{made[6]['id']}/move", headers=alice, json={"before": made[0]["id"]}
        )
        await client.post("/api/businesses", headers=alice, json={"name": "New"})
        assert (await _all_names(client, alice))[-1] == "New"

    @pytest.mark.parametrize(
        "body", [{}, {"before": "A", "after": "B"}, {"before": "SELF"}, {"after": "STRANGER"}]
    )
    async def test_bad_moves(self, client, body):
        alice = await signup(client)
        made = await _seven(client, alice)
        stranger = "00000000-0000-4000-8000-000000000000"
        ids = {"A": made[0]["id"], "B": made[1]["id"], "SELF": made[2]["id"], "STRANGER": stranger}
        resolved = {key: ids[value] for key, value in body.items()}
        response = await client.post(f"/api/businesses/{made[2]['id']}/move", headers=alice, json=resolved)
        assert response.status_code == (404 if "STRANGER" in body.values() else 422), response.text
        assert response.json()["error"]["message"]
        assert await _all_names(client, alice) == [f"B{n}" for n in range(7)]

    async def test_another_tenants_business_cannot_be_moved_or_used_as_anchor(self, client):
        alice, bob = await signup(client), await signup(client)
        alices = await _seven(client, alice)
        bobs = (await client.post("/api/businesses", headers=bob, json={"name": "Bob Co"})).json()
        for mover, anchor in ((alices[0], bobs), (bobs, alices[0])):
            response = await client.post(
                f"/api/businesses/{mover['id']}/move", headers=bob, json={"after": anchor["id"]}
            )
            assert response.status_code == 404
