import { isValidIsraeliId } from "./israeliId";

describe("isValidIsraeliId", () => {
  it("accepts ids whose check digit is right", () => {
    expect(isValidIsraeliId("000000018")).toBe(true);
    expect(isValidIsraeliId("514713288")).toBe(true);
  });
  it("refuses a wrong check digit, letters and zeros", () => {
    expect(isValidIsraeliId("514713289")).toBe(false);
    expect(isValidIsraeliId("51471328a")).toBe(false);
    expect(isValidIsraeliId("000000000")).toBe(false);
  });
});
