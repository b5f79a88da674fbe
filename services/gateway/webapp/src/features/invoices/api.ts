import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type InvoiceFilters, type Schemas } from "../../lib/api";
import { noteChange } from "../../lib/catchUp";
import { nextPageOffset } from "./filters";

export const PAGE_SIZE = 50;

const IN_PROGRESS = new Set(["received", "ocr_done"]);
/** Status events keep an invoice fresh; while it is still being processed it is also re-read now and
 * then, so one missed event (seen once under heavy load) cannot leave a stage stuck on screen. */
const IN_PROGRESS_REREAD_MS = 5000;

export function useInvoice(invoiceId: string, enabled = true) {
  return useQuery({
    queryKey: ["invoice", invoiceId],
    enabled,
    refetchInterval: (query) => (IN_PROGRESS.has(query.state.data?.status ?? "") ? IN_PROGRESS_REREAD_MS : false),
    queryFn: () => unwrap(api.GET("/api/invoices/{invoice_id}", { params: { path: { invoice_id: invoiceId } } })),
  });
}

export function usePageLayouts(invoiceId: string, ready: boolean) {
  return useQuery({
    queryKey: ["invoice", invoiceId, "pages"],
    enabled: ready,
    queryFn: () => unwrap(api.GET("/api/invoices/{invoice_id}/pages", { params: { path: { invoice_id: invoiceId } } })),
  });
}

export function useInvoiceList(filters: InvoiceFilters) {
  return useInfiniteQuery({
    queryKey: ["invoices", "list", filters],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/invoices", {
          params: { query: { ...filters, sort: "invoice_date", order: "desc", group: "month", limit: PAGE_SIZE, offset: pageParam } },
        }),
      ),
    getNextPageParam: (last) => nextPageOffset(last, PAGE_SIZE),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    noteChange();
    return Promise.all(
      ["invoice", "invoices", "analytics", "businesses", "inbox", "insights"].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
  };
}

export function usePatchInvoice(invoiceId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Schemas["InvoicePatch"]) =>
      unwrap(api.PATCH("/api/invoices/{invoice_id}", { params: { path: { invoice_id: invoiceId } }, body })),
    onSuccess: invalidate,
  });
}

export function useReextract(invoiceId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST("/api/invoices/{invoice_id}/reextract", { params: { path: { invoice_id: invoiceId } }, body: {} })),
    onSuccess: invalidate,
  });
}

export function useRestore(invoiceId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (extractionId: number) =>
      unwrap(
        api.POST("/api/invoices/{invoice_id}/extractions/{extraction_id}/restore", {
          params: { path: { invoice_id: invoiceId, extraction_id: extractionId } },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteInvoice(invoiceId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/invoices/{invoice_id}", { params: { path: { invoice_id: invoiceId } } })),
    onSuccess: invalidate,
  });
}
