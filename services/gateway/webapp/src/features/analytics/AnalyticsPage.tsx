import { useQueries, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ChartFigure } from "../../components/charts/ChartFigure";
import { Kpi, KpiList } from "../../components/Kpi";
import { Money } from "../../components/Money";
import { QueryState } from "../../components/QueryState";
import { api, downloadFile, unwrap } from "../../lib/api";
import { figuresRereadInterval } from "../../lib/catchUp";
import { formatMoney, formatNumber, formatPercent } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { useBusinessMatches } from "../businesses/api";
import { hasData, monthlyChart } from "./series";

/** The budget chart's bars: the first businesses with a monthly limit, in display order. */
const BUDGET_BARS = 30;

function useBudgets() {
  const businesses = useBusinessMatches("", { budgeted: true, limit: BUDGET_BARS });
  const budgeted = businesses.data?.items ?? [];
  const figures = useQueries({
    queries: budgeted.map((business) => ({
      queryKey: ["analytics", "business", business.id],
      queryFn: () => unwrap(api.GET("/api/analytics/businesses/{business_id}", { params: { path: { business_id: business.id } } })),
    })),
  });
  return figures.flatMap((query) => (query.data ? [query.data] : []));
}

export function AnalyticsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const overall = useQuery({
    queryKey: ["analytics", "overall"],
    queryFn: () => unwrap(api.GET("/api/analytics/overall")),
    refetchInterval: () => figuresRereadInterval(), // see lib/catchUp
  });
  const budgets = useBudgets();
  const data = overall.data;
  if (!data) return <QueryState loading={overall.isLoading} error={overall.error} retry={() => overall.refetch()} />;
  const base = data.base_currency;
  const money = (value: number) => formatMoney(value, base, language);
  const change = data.change_percent === null ? null : `${data.change_percent > 0 ? "+" : ""}${formatPercent(data.change_percent, language)}`;
  return (
    <div className="analytics">
      <div className="page-head">
        <h1>{t("analytics.title")}</h1>
        <button type="button" onClick={() => downloadFile("/api/exports/analytics/overall.csv", "analytics.csv")}>
          {t("analytics.exportCsv")}
        </button>
      </div>
      <KpiList>
        <Kpi
          label={t("analytics.spendThisMonth")}
          value={<Money amount={data.spend_this_month} currency={base} />}
          note={change ? t("analytics.vsLastMonth", { change }) : undefined}
        />
        <Kpi label={t("analytics.invoicesThisMonth")} value={formatNumber(data.count_this_month, language)} />
        <Kpi label={t("analytics.reclaimableVat")} value={<Money amount={data.reclaimable_vat_this_month} currency={base} />} />
        <Kpi label={t("analytics.budgetRemaining")} value={<Money amount={data.budget_remaining} currency={base} />} />
        <Kpi label={t("analytics.unassigned")} value={formatNumber(data.unassigned_count, language)} />
      </KpiList>
      {data.unconverted_count > 0 && <p className="notice">{t("analytics.unconverted", { count: data.unconverted_count })}</p>}
      {!hasData(data.series) && <p>{t("analytics.empty")}</p>}
      <div className="charts">
        <ChartFigure title={t("analytics.byMonth")} labelHeader={t("analytics.month")} spec={monthlyChart(data.series, "spend", t("analytics.spend"), base, language)} />
        <ChartFigure
          title={t("analytics.topBusinesses")}
          labelHeader={t("analytics.businessCol")}
          spec={{
            kind: "bar",
            horizontal: true,
            labels: data.top_businesses.map((business) => business.name ?? t("home.unassigned")),
            series: [{ label: t("analytics.spend"), values: data.top_businesses.map((business) => business.spend), format: money }],
          }}
        />
        <ChartFigure
          title={t("analytics.byCurrency", { base })}
          labelHeader={t("analytics.currencyCol")}
          spec={{
            kind: "doughnut",
            labels: data.by_currency.map((row) => row.currency ?? "—"),
            series: [{ label: t("analytics.spend"), values: data.by_currency.map((row) => row.base_total ?? 0), format: money }],
          }}
        />
        <ChartFigure
          title={t("analytics.vatByMonth")}
          labelHeader={t("analytics.month")}
          spec={monthlyChart(data.series, "reclaimable_vat", t("analytics.vat"), base, language)}
        />
        {budgets.length ? (
          <ChartFigure
            title={t("analytics.budgets")}
            labelHeader={t("analytics.businessCol")}
            spec={{
              kind: "bar",
              horizontal: true,
              labels: budgets.map((business) => business.name),
              series: [
                {
                  label: t("analytics.remaining"),
                  values: budgets.map((business) => (business.monthly_limit ?? 0) - business.spend_this_month),
                  format: money,
                },
                { label: t("analytics.limit"), values: budgets.map((business) => business.monthly_limit ?? 0), format: money },
              ],
            }}
          />
        ) : (
          <p className="card">{t("analytics.noBudgets")}</p>
        )}
      </div>
    </div>
  );
}
