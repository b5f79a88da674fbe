import { filtersFromSearch, groupByMonth } from "./filters";

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
