import { REFRESH_GIVE_UP_MS, refreshPending } from "./refresh";

describe("insights refresh", () => {
  const asked = { requestedAt: "2026-12-01T20:50:01.500000Z", askedAtMs: 1_000 };
  it("is pending until the detectors ran after it was queued", () => {
    expect(refreshPending(asked, null, 2_000)).toBe(true);
    expect(refreshPending(asked, "2026-12-01T20:50:01.200000Z", 2_000)).toBe(true);
    expect(refreshPending(asked, "2026-12-01T20:50:01.500000Z", 2_000)).toBe(false);
    expect(refreshPending(asked, "2026-12-01T20:50:03.000001Z", 2_000)).toBe(false);
  });
  it("is not pending when nothing was asked, or after the give-up limit", () => {
    expect(refreshPending(null, null, 2_000)).toBe(false);
    expect(refreshPending(asked, null, 1_000 + REFRESH_GIVE_UP_MS + 1)).toBe(false);
  });
});
