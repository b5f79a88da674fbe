import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { session } from "../../lib/session";
import { renderWithApp } from "../../testing/render";
import { HomePage } from "./HomePage";

const TOTAL = 27;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A gateway with 27 businesses; it records the businesses pages asked for and every move. */
function stubGateway(asked: URL[], moves: unknown[]) {
  const all = Array.from({ length: TOTAL }, (_, n) => ({
    id: id(n),
    name: `Vendor ${n}`,
    tax_id: null,
    aliases: [],
    monthly_limit: null,
    display_order: n,
    invoice_count: 0,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  }));
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      if (url.pathname.endsWith("/move")) {
        moves.push({ business: url.pathname.split("/")[3], ...(await request.json()) });
        return Response.json(all[0]);
      }
      if (url.pathname === "/api/businesses") {
        asked.push(url);
        const q = url.searchParams.get("q") ?? "";
        const limit = Number(url.searchParams.get("limit"));
        const offset = Number(url.searchParams.get("offset") ?? 0);
        const matches = all.filter((business) => business.name.includes(q));
        return Response.json({ items: matches.slice(offset, offset + limit), total: matches.length, limit, offset });
      }
      if (url.pathname.startsWith("/api/analytics/businesses/")) {
        return Response.json({ spend_this_month: 0, monthly_limit: null, utilization_percent: null, base_currency: "ILS" });
      }
      return Response.json({ items: [], total: 0, limit: 5, offset: 0 }); // invoices: inbox queues, latest
    }),
  );
  session.save({ access_token: "a", refresh_token: "r" });
}

// 20 cards each read their figures and latest invoices: slow on a busy machine.
const SLOW = { timeout: 10_000 };

describe("HomePage", { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the first page, then the next one, with how many there are", async () => {
    const asked: URL[] = [];
    stubGateway(asked, []);
    renderWithApp(<HomePage />);
    expect(await screen.findByText("Showing 20 of 27 businesses", {}, SLOW)).toBeInTheDocument();
    expect(screen.getAllByRole("article")).toHaveLength(20);
    await userEvent.click(screen.getByRole("button", { name: "Show more businesses" }));
    expect(await screen.findByText("Showing 27 of 27 businesses", {}, SLOW)).toBeInTheDocument();
    expect(screen.getAllByRole("article").at(-1)).toHaveAccessibleName("Vendor 26");
    expect(screen.queryByRole("button", { name: "Show more businesses" })).toBeNull();
    expect(asked.map((url) => [url.searchParams.get("limit"), url.searchParams.get("offset")])).toEqual([
      ["20", "0"],
      ["20", "20"],
    ]);
  });

  it("moves a business up before its neighbour, and offers no moves in search results", async () => {
    const moves: unknown[] = [];
    stubGateway([], moves);
    renderWithApp(<HomePage />);
    await screen.findByText("Showing 20 of 27 businesses", {}, SLOW);
    expect(screen.getByRole("button", { name: "Move Vendor 0 up" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Move Vendor 3 up" }));
    await waitFor(() => expect(moves).toEqual([{ business: id(3), before: id(2) }]), SLOW);
    await userEvent.type(screen.getByRole("searchbox", { name: "Search businesses" }), "Vendor 2");
    expect(await screen.findByText("Showing 8 of 8 businesses", {}, SLOW)).toBeInTheDocument();
    expect(within(screen.getAllByRole("article")[0]).getByRole("link", { name: "Vendor 2" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Move / })).toBeNull();
  });
});
