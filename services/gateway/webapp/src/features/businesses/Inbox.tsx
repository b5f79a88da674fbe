import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { StatusBadge } from "../../components/StatusBadge";
import { api, unwrap, type InvoiceFilters } from "../../lib/api";
import { matchCount } from "../invoices/filters";

const QUEUES: { key: "unassigned" | "needsReview" | "failed" | "possibleDuplicate"; filter: InvoiceFilters }[] = [
  { key: "unassigned", filter: { unassigned: true, status: ["extracted", "needs_review"] } },
  { key: "needsReview", filter: { needs_review: true } },
  { key: "failed", filter: { status: ["failed"] } },
  { key: "possibleDuplicate", filter: { possible_duplicate: true } },
];

function Queue({ name, filter }: { name: (typeof QUEUES)[number]["key"]; filter: InvoiceFilters }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ["inbox", name],
    queryFn: () => unwrap(api.GET("/api/invoices", { params: { query: { ...filter, limit: 5 } } })),
  });
  const items = query.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section className="inbox-queue" aria-label={t(`home.${name}`)}>
      <h3>
        {t(`home.${name}`)} <span className="count">{query.data && matchCount(query.data.total, query.data.total_exact, i18n.language)}</span>
      </h3>
      <ul>
        {items.map((invoice) => (
          <li key={invoice.id}>
            <Link to={`/invoices/${invoice.id}`}>
              <bdi>{invoice.vendor_name || invoice.filename}</bdi>
            </Link>{" "}
            <StatusBadge status={invoice.status} title={invoice.error} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What needs the user: unassigned, to review, failed, possibly duplicated invoices. */
export function Inbox() {
  const { t } = useTranslation();
  return (
    <section className="card inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title">{t("home.inbox")}</h2>
      {QUEUES.map((queue) => (
        <Queue key={queue.key} name={queue.key} filter={queue.filter} />
      ))}
    </section>
  );
}
