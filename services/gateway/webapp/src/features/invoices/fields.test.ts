import { changedFields, type FieldEvidence, isUnsure, offeredAlternatives, spotOf, validateField } from "./fields";

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
    expect(isUnsure({ total: 0.89 }, "total")).toBe(true); // "check this" below 0.9
    expect(isUnsure({ total: 0.9 }, "total")).toBe(false);
  });
  const evidence: Record<string, FieldEvidence> = {
    total: {
      text: "1,534.00",
      page: 1,
      alternatives: [
        { value: 1534, score: 0.8, text: "1,534.00", page: 1 },
        { value: 1543, score: 0.5, text: "1,543.00", page: 2, label: "Total due" },
      ],
    },
  };
  it("offers the readings the field does not hold now (numbers compared as numbers)", () => {
    expect(offeredAlternatives(evidence.total, "1534.00").map((offer) => offer.index)).toEqual([1]);
    expect(offeredAlternatives(evidence.total, "").map((offer) => offer.index)).toEqual([0, 1]);
    expect(offeredAlternatives(undefined, "1")).toEqual([]);
  });
  it("draws the field's own evidence or the alternative in focus", () => {
    expect(spotOf(evidence, { field: "total", alternative: null })?.text).toBe("1,534.00");
    expect(spotOf(evidence, { field: "total", alternative: 1 })?.page).toBe(2);
    expect(spotOf(evidence, null)).toBeUndefined();
    expect(spotOf(evidence, { field: "vat_amount", alternative: 0 })).toBeUndefined();
  });
});
