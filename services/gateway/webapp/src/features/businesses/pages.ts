// Paging of the businesses list as plain functions (the screens and their tests share them).

/** Cards on the businesses screen per page: each card also reads its figures and latest invoices. */
export const HOME_PAGE_SIZE = 20;
/** Matches a picker shows at once: typing narrows them. */
export const PICKER_SIZE = 20;

type Page<T> = { items: T[]; total: number; offset: number };

/** The offset of the page after `page`, or undefined when it was the last. */
export function nextOffset(page: Page<unknown>): number | undefined {
  const next = page.offset + page.items.length;
  return page.items.length > 0 && next < page.total ? next : undefined;
}

/** The loaded pages as one list: a business that moved between two page loads (a reorder, a new
 * business) may come twice, and is shown once, where it came first. */
export function loadedBusinesses<T extends { id: string }>(pages: Page<T>[]): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const item of pages.flatMap((page) => page.items)) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    result.push(item);
  }
  return result;
}

export type MoveTarget = { before: string } | { after: string };

/** What "move up/down" asks the API for: before the previous business or after the next one. */
export function moveTarget(items: { id: string }[], index: number, direction: "up" | "down"): MoveTarget | null {
  if (direction === "up") return index > 0 ? { before: items[index - 1].id } : null;
  return index + 1 < items.length ? { after: items[index + 1].id } : null;
}

/** How many matches a picker did not show (0 when it shows them all). */
export function hiddenMatches(page: Page<unknown> | undefined): number {
  return page ? Math.max(0, page.total - page.offset - page.items.length) : 0;
}
