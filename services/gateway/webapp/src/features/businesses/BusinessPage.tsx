import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { ChartFigure } from "../../components/charts/ChartFigure";
import { Dialog } from "../../components/Dialog";
import { Kpi, KpiList } from "../../components/Kpi";
import { Money } from "../../components/Money";
import { ErrorText, QueryState } from "../../components/QueryState";
import { api, downloadFile, unwrap } from "../../lib/api";
import { formatPercent } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { hasData, monthlyChart } from "../analytics/series";
import { InvoiceTable } from "../invoices/InvoiceTable";
import { useBusiness, useBusinessFigures, useDeleteBusiness, useMergeBusiness, useUpdateBusiness } from "./api";
import { BusinessForm } from "./BusinessForm";
import { BusinessPicker } from "./BusinessPicker";

export function BusinessPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const { businessId = "" } = useParams();
  const business = useBusiness(businessId);
  const figures = useBusinessFigures(businessId);
  const invoices = useQuery({
    queryKey: ["invoices", "business", businessId],
    queryFn: () => unwrap(api.GET("/api/invoices", { params: { query: { business_id: businessId, limit: 100, sort: "invoice_date" } } })),
  });
  const update = useUpdateBusiness(businessId);
  const merge = useMergeBusiness(businessId);
  const remove = useDeleteBusiness(businessId);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [mergeSource, setMergeSource] = useState("");
  const data = business.data;
  const numbers = figures.data;
  if (!data) return <QueryState loading={business.isLoading} error={business.error} />;
  const currency = numbers?.base_currency ?? "ILS";
  return (
    <div className="business-page">
      <div className="page-head">
        <h1>
          <bdi>{data.name}</bdi>
        </h1>
        <div className="actions wrap">
          <button type="button" onClick={() => setEditing(true)}>
            {t("business.edit")}
          </button>
          <button type="button" onClick={() => downloadFile(`/api/exports/analytics/businesses/${businessId}.csv`, "business.csv")}>
            {t("business.exportCsv")}
          </button>
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            {t("business.delete")}
          </button>
        </div>
      </div>
      {numbers && (
        <KpiList>
          <Kpi label={t("business.kpiMonth")} value={<Money amount={numbers.spend_this_month} currency={currency} />} />
          <Kpi
            label={t("business.kpiLimit")}
            value={numbers.monthly_limit ? <Money amount={numbers.monthly_limit} currency={currency} /> : t("home.noLimit")}
          />
          <Kpi label={t("business.kpiUtilization")} value={numbers.utilization_percent === null ? "—" : formatPercent(numbers.utilization_percent, language)} />
          <Kpi label={t("business.kpiAverage")} value={<Money amount={numbers.monthly_average} currency={currency} />} />
          <Kpi label={t("business.kpiYtd")} value={<Money amount={numbers.year_to_date} currency={currency} />} />
        </KpiList>
      )}
      {numbers &&
        (hasData(numbers.series) ? (
          <ChartFigure
            title={t("business.chart12")}
            labelHeader={t("analytics.month")}
            spec={monthlyChart(numbers.series, "spend", t("analytics.spend"), currency, language)}
          />
        ) : (
          <p className="notice">{t("business.chartEmpty")}</p>
        ))}
      <h2>{t("business.invoices")}</h2>
      <QueryState loading={invoices.isLoading} error={invoices.error} />
      {invoices.data && <InvoiceTable invoices={invoices.data.items} />}
      <section className="card">
        <h2>{t("business.merge")}</h2>
        <form
          className="inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (mergeSource) merge.mutate(mergeSource, { onSuccess: () => setMergeSource("") });
          }}
        >
          <BusinessPicker label={t("business.mergeSource")} value={mergeSource} onChange={setMergeSource} excludeId={businessId} required />
          <button type="submit" disabled={!mergeSource || merge.isPending}>
            {t("business.mergeButton")}
          </button>
        </form>
        <ErrorText error={merge.error} />
      </section>
      {editing && (
        <Dialog title={t("business.edit")} onClose={() => setEditing(false)}>
          <BusinessForm
            withAliases
            initial={{
              name: data.name,
              tax_id: data.tax_id ?? "",
              monthly_limit: data.monthly_limit === null ? "" : String(data.monthly_limit),
              aliases: data.aliases.join(", "),
            }}
            submitLabel={t("business.save")}
            onSubmit={async (body) => {
              await update.mutateAsync(body);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </Dialog>
      )}
      {deleting && (
        <Dialog title={t("business.delete")} onClose={() => setDeleting(false)}>
          <p>{t("business.deleteConfirm", { name: data.name })}</p>
          <ErrorText error={remove.error} />
          <div className="actions">
            <button type="button" className="danger" onClick={() => remove.mutateAsync().then(() => navigate("/"))}>
              {t("business.confirmDelete")}
            </button>
            <button type="button" onClick={() => setDeleting(false)}>
              {t("business.cancel")}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
