import { useQuery } from "@tanstack/react-query";
import { useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { StatusBadge } from "../../components/StatusBadge";
import { api, unwrap } from "../../lib/api";
import { AssignDialog } from "../businesses/AssignDialog";
import { useInvoice } from "../invoices/api";
import { askedToAssign, uploadFiles, useUploads, type UploadRow } from "./uploads";

const FINAL = new Set(["extracted", "needs_review", "failed"]);

/** The stage a person sees: the server's status once accepted ("received" means the OCR is reading it). */
export function uploadStage(row: UploadRow, serverStatus: string | undefined): string {
  if (row.phase === "uploading") return "uploading";
  if (row.phase === "refused") return row.duplicateOf ? "duplicate" : "failed";
  if (!serverStatus || serverStatus === "received") return "reading";
  return serverStatus;
}

function UploadItem({ row, onAssign }: { row: UploadRow; onAssign: (invoiceId: string) => void }) {
  const { t } = useTranslation();
  const invoice = useInvoice(row.invoiceId ?? "", Boolean(row.invoiceId));
  const detail = invoice.data;
  const stage = uploadStage(row, detail?.status);
  const reason = row.error ?? detail?.error;
  return (
    <li className="upload-row" aria-label={row.filename}>
      <bdi className="filename">{row.filename}</bdi>
      <StatusBadge status={stage} />
      {reason && <span className="reason">{reason}</span>}
      {row.duplicateOf && <Link to={`/invoices/${row.duplicateOf}`}>{t("upload.openExisting")}</Link>}
      {detail && FINAL.has(detail.status) && detail.status !== "failed" && (
        <>
          <bdi className="vendor">{detail.vendor_name}</bdi>
          {detail.business_name ? (
            <bdi className="muted">{detail.business_name}</bdi>
          ) : (
            <button type="button" onClick={() => onAssign(detail.id)}>
              {t("upload.assign")}
            </button>
          )}
          <Link to={`/invoices/${detail.id}`}>{t("upload.open")}</Link>
        </>
      )}
    </li>
  );
}

/** Once every file of the session is done, ask for the business of each one that matched none. */
function useNextToAssign(rows: UploadRow[], asked: Set<string>): string | null {
  const ids = rows.filter((row) => row.invoiceId).map((row) => row.invoiceId!);
  const pending = rows.some((row) => row.phase === "uploading");
  const details = useQuery({
    queryKey: ["invoices", "upload-session", ids],
    enabled: ids.length > 0 && !pending,
    // Events refresh it; re-read while some file is still in progress in case one was missed.
    refetchInterval: (query) => (query.state.data?.every((invoice) => FINAL.has(invoice.status)) ? false : 5000),
    queryFn: () => Promise.all(ids.map((id) => unwrap(api.GET("/api/invoices/{invoice_id}", { params: { path: { invoice_id: id } } })))),
  });
  if (pending || !details.data || details.data.length !== ids.length) return null;
  if (!details.data.every((invoice) => FINAL.has(invoice.status))) return null;
  const next = details.data.find((invoice) => invoice.status !== "failed" && !invoice.business_id && !asked.has(invoice.id));
  return next?.id ?? null;
}

export function UploadPage() {
  const { t } = useTranslation();
  const rows = useUploads();
  const [dragging, setDragging] = useState(false);
  const [asked, setAsked] = useState<Set<string>>(() => new Set(askedToAssign));
  const [assigning, setAssigning] = useState<string | null>(null);
  const config = useQuery({ queryKey: ["config"], queryFn: () => unwrap(api.GET("/api/config")), staleTime: Infinity });
  const next = useNextToAssign(rows, asked);
  const dialogFor = assigning ?? next;

  const send = (list: FileList | null) => {
    if (list?.length) void uploadFiles(Array.from(list));
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files);
  };
  const closeDialog = () => {
    if (dialogFor) {
      askedToAssign.add(dialogFor);
      setAsked(new Set(askedToAssign));
    }
    setAssigning(null);
  };
  const limits = config.data?.uploads;
  return (
    <div className="upload">
      <h1>{t("upload.title")}</h1>
      <div
        className={`dropzone${dragging ? " dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p>
          {t("upload.drop")}{" "}
          <bdi dir="ltr" className="muted">
            (PDF, PNG, JPEG, HEIC…)
          </bdi>
        </p>
        <div className="actions">
          <label className="button primary">
            {t("upload.choose")}
            <input
              type="file"
              multiple
              className="sr-only"
              accept={limits?.accepted_types?.join(",") ?? undefined}
              onChange={(event) => {
                send(event.target.files);
                event.target.value = "";
              }}
            />
          </label>
          <label className="button">
            {t("upload.camera")}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              className="sr-only"
              onChange={(event) => {
                send(event.target.files);
                event.target.value = "";
              }}
            />
          </label>
        </div>
        {limits && <small className="muted">{t("upload.limits", { files: limits.max_files_per_batch, size: `\u2066${limits.max_file_mb} MB\u2069` })}</small>}
      </div>
      {rows.length > 0 && (
        <section aria-labelledby="upload-files">
          <h2 id="upload-files">{t("upload.files")}</h2>
          <ul className="upload-list">
            {rows.map((row) => (
              <UploadItem key={row.key} row={row} onAssign={setAssigning} />
            ))}
          </ul>
        </section>
      )}
      {dialogFor && <AssignDialog key={dialogFor} invoiceId={dialogFor} onClose={closeDialog} />}
    </div>
  );
}
