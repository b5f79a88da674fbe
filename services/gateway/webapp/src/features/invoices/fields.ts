// The editable fields of an invoice, how each is typed and validated, and which are unsure.
import { fieldNameValues } from "../../../generated/schema";
import type { Schemas } from "../../lib/api";
import { isValidIsraeliId } from "../../lib/israeliId";

/** The contract's fields in contract order, generated from the gateway's OpenAPI (`FieldName`). */
export const FIELD_NAMES = fieldNameValues;
export type FieldName = Schemas["FieldName"];

export const DOCUMENT_TYPES = ["tax_invoice", "tax_invoice_receipt", "receipt", "invoice", "credit_note"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const NUMBER_FIELDS = new Set<FieldName>(["subtotal", "vat_rate", "vat_amount", "total"]);
export const DATE_FIELDS = new Set<FieldName>(["invoice_date", "due_date"]);
/** Below this confidence a field is marked "check this" and offers its alternatives. */
export const UNSURE_BELOW = 0.9;

export type FieldError = "invalidNumber" | "invalidDate" | "invalidTaxId" | null;

export function validateField(name: FieldName, raw: string): FieldError {
  const value = raw.trim();
  if (!value) return null;
  if (NUMBER_FIELDS.has(name) && !Number.isFinite(Number(value))) return "invalidNumber";
  if (DATE_FIELDS.has(name) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return "invalidDate";
  if (name === "vendor_tax_id" && !isValidIsraeliId(value)) return "invalidTaxId";
  return null;
}

/** Field text as the form shows it: numbers plain, missing values empty. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

/** Only the fields the user changed, typed for the API (numbers as numbers, empty as null). */
export function changedFields(original: Record<string, unknown>, draft: Record<string, string>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) {
    if (!(name in draft) || draft[name] === fieldText(original[name])) continue;
    const raw = draft[name].trim();
    changes[name] = raw === "" ? null : NUMBER_FIELDS.has(name) ? Number(raw) : name === "currency" ? raw.toUpperCase() : raw;
  }
  return changes;
}

export function isUnsure(confidence: Record<string, number> | undefined, name: string): boolean {
  const value = confidence?.[name];
  return value !== undefined && value < UNSURE_BELOW;
}

export type Alternative = Schemas["Alternative"];
export type FieldEvidence = Schemas["Evidence"];
/** What the page preview draws: a field's evidence, or one of its alternatives (by index). */
export interface ActiveSpot {
  field: string;
  alternative: number | null;
}

export function spotOf(evidence: Record<string, FieldEvidence>, active: ActiveSpot | null): FieldEvidence | Alternative | undefined {
  if (!active) return undefined;
  const own = evidence[active.field];
  return active.alternative === null ? own : own?.alternatives?.[active.alternative];
}

function sameValue(left: string, right: string): boolean {
  const [a, b] = [left.trim(), right.trim()];
  if (a !== "" && b !== "" && Number.isFinite(Number(a)) && Number.isFinite(Number(b))) return Number(a) === Number(b);
  return a.toLowerCase() === b.toLowerCase();
}

/** The readings worth offering for a field: its ranked alternatives other than what it holds now. */
export function offeredAlternatives(evidence: FieldEvidence | undefined, current: string): { alternative: Alternative; index: number }[] {
  return (evidence?.alternatives ?? [])
    .map((alternative, index) => ({ alternative, index }))
    .filter(({ alternative }) => !sameValue(fieldText(alternative.value), current));
}
