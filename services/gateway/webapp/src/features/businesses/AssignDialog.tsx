import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../components/Dialog";
import { QueryState, ErrorText } from "../../components/QueryState";
import { api, unwrap } from "../../lib/api";
import { formatPercent } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { useAssignBusiness, useCreateBusiness } from "./api";
import { BusinessForm } from "./BusinessForm";

/** Which business does this invoice belong to: the extracted vendor, ranked suggestions, or a new one. */
export function AssignDialog({ invoiceId, onClose }: { invoiceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const invoice = useQuery({
    queryKey: ["invoice", invoiceId],
    queryFn: () => unwrap(api.GET("/api/invoices/{invoice_id}", { params: { path: { invoice_id: invoiceId } } })),
  });
  const assign = useAssignBusiness(invoiceId);
  const create = useCreateBusiness();
  const detail = invoice.data;
  const vendor = detail?.vendor_name ?? "";
  const fields = (detail?.fields ?? {}) as Record<string, unknown>;
  const total = typeof fields.total === "number" ? fields.total : null;

  return (
    <Dialog title={t("assign.title")} onClose={onClose}>
      <QueryState loading={invoice.isLoading} error={invoice.error} />
      {detail && (
        <>
          <p>{vendor ? <>{t("assign.extractedVendor")} <bdi className="vendor">{vendor}</bdi></> : t("assign.noVendor")}</p>
          <h3>{t("assign.suggestions")}</h3>
          {detail.suggestions?.length ? (
            <ul className="suggestions">
              {detail.suggestions.map((suggestion) => (
                <li key={suggestion.business_id}>
                  <button
                    type="button"
                    onClick={() => assign.mutateAsync(suggestion.business_id).then(onClose)}
                    disabled={assign.isPending}
                  >
                    {t("assign.pick", { name: suggestion.name })}
                  </button>
                  <small>
                    {t("assign.score", { percent: formatPercent(suggestion.score * 100, language) })} · {suggestion.reason}
                  </small>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("assign.noSuggestions")}</p>
          )}
          <ErrorText error={assign.error} />
          <h3>{t("assign.createTitle")}</h3>
          <BusinessForm
            initial={{
              name: vendor,
              tax_id: String(fields.vendor_tax_id ?? ""),
              monthly_limit: total ? String(Math.ceil(total / 100) * 100) : "",
            }}
            submitLabel={t("assign.create")}
            onSubmit={async (body) => {
              const created = await create.mutateAsync(body);
              await assign.mutateAsync(created.id);
              onClose();
            }}
          />
          <div className="actions">
            <button type="button" onClick={onClose}>
              {t("assign.later")}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
