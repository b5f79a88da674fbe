import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../lib/api";
import { figuresRereadInterval, noteChange } from "../../lib/catchUp";
import { HOME_PAGE_SIZE, nextOffset, PICKER_SIZE, type MoveTarget } from "./pages";

/** The businesses screen: pages in display order, loaded as the user scrolls. */
export function useBusinessPages(q = "") {
  return useInfiniteQuery({
    queryKey: ["businesses", "pages", q],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/businesses", { params: { query: { ...(q ? { q } : {}), limit: HOME_PAGE_SIZE, offset: pageParam } } })),
    getNextPageParam: nextOffset,
    placeholderData: keepPreviousData, // the old matches stay while a new search loads
  });
}

/** One page of matches for a picker (or of budgeted businesses): never the whole list. */
export function useBusinessMatches(q: string, options: { budgeted?: boolean; limit?: number } = {}) {
  const limit = options.limit ?? PICKER_SIZE;
  const budgeted = options.budgeted ?? false;
  return useQuery({
    queryKey: ["businesses", "matches", q, budgeted, limit],
    queryFn: () =>
      unwrap(api.GET("/api/businesses", { params: { query: { ...(q ? { q } : {}), ...(budgeted ? { budgeted } : {}), limit } } })),
    placeholderData: keepPreviousData,
  });
}

export function useBusiness(businessId: string) {
  return useQuery({
    queryKey: ["businesses", "one", businessId],
    enabled: businessId !== "",
    queryFn: () => unwrap(api.GET("/api/businesses/{business_id}", { params: { path: { business_id: businessId } } })),
  });
}

export function useBusinessFigures(businessId: string) {
  return useQuery({
    queryKey: ["analytics", "business", businessId],
    queryFn: () =>
      unwrap(api.GET("/api/analytics/businesses/{business_id}", { params: { path: { business_id: businessId } } })),
    refetchInterval: () => figuresRereadInterval(),
  });
}

/** After any change to businesses, everything that shows them is stale. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => {
    noteChange();
    return Promise.all(
      ["businesses", "invoices", "invoice", "analytics", "inbox"].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
  };
}

export function useCreateBusiness() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: Schemas["BusinessIn"]) => unwrap(api.POST("/api/businesses", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateBusiness(businessId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: Schemas["BusinessPatch"]) =>
      unwrap(api.PATCH("/api/businesses/{business_id}", { params: { path: { business_id: businessId } }, body })),
    onSuccess: invalidate,
  });
}

export function useMergeBusiness(businessId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (sourceId: string) =>
      unwrap(
        api.POST("/api/businesses/{business_id}/merge", {
          params: { path: { business_id: businessId } },
          body: { source_id: sourceId },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteBusiness(businessId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/businesses/{business_id}", { params: { path: { business_id: businessId } } })),
    onSuccess: invalidate,
  });
}

export function useMoveBusiness() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ businessId, target }: { businessId: string; target: MoveTarget }) =>
      unwrap(api.POST("/api/businesses/{business_id}/move", { params: { path: { business_id: businessId } }, body: target })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["businesses"] }),
  });
}

export function useAssignBusiness(invoiceId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (businessId: string) =>
      unwrap(api.PATCH("/api/invoices/{invoice_id}", { params: { path: { invoice_id: invoiceId } }, body: { business_id: businessId, confirm: false } })),
    onSuccess: invalidate,
  });
}
