// The files of this session's uploads, kept outside React so they survive moving between screens.
import { useSyncExternalStore } from "react";
import { toApiError } from "../../lib/api";
import { authFetch } from "../../lib/authFetch";
import { API_URL } from "../../lib/config";

export interface UploadRow {
  key: string;
  filename: string;
  phase: "uploading" | "accepted" | "refused";
  invoiceId?: string;
  duplicateOf?: string;
  error?: string;
}

let rows: UploadRow[] = [];
/** Invoices the assign dialog already asked about this session ("later" means: not again). */
export const askedToAssign = new Set<string>();
const listeners = new Set<() => void>();
let counter = 0;

function update(key: string, change: Partial<UploadRow>): void {
  rows = rows.map((row) => (row.key === key ? { ...row, ...change } : row));
  for (const listener of listeners) listener();
}

function add(row: UploadRow): void {
  rows = [...rows, row];
  for (const listener of listeners) listener();
}

export function clearUploads(): void {
  rows = [];
  askedToAssign.clear();
  for (const listener of listeners) listener();
}

async function uploadOne(key: string, file: File): Promise<void> {
  const body = new FormData();
  body.append("file", file, file.name);
  try {
    const response = await authFetch(`${API_URL || location.origin}/api/invoices`, { method: "POST", body });
    const payload = await response.json().catch(() => ({}));
    if (response.ok) {
      update(key, { phase: "accepted", invoiceId: (payload as { id: string }).id });
      return;
    }
    const error = toApiError(payload, response);
    const existing = error.details.existing_invoice_id;
    update(key, {
      phase: "refused",
      error: error.message,
      duplicateOf: error.code === "duplicate_file" && typeof existing === "string" ? existing : undefined,
    });
  } catch (caught) {
    update(key, { phase: "refused", error: caught instanceof Error ? caught.message : String(caught) });
  }
}

/** Sends each file on its own request (two at a time), so each shows its own stage and error. */
export async function uploadFiles(files: File[]): Promise<void> {
  const queue = files.map((file) => {
    counter += 1;
    const key = `u${counter}`;
    add({ key, filename: file.name, phase: "uploading" });
    return { key, file };
  });
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await uploadOne(next.key, next.file);
  };
  await Promise.all([worker(), worker()]);
}

export function useUploads(): UploadRow[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => rows,
  );
}
