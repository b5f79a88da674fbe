// The analytics projection applies a change a moment after the API or the status stream reports it,
// and nothing says when it has: figures are re-read for a short while after each change the session
// sees (its own edits, every status event), and not at all while nothing happens.
export const CATCH_UP_MS = 30_000;
export const FIGURES_REREAD_MS = 5000;

let lastChangeAt = Number.NEGATIVE_INFINITY;

/** A change the figures will catch up with (an edit answered, a status event received). */
export function noteChange(now = Date.now()): void {
  lastChangeAt = now;
}

/** react-query's refetchInterval for figures: every few seconds while catching up, else never. */
export function figuresRereadInterval(now = Date.now()): number | false {
  return now - lastChangeAt < CATCH_UP_MS ? FIGURES_REREAD_MS : false;
}
