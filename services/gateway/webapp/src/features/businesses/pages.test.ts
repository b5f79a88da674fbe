import { describe, expect, it } from "vitest";
import { hiddenMatches, loadedBusinesses, moveTarget, nextOffset } from "./pages";

const page = (ids: string[], offset: number, total: number) => ({ items: ids.map((id) => ({ id })), offset, total });

describe("nextOffset", () => {
  it("follows the page until the total is reached", () => {
    expect(nextOffset(page(["a", "b"], 0, 5))).toBe(2);
    expect(nextOffset(page(["c", "d"], 2, 5))).toBe(4);
    expect(nextOffset(page(["e"], 4, 5))).toBeUndefined();
  });

  it("stops on an empty page even if the total grew meanwhile", () => {
    expect(nextOffset(page([], 6, 9))).toBeUndefined();
  });
});

describe("loadedBusinesses", () => {
  it("joins the pages in order", () => {
    expect(loadedBusinesses([page(["a", "b"], 0, 4), page(["c", "d"], 2, 4)]).map((b) => b.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("shows a business that moved between page loads once, where it came first", () => {
    expect(loadedBusinesses([page(["a", "b"], 0, 4), page(["b", "c"], 2, 4)]).map((b) => b.id)).toEqual(["a", "b", "c"]);
  });
});

describe("moveTarget", () => {
  const items = [{ id: "a" }, { id: "b" }, { id: "c" }];

  it("moves up before the previous one and down after the next one", () => {
    expect(moveTarget(items, 1, "up")).toEqual({ before: "a" });
    expect(moveTarget(items, 1, "down")).toEqual({ after: "c" });
  });

  it("has nowhere to go past either end of what is loaded", () => {
    expect(moveTarget(items, 0, "up")).toBeNull();
    expect(moveTarget(items, 2, "down")).toBeNull();
  });
});

describe("hiddenMatches", () => {
  it("counts the matches past the page", () => {
    expect(hiddenMatches(page(["a", "b"], 0, 7))).toBe(5);
    expect(hiddenMatches(page(["a"], 0, 1))).toBe(0);
    expect(hiddenMatches(undefined)).toBe(0);
  });
});
