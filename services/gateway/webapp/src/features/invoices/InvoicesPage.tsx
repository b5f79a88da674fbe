import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Money } from "../../components/Money";
import { ErrorText, QueryState } from "../../components/QueryState";
import { downloadFile, filterQuery } from "../../lib/api";
import { formatMonth } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { BusinessPicker } from "../businesses/BusinessPicker";
import { useInvoiceList } from "./api";
import { FILTER_KEYS, filtersFromSearch, groupByMonth } from "./filters";
import { InvoiceTable } from "./InvoiceTable";

const STATUSES = ["received", "ocr_done", "extracted", "needs_review", "failed"] as const;

/** The business filter: a search-as-you-type picker (the form is re-mounted when the URL changes). */
function BusinessFilter({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const [businessId, setBusinessId] = useState(initial);
  return (
    <BusinessPicker
      label={t("invoices.business")}
      name="business_id"
      value={businessId}
      onChange={setBusinessId}
      emptyLabel={t("invoices.anyBusiness")}
    />
  );
}

function Filters() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = String(form.get(key) ?? "").trim();
      if (value) next.set(key, value);
    }
    setSearch(next);
  };
  const value = (key: string) => search.get(key) ?? "";
  return (
    <form className="filters" onSubmit={submit} key={search.toString()} aria-label={t("invoices.filters")}>
      <label className="grow">
        {t("invoices.search")}
        <input type="search" name="q" defaultValue={value("q")} placeholder={t("invoices.searchPlaceholder")} dir="auto" />
      </label>
      <BusinessFilter initial={value("business_id")} />
      <label>
        {t("invoices.status")}
        <select name="status" defaultValue={value("status")}>
          <option value="">{t("invoices.anyStatus")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
          <option value="unassigned">{t("home.unassigned")}</option>
        </select>
      </label>
      <label>
        {t("invoices.dateFrom")}
        <input type="date" name="date_from" defaultValue={value("date_from")} />
      </label>
      <label>
        {t("invoices.dateTo")}
        <input type="date" name="date_to" defaultValue={value("date_to")} />
      </label>
      <label>
        {t("invoices.amountMin")}
        <input type="number" name="amount_min" step="0.01" defaultValue={value("amount_min")} dir="ltr" />
      </label>
      <label>
        {t("invoices.amountMax")}
        <input type="number" name="amount_max" step="0.01" defaultValue={value("amount_max")} dir="ltr" />
      </label>
      <label>
        {t("invoices.currency")}
        <input name="currency" maxLength={3} defaultValue={value("currency")} placeholder="ILS" dir="ltr" />
      </label>
      <div className="actions">
        <button type="submit" className="primary">
          {t("invoices.apply")}
        </button>
        <button type="button" onClick={() => setSearch(new URLSearchParams())}>
          {t("invoices.clear")}
        </button>
      </div>
    </form>
  );
}

function previousMonth(): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

function Exports({ query }: { query: string }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState(previousMonth);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="exports actions wrap">
      <button type="button" onClick={() => downloadFile(`/api/exports/invoices.csv${query}`, "invoices.csv").catch(setError)}>
        {t("invoices.exportCsv")}
      </button>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          downloadFile(`/api/exports/accountant/${month}.zip`, `invoiceme-${month}.zip`).catch(setError);
        }}
      >
        <label>
          {t("invoices.accountant")} · {t("invoices.accountantMonth")}
          <input type="month" value={month} onChange={(event) => setMonth(event.target.value)} required />
        </label>
        <button type="submit">{t("invoices.download")}</button>
      </form>
      <ErrorText error={error} />
    </div>
  );
}

export function InvoicesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search] = useSearchParams();
  const filters = filtersFromSearch(search);
  const list = useInvoiceList(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const totals = new Map((list.data?.pages[0]?.groups ?? []).map((group) => [group.month, group]));
  return (
    <div className="invoices-page">
      <div className="page-head">
        <h1>{t("invoices.title")}</h1>
        <Exports query={filterQuery(filters)} />
      </div>
      <Filters />
      <QueryState loading={list.isLoading} error={list.error} retry={() => list.refetch()} />
      {list.data && items.length === 0 && <p>{t("invoices.none")}</p>}
      {groupByMonth(items).map(([month, rows]) => {
        const group = totals.get(month);
        return (
          <section key={month} className="month-group" aria-label={month === "unknown" ? t("invoices.unknownMonth") : formatMonth(month, language)}>
            <h2>
              {month === "unknown" ? t("invoices.unknownMonth") : formatMonth(month, language)}{" "}
              <small className="muted">
                {t("invoices.monthTotal", { count: group?.count ?? rows.length })}
                {group &&
                  Object.entries(group.totals).map(([currency, total]) => (
                    <span key={currency}>
                      {" · "}
                      <Money amount={total} currency={currency} />
                    </span>
                  ))}
              </small>
            </h2>
            <InvoiceTable invoices={rows} />
          </section>
        );
      })}
      {list.hasNextPage && (
        <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t("invoices.loadMore")}
        </button>
      )}
    </div>
  );
}
