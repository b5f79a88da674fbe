import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorText, QueryState } from "../../components/QueryState";
import { api, unwrap } from "../../lib/api";
import { useLanguage } from "../../lib/i18n";
import { type AskedRefresh, REFRESH_POLL_MS, refreshPending } from "./refresh";

export function InsightsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const language = useLanguage();
  const [queuedRefresh, setQueuedRefresh] = useState<AskedRefresh | null>(null);
  const insights = useQuery({
    queryKey: ["insights"],
    queryFn: () => unwrap(api.GET("/api/insights")),
    refetchInterval: (query) => (refreshPending(queuedRefresh, query.state.data?.generated_at, Date.now()) ? REFRESH_POLL_MS : false),
  });
  const done = () => queryClient.invalidateQueries({ queryKey: ["insights"] });
  // Narratives are written by the server in the language asked for: the interface's.
  const refresh = useMutation({
    mutationFn: () => unwrap(api.POST("/api/insights/refresh", { params: { query: { language } } })),
    onSuccess: (queued) => {
      setQueuedRefresh({ requestedAt: queued.requested_at, askedAtMs: Date.now() });
      return done();
    },
  });
  const refreshing = refresh.isPending || refreshPending(queuedRefresh, insights.data?.generated_at, Date.now());
  const dismiss = useMutation({
    mutationFn: (insightId: string) => unwrap(api.POST("/api/insights/{insight_id}/dismiss", { params: { path: { insight_id: insightId } } })),
    onSuccess: done,
  });
  const items = insights.data?.items ?? [];
  // Opened in Hebrew with narratives written in English (the default): have them written again, once.
  const needsHebrew = language === "he" && items.some((insight) => !/[\u0590-\u05ff]/.test(insight.narrative));
  const asked = useRef(false);
  useEffect(() => {
    if (needsHebrew && !asked.current) {
      asked.current = true;
      refresh.mutate();
    }
  }, [needsHebrew, refresh]);
  return (
    <div className="insights">
      <div className="page-head">
        <h1>{t("insights.title")}</h1>
        <button type="button" onClick={() => refresh.mutate()} disabled={refreshing}>
          {t("insights.refresh")}
        </button>
      </div>
      <p role="status" className="muted">
        {refreshing ? t("insights.refreshing") : ""}
      </p>
      <ErrorText error={refresh.error ?? dismiss.error} />
      <QueryState loading={insights.isLoading} error={insights.error} />
      {insights.data && items.length === 0 && <p>{t("insights.none")}</p>}
      {insights.data && insights.data.total > items.length && (
        <p className="muted">{t("insights.shown", { shown: items.length, total: insights.data.total })}</p>
      )}
      <div className="cards">
        {items.map((insight) => {
          const severity = ["critical", "warning", "info"].includes(insight.severity) ? (insight.severity as "critical" | "warning" | "info") : "info";
          return (
            <article key={insight.id} className={`card insight insight-${severity}`}>
              <p className="muted">
                <span className="severity">{t(`insights.severity.${severity}`)}</span> · <bdi>{insight.period}</bdi>
              </p>
              <p>{insight.narrative}</p>
              <details>
                <summary>{t("insights.numbers")}</summary>
                <dl className="insight-data">
                  {Object.entries(insight.data).map(([key, value]) => (
                    <div key={key}>
                      <dt>{key}</dt>
                      <dd>
                        <bdi>{typeof value === "object" ? JSON.stringify(value) : String(value)}</bdi>
                      </dd>
                    </div>
                  ))}
                </dl>
                {insight.invoice_ids.map((invoiceId) => (
                  <Link key={invoiceId} to={`/invoices/${invoiceId}`} className="chip">
                    {invoiceId.slice(0, 8)}
                  </Link>
                ))}
              </details>
              <button type="button" onClick={() => dismiss.mutate(insight.id)}>
                {t("insights.dismiss")}
              </button>
            </article>
          );
        })}
      </div>
    </div>
  );
}
