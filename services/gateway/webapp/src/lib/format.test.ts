import { formatDate, formatMoney, formatMonth, formatNumber, formatPercent } from "./format";

describe("formatMoney", () => {
  it("puts the shekel sign first in Hebrew, with grouping and two decimals", () => {
    expect(formatMoney(1234.5, "ILS", "he")).toBe("₪1,234.50");
  });
  it("formats dollars and euros in English", () => {
    expect(formatMoney(1534, "USD", "en")).toBe("$1,534.00");
    expect(formatMoney(-12, "EUR", "en")).toBe("-€12.00");
  });
  it("keeps an unknown currency code readable and empty amounts empty", () => {
    expect(formatMoney(5, "", "en")).toBe("5.00");
    expect(formatMoney(null, "ILS", "he")).toBe("");
  });
});

describe("formatDate", () => {
  it("reads dd/mm/yyyy in Hebrew whatever the time zone", () => {
    expect(formatDate("2025-03-04", "he")).toBe("04/03/2025");
  });
  it("reads month names in English", () => {
    expect(formatDate("2025-03-14", "en")).toBe("Mar 14, 2025");
  });
  it("passes through text that is not a date", () => {
    expect(formatDate("soon", "en")).toBe("soon");
    expect(formatDate(null, "en")).toBe("");
  });
});

describe("numbers", () => {
  it("groups thousands and rounds percents", () => {
    expect(formatNumber(12345.678, "en", 1)).toBe("12,345.7");
    expect(formatPercent(64.24, "en")).toBe("64%");
    expect(formatPercent(5.55, "he")).toBe("5.6%");
  });
  it("names months in both languages", () => {
    expect(formatMonth("2025-03", "en")).toBe("March 2025");
    expect(formatMonth("2025-03", "he")).toContain("2025");
  });
});
