import { useTranslation } from "react-i18next";

export type Stage =
  | "uploading"
  | "received"
  | "reading"
  | "ocr_done"
  | "extracting"
  | "extracted"
  | "needs_review"
  | "failed"
  | "duplicate";

const KNOWN = new Set<string>(["uploading", "received", "reading", "ocr_done", "extracting", "extracted", "needs_review", "failed", "duplicate"]);

export function StatusBadge({ status, title }: { status: string; title?: string | null }) {
  const { t } = useTranslation();
  const stage = (KNOWN.has(status) ? status : "received") as Stage;
  return (
    <span className={`status status-${stage}`} title={title ?? undefined}>
      {t(`status.${stage}`)}
    </span>
  );
}
