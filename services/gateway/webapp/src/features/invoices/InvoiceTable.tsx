import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Money } from "../../components/Money";
import { StatusBadge } from "../../components/StatusBadge";
import type { Invoice } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";

export function InvoiceTable({ invoices, caption }: { invoices: Invoice[]; caption?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="table-scroll">
      <table className="invoices">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t("invoices.colVendor")}</th>
            <th scope="col">{t("invoices.colDate")}</th>
            <th scope="col" className="hide-narrow">{t("invoices.colNumber")}</th>
            <th scope="col" className="hide-narrow">{t("invoices.colBusiness")}</th>
            <th scope="col" className="num">{t("invoices.colTotal")}</th>
            <th scope="col">{t("invoices.colStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td>
                <Link to={`/invoices/${invoice.id}`}>
                  <bdi>{invoice.vendor_name || invoice.filename}</bdi>
                </Link>
              </td>
              <td>
                <bdi>{formatDate(invoice.invoice_date, language)}</bdi>
              </td>
              <td className="hide-narrow">
                <bdi>{invoice.invoice_number}</bdi>
              </td>
              <td className="hide-narrow">
                <bdi>{invoice.business_name}</bdi>
              </td>
              <td className="num">
                <Money amount={invoice.total} currency={invoice.currency} />
              </td>
              <td>
                <StatusBadge status={invoice.status} title={invoice.error} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
