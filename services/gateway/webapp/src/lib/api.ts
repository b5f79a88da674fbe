// The typed API client: paths and bodies come from the gateway's OpenAPI (generated/schema.ts).
import createClient from "openapi-fetch";
import type { components, paths } from "../../generated/schema";
import { authFetch } from "./authFetch";
import { API_URL } from "./config";

export type Schemas = components["schemas"];
export type Invoice = Schemas["InvoiceOut"];
export type InvoiceDetail = Schemas["InvoiceDetail"];
export type Business = Schemas["BusinessOut"];
export type BusinessFigures = Schemas["BusinessFigures"];
export type OverallFigures = Schemas["OverallFigures"];
export type Insight = Schemas["InsightOut"];
export type Me = Schemas["Me"];
export type InvoiceFilters = NonNullable<paths["/api/invoices"]["get"]["parameters"]["query"]>;

export const api = createClient<paths>({
  baseUrl: API_URL || location.origin,
  fetch: (request: Request) => authFetch(request),
});

/** An API error with the gateway's own message (`{"error": {"code", "message", "details"}}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function toApiError(error: unknown, response: Response): ApiError {
  const body = (error ?? {}) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } };
  return new ApiError(
    response.status,
    body.error?.code ?? "http_error",
    body.error?.message ?? `HTTP ${response.status}`,
    body.error?.details ?? {},
  );
}

/** The data of an openapi-fetch result, or its error thrown (TanStack Query shows it). */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toApiError(error, response);
  return data as T;
}

/** GETs a file with the session's token and saves it under the server's file name. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await authFetch(`${API_URL || location.origin}${path}`);
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw toApiError(body, response);
  }
  const blob = await response.blob();
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : plain ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Query-string of filters, for export URLs that take the same filters as the list. */
export function filterQuery(filters: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
