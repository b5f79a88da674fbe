import { changedFields, isUnsure, validateField } from "./fields";

describe("invoice fields", () => {
  it("sends only what changed, typed for the API", () => {
    const original = { total: 1534, vendor_name: "Northwind", currency: "USD", vat_rate: 0.18 };
    const draft = { total: "1543.00", vendor_name: "Northwind", currency: "eur", vat_rate: "" };
    expect(changedFields(original, draft)).toEqual({ total: 1543, currency: "EUR", vat_rate: null });
  });
  it("validates numbers, dates and tax ids", () => {
    expect(validateField("total", "12,5")).toBe("invalidNumber");
    expect(validateField("invoice_date", "14/03/2025")).toBe("invalidDate");
    expect(validateField("vendor_tax_id", "514713289")).toBe("invalidTaxId");
    expect(validateField("vendor_tax_id", "514713288")).toBeNull();
    expect(validateField("total", "")).toBeNull();
  });
  it("marks low-confidence fields unsure", () => {
    expect(isUnsure({ total: 0.5, vendor_name: 0.95 }, "total")).toBe(true);
    expect(isUnsure({ total: 0.5, vendor_name: 0.95 }, "vendor_name")).toBe(false);
    expect(isUnsure(undefined, "total")).toBe(false);
  });
});
