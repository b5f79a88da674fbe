import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../components/StatusBadge";
import type { InvoiceDetail } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useLanguage } from "../../lib/i18n";
import { useRestore } from "./api";

function time(iso: string): string {
  return iso.slice(11, 16);
}

/** Processing steps, edits (who changed what) and earlier extraction results, which can be restored. */
export function History({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const restore = useRestore(invoice.id);
  const kindLabel = (kind: string) =>
    kind === "extraction" || kind === "edit" || kind === "restore" ? t(`detail.extractionKind.${kind}`) : kind;
  return (
    <details className="history">
      <summary>{t("detail.history")}</summary>
      <h3>{t("detail.statusHistory")}</h3>
      <ol>
        {(invoice.status_history ?? []).map((change) => (
          <li key={change.id}>
            <bdi>{formatDate(change.at, language)} {time(change.at)}</bdi> <StatusBadge status={change.status} />
            {change.error && <span className="reason"> {change.error}</span>}
          </li>
        ))}
      </ol>
      <h3>{t("detail.edits")}</h3>
      {invoice.edits?.length ? (
        <ol>
          {invoice.edits.map((edit) => (
            <li key={edit.id}>
              <bdi>{formatDate(edit.at, language)} {time(edit.at)}</bdi> <bdi>{edit.user_email}</bdi>:{" "}
              {edit.changes.map((change, index) => (
                <bdi key={index} className="change">
                  {String(change.field)}: {String(change.old ?? "—")} → {String(change.new ?? "—")}
                </bdi>
              ))}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("detail.noEdits")}</p>
      )}
      <h3>{t("detail.extractions")}</h3>
      <ol>
        {(invoice.extraction_history ?? []).map((record) => (
          <li key={record.id}>
            <bdi>
              v{record.extraction_version} · {kindLabel(record.kind)} · {record.provider ?? ""} · {formatDate(record.at, language)}{" "}
              {time(record.at)}
            </bdi>
            {record.current ? null : (
              <button type="button" onClick={() => restore.mutate(record.id)} disabled={restore.isPending}>
                {t("detail.restore")}
              </button>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
