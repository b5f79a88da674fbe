import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { BudgetBar } from "../../components/BudgetBar";
import { Money } from "../../components/Money";
import { api, unwrap, type Business } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { useBusinessFigures } from "./api";

/** One business: this month against its limit, how many invoices, the latest ones. */
export function BusinessCard({ business }: { business: Business }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = useBusinessFigures(business.id);
  const latest = useQuery({
    queryKey: ["invoices", "latest", business.id],
    queryFn: () => unwrap(api.GET("/api/invoices", { params: { query: { business_id: business.id, limit: 3 } } })),
  });
  const data = figures.data;
  return (
    <article className="card business-card" aria-labelledby={`business-${business.id}`}>
      <h3 id={`business-${business.id}`}>
        <Link to={`/businesses/${business.id}`} dir="auto">
          {business.name}
        </Link>
      </h3>
      <p className="muted">{t("home.invoiceCount", { count: business.invoice_count })}</p>
      {data && (
        <div className="card-figures">
          <span className="muted">{t("home.thisMonth")}</span>{" "}
          {data.monthly_limit ? (
            <>
              <span>
                <Money amount={data.spend_this_month} currency={data.base_currency} /> /{" "}
                <Money amount={data.monthly_limit} currency={data.base_currency} />
              </span>
              <BudgetBar utilizationPercent={data.utilization_percent ?? 0} />
            </>
          ) : (
            <>
              <Money amount={data.spend_this_month} currency={data.base_currency} />
              <small className="muted"> · {t("home.noLimit")}</small>
            </>
          )}
        </div>
      )}
      {latest.data && latest.data.items.length > 0 && (
        <ul className="latest" aria-label={t("home.latest")}>
          {latest.data.items.map((invoice) => (
            <li key={invoice.id}>
              <Link to={`/invoices/${invoice.id}`}>
                <span>{formatDate(invoice.invoice_date, language) || invoice.filename}</span>{" "}
                <Money amount={invoice.total} currency={invoice.currency} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
