import { filtersFromSearch, groupByMonth, matchCount, nextPageOffset } from "./filters";

describe("invoice filters", () => {
  it("reads the URL into API filters, ignoring blanks and bad numbers", () => {
    const search = new URLSearchParams("q=northwind&status=needs_review&amount_min=10&amount_max=abc&currency=usd&date_from=");
    expect(filtersFromSearch(search)).toEqual({ q: "northwind", status: ["needs_review"], amount_min: 10, currency: "USD" });
  });
  it("maps the unassigned pseudo-status", () => {
    expect(filtersFromSearch(new URLSearchParams("status=unassigned"))).toEqual({ unassigned: true });
  });
  it("groups by month in list order", () => {
    const items = [{ invoice_date: "2025-03-14" }, { invoice_date: "2025-03-01" }, { invoice_date: null }, { invoice_date: "2025-02-02" }];
    expect(groupByMonth(items).map(([month, rows]) => [month, rows.length])).toEqual([
      ["2025-03", 2],
      ["unknown", 1],
      ["2025-02", 1],
    ]);
  });
});

describe("paging past the API's count cap", () => {
  const page = (offset: number, n: number, total: number, total_exact?: boolean) => ({ offset, items: new Array(n).fill(0), total, total_exact });

  it("stops at the exact total", () => {
    expect(nextPageOffset(page(0, 50, 120, true), 50)).toBe(50);
    expect(nextPageOffset(page(100, 20, 120, true), 50)).toBeUndefined();
  });

  it("goes on past a capped count while pages are full", () => {
    expect(nextPageOffset(page(9950, 50, 10000, false), 50)).toBe(10000);
    expect(nextPageOffset(page(10000, 50, 10000, false), 50)).toBe(10050);
    expect(nextPageOffset(page(10050, 7, 10000, false), 50)).toBeUndefined();
  });

  it("shows a capped count with a plus", () => {
    expect(matchCount(10000, false, "en")).toBe("10,000+");
    expect(matchCount(1234, true, "en")).toBe("1,234");
  });
});
