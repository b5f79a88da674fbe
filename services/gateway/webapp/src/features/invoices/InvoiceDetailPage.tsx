import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { Dialog } from "../../components/Dialog";
import { ErrorText, QueryState } from "../../components/QueryState";
import { StatusBadge } from "../../components/StatusBadge";
import { downloadFile, type InvoiceDetail } from "../../lib/api";
import { Kpi, KpiList } from "../../components/Kpi";
import { Money } from "../../components/Money";
import { formatDate, formatPercent } from "../../lib/format";
import { type ActiveSpot, DOCUMENT_TYPES, type DocumentType, type FieldEvidence, spotOf } from "./fields";
import { useLanguage } from "../../lib/i18n";
import { AssignDialog } from "../businesses/AssignDialog";
import { useDeleteInvoice, useInvoice, useReextract } from "./api";
import { FieldsForm } from "./FieldsForm";
import { History } from "./History";
import { PagePreview } from "./PagePreview";
import { Warnings } from "./Warnings";

function Actions({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [assigning, setAssigning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reextract = useReextract(invoice.id);
  const remove = useDeleteInvoice(invoice.id);
  return (
    <div className="actions wrap">
      <button type="button" onClick={() => setAssigning(true)}>
        {t("detail.assign")}
      </button>
      <button type="button" onClick={() => reextract.mutate()} disabled={reextract.isPending || invoice.status === "received"}>
        {reextract.isPending ? t("detail.reextracting") : t("detail.reextract")}
      </button>
      <button type="button" onClick={() => downloadFile(`/api/invoices/${invoice.id}/original`, invoice.filename).catch(setError)}>
        {t("detail.download")}
      </button>
      <button type="button" className="danger" onClick={() => setDeleting(true)}>
        {t("detail.delete")}
      </button>
      <ErrorText error={error ?? reextract.error} />
      {assigning && <AssignDialog invoiceId={invoice.id} onClose={() => setAssigning(false)} />}
      {deleting && (
        <Dialog title={t("detail.delete")} onClose={() => setDeleting(false)}>
          <p>{t("detail.deleteConfirm")}</p>
          <ErrorText error={remove.error} />
          <div className="actions">
            <button type="button" className="danger" onClick={() => remove.mutateAsync().then(() => navigate("/invoices"))}>
              {t("detail.confirmDelete")}
            </button>
            <button type="button" onClick={() => setDeleting(false)}>
              {t("detail.cancel")}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

/** The amounts as people read them (the form below edits the raw numbers). */
function Summary({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fields = (invoice.fields ?? {}) as Record<string, unknown>;
  const amount = (name: string) => (typeof fields[name] === "number" ? (fields[name] as number) : null);
  const rate = amount("vat_rate");
  const type = String(fields.document_type ?? "");
  return (
    <KpiList>
      <Kpi label={t("detail.field.total")} value={<Money amount={amount("total")} currency={invoice.currency} />} />
      <Kpi
        label={t("detail.field.vat_amount")}
        value={<Money amount={amount("vat_amount")} currency={invoice.currency} />}
        note={rate === null ? undefined : formatPercent(rate * 100, language)}
      />
      <Kpi label={t("detail.field.invoice_date")} value={<bdi>{formatDate(invoice.invoice_date, language) || t("detail.noValue")}</bdi>} />
      <Kpi
        label={t("detail.field.document_type")}
        value={(DOCUMENT_TYPES as readonly string[]).includes(type) ? t(`detail.documentType.${type as DocumentType}`) : type || t("detail.noValue")}
      />
    </KpiList>
  );
}

export function InvoiceDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { invoiceId = "" } = useParams();
  const invoice = useInvoice(invoiceId);
  const [activeSpot, setActiveSpot] = useState<ActiveSpot | null>(null);
  useEffect(() => setActiveSpot(null), [invoiceId]);
  const detail = invoice.data;
  if (!detail) return <QueryState loading={invoice.isLoading} error={invoice.error} retry={() => invoice.refetch()} />;
  const final = ["extracted", "needs_review"].includes(detail.status);
  const evidence = (detail.evidence ?? {}) as Record<string, FieldEvidence>;
  return (
    <div className="invoice-detail">
      <p>
        <Link to="/invoices">{t("detail.back")}</Link>
      </p>
      <div className="page-head">
        <h1>
          <bdi>{detail.vendor_name || detail.filename}</bdi>
        </h1>
        <StatusBadge status={detail.status} title={detail.error} />
      </div>
      <p className="muted">
        <bdi>{detail.filename}</bdi> ·{" "}
        {detail.business_name ? t("detail.business", { name: detail.business_name }) : t("detail.noBusiness")}
        {detail.reviewed_at && <> · {t("detail.confirmed", { date: formatDate(detail.reviewed_at, language) })}</>}
      </p>
      {detail.status === "failed" && <p role="alert" className="error-note">{t("detail.failedReason", { reason: detail.error ?? "" })}</p>}
      {!final && detail.status !== "failed" && <p role="status">{t("detail.processing")}</p>}
      {detail.possible_duplicate_of && (
        <p className="notice">
          {t("detail.duplicateOf")} <Link to={`/invoices/${detail.possible_duplicate_of}`}>{t("detail.openDuplicate")}</Link>
        </p>
      )}
      {final && <Summary invoice={detail} />}
      <Actions invoice={detail} />
      <div className="review">
        <PagePreview
          invoiceId={detail.id}
          pageCount={detail.page_count ?? 1}
          spot={spotOf(evidence, activeSpot)}
          spotLabel={activeSpot?.field ?? ""}
        />
        <div className="review-side">
          <Warnings warnings={detail.warnings ?? []} />
          {final && <FieldsForm key={`${detail.id}-${detail.updated_at}`} invoice={detail} onActiveSpot={setActiveSpot} />}
          <History invoice={detail} />
        </div>
      </div>
    </div>
  );
}
