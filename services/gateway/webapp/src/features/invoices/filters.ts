import type { InvoiceFilters } from "../../lib/api";

export const FILTER_KEYS = ["q", "business_id", "status", "date_from", "date_to", "amount_min", "amount_max", "currency"] as const;

/** The list's filters live in the URL (shareable, survive reload); this reads them for the API. */
export function filtersFromSearch(search: URLSearchParams): InvoiceFilters {
  const filters: InvoiceFilters = {};
  const text = (key: string) => search.get(key)?.trim() || undefined;
  const number = (key: string) => {
    const value = text(key);
    return value !== undefined && Number.isFinite(Number(value)) ? Number(value) : undefined;
  };
  if (text("q")) filters.q = text("q");
  if (text("business_id")) filters.business_id = text("business_id");
  if (text("status")) {
    const status = text("status")!;
    if (status === "unassigned") filters.unassigned = true;
    else filters.status = [status];
  }
  if (text("date_from")) filters.date_from = text("date_from");
  if (text("date_to")) filters.date_to = text("date_to");
  if (number("amount_min") !== undefined) filters.amount_min = number("amount_min");
  if (number("amount_max") !== undefined) filters.amount_max = number("amount_max");
  if (text("currency")) filters.currency = text("currency")!.toUpperCase();
  return filters;
}

/** Invoices grouped by the month of their date, newest month first, keeping the list's order inside. */
export function groupByMonth<T extends { invoice_date?: string | null }>(items: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const month = item.invoice_date ? item.invoice_date.slice(0, 7) : "unknown";
    groups.set(month, [...(groups.get(month) ?? []), item]);
  }
  return [...groups.entries()];
}

/** Where the next page starts, or undefined at the end. The API counts matches only up to a cap
 * (`total_exact` false beyond it), so past the cap a full page means there may be more. */
export function nextPageOffset(page: { offset: number; items: unknown[]; total: number; total_exact?: boolean }, pageSize: number): number | undefined {
  const next = page.offset + page.items.length;
  if (page.total_exact === false) return page.items.length === pageSize ? next : undefined;
  return next < page.total ? next : undefined;
}

/** A match count as shown: "10,000+" when the API stopped counting at its cap. */
export function matchCount(total: number, exact: boolean | undefined, locale: string): string {
  const shown = total.toLocaleString(locale);
  return exact === false ? `${shown}+` : shown;
}
