// A refresh is queued work in the analytics service: the page polls the list until the detectors have
// read the invoices at or after the moment the refresh was queued (both times are the server's clock).

export interface AskedRefresh {
  requestedAt: string; // the server's clock when queued
  askedAtMs: number; // the browser's clock, for the give-up limit only
}

export const REFRESH_POLL_MS = 1000;
export const REFRESH_GIVE_UP_MS = 30_000;

export function refreshPending(
  asked: AskedRefresh | null,
  generatedAt: string | null | undefined,
  nowMs: number,
): boolean {
  if (asked === null || nowMs - asked.askedAtMs > REFRESH_GIVE_UP_MS) return false;
  return !generatedAt || Date.parse(generatedAt) < Date.parse(asked.requestedAt);
}
