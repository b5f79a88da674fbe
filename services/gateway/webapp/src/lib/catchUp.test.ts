import { describe, expect, it } from "vitest";
import { CATCH_UP_MS, FIGURES_REREAD_MS, figuresRereadInterval, noteChange } from "./catchUp";

describe("figures re-read while the projection catches up", () => {
  it("does not poll before any change", () => {
    expect(figuresRereadInterval(0)).toBe(false);
  });

  it("polls for a while after a change, then stops", () => {
    noteChange(1_000);
    expect(figuresRereadInterval(1_000)).toBe(FIGURES_REREAD_MS);
    expect(figuresRereadInterval(1_000 + CATCH_UP_MS - 1)).toBe(FIGURES_REREAD_MS);
    expect(figuresRereadInterval(1_000 + CATCH_UP_MS)).toBe(false);
  });

  it("a later change starts the window again", () => {
    noteChange(1_000);
    noteChange(50_000);
    expect(figuresRereadInterval(50_000 + CATCH_UP_MS - 1)).toBe(FIGURES_REREAD_MS);
  });
});
