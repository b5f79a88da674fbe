import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, type Schemas } from "../../lib/api";

export function useBusinesses(q = "") {
  return useQuery({
    queryKey: ["businesses", "list", q],
    queryFn: () => unwrap(api.GET("/api/businesses", { params: { query: q ? { q } : {} } })),
  });
}

export function useBusiness(businessId: string) {
  return useQuery({
    queryKey: ["businesses", "one", businessId],
    queryFn: () => unwrap(api.GET("/api/businesses/{business_id}", { params: { path: { business_id: businessId } } })),
  });
}

export function useBusinessFigures(businessId: string) {
  return useQuery({
    queryKey: ["analytics", "business", businessId],
    queryFn: () =>
      unwrap(api.GET("/api/analytics/businesses/{business_id}", { params: { path: { business_id: businessId } } })),
    refetchInterval: 5000, // the projection catches up after edits without a status event
  });
}

/** After any change to businesses, everything that shows them is stale. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ["businesses", "invoices", "invoice", "analytics", "inbox"].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
    );
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

export function useAssignBusiness(invoiceId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (businessId: string) =>
      unwrap(api.PATCH("/api/invoices/{invoice_id}", { params: { path: { invoice_id: invoiceId } }, body: { business_id: businessId, confirm: false } })),
    onSuccess: invalidate,
  });
}
