import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { session } from "../../lib/session";
import { renderWithApp } from "../../testing/render";
import { BusinessPicker } from "./BusinessPicker";

const business = (id: string, name: string) => ({
  id,
  name,
  tax_id: null,
  aliases: [],
  monthly_limit: null,
  display_order: 0,
  invoice_count: 0,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
});

/** A gateway with 45 businesses: "Cafe 0".."Cafe 44"; `q` filters by name, pages of `limit`. */
function stubGateway(asked: URL[]) {
  const all = Array.from({ length: 45 }, (_, n) => business(`00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, `Cafe ${n}`));
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL((input instanceof Request ? input : new Request(input, init)).url);
      asked.push(url);
      const q = url.searchParams.get("q") ?? "";
      const limit = Number(url.searchParams.get("limit") ?? 50);
      const matches = all.filter((item) => item.name.includes(q));
      return Response.json({ items: matches.slice(0, limit), total: matches.length, limit, offset: 0 });
    }),
  );
}

describe("BusinessPicker", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks for one page of matches and narrows them as the user types", async () => {
    const asked: URL[] = [];
    stubGateway(asked);
    session.save({ access_token: "a", refresh_token: "r" });
    renderWithApp(<BusinessPicker label="Business" value="" onChange={() => undefined} emptyLabel="Any business" />);
    const list = screen.getByRole("combobox", { name: "Business" });
    await waitFor(() => expect(list.querySelectorAll("option")).toHaveLength(21)); // "Any business" + 20
    expect(screen.getByText(/25 more match/)).toBeInTheDocument();
    await userEvent.type(screen.getByRole("searchbox", { name: "Find: Business" }), "Cafe 4");
    await waitFor(() => expect([...list.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Any business", "Cafe 4", "Cafe 40", "Cafe 41", "Cafe 42", "Cafe 43", "Cafe 44"]));
    expect(asked.every((url) => url.searchParams.get("limit") === "20")).toBe(true);
    expect(asked.some((url) => url.searchParams.get("q") === "Cafe 4")).toBe(true);
    expect(asked.filter((url) => url.searchParams.has("q")).length).toBeLessThan("Cafe 4".length); // debounced
  });

  it("reports the choice and leaves out the excluded business", async () => {
    stubGateway([]);
    session.save({ access_token: "a", refresh_token: "r" });
    const chosen: string[] = [];
    renderWithApp(
      <BusinessPicker label="Merge" value="" onChange={(id) => chosen.push(id)} excludeId="00000000-0000-4000-8000-000000000000" />,
    );
    const list = screen.getByRole("combobox", { name: "Merge" });
    await waitFor(() => expect(list.querySelectorAll("option").length).toBeGreaterThan(1));
    expect(screen.queryByRole("option", { name: "Cafe 0" })).toBeNull();
    await userEvent.selectOptions(list, "Cafe 1");
    expect(chosen).toEqual(["00000000-0000-4000-8000-000000000001"]);
  });
});
