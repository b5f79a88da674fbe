import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "../../components/QueryState";
import type { InvoiceDetail } from "../../lib/api";
import { usePatchInvoice } from "./api";
import { Alternatives } from "./Alternatives";
import {
  type ActiveSpot,
  changedFields,
  DOCUMENT_TYPES,
  FIELD_NAMES,
  type DocumentType,
  type FieldEvidence,
  fieldText,
  isUnsure,
  NUMBER_FIELDS,
  offeredAlternatives,
  validateField,
  type FieldName,
} from "./fields";
import { fromDrafts, LineItemsEditor, toDrafts } from "./LineItems";

/** Every field with its label, unsure marks, alternatives and validation; save edits, confirm the review. */
export function FieldsForm({ invoice, onActiveSpot }: { invoice: InvoiceDetail; onActiveSpot: (spot: ActiveSpot | null) => void }) {
  const { t } = useTranslation();
  const fields = (invoice.fields ?? {}) as Record<string, unknown>;
  const evidence = (invoice.evidence ?? {}) as Record<string, FieldEvidence>;
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(FIELD_NAMES.map((name) => [name, fieldText(fields[name])])),
  );
  const [items, setItems] = useState(() => toDrafts(invoice.line_items ?? []));
  const [saved, setSaved] = useState(false);
  // The pointer shows a field's evidence while it hovers; otherwise the focused field's shows; an
  // alternative under the pointer or focus shows its own place on the page.
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [hoveredAlternative, setHoveredAlternative] = useState<ActiveSpot | null>(null);
  const [focusedAlternative, setFocusedAlternative] = useState<ActiveSpot | null>(null);
  useEffect(() => {
    const own = (field: string | null) => (field ? { field, alternative: null } : null);
    onActiveSpot(hoveredAlternative ?? own(hovered) ?? focusedAlternative ?? own(focused));
  }, [hovered, focused, hoveredAlternative, focusedAlternative, onActiveSpot]);
  // A document type reads as its name in the current language (the value picked is still the code).
  const describe = (name: FieldName) => (value: unknown) =>
    name === "document_type" && DOCUMENT_TYPES.includes(value as DocumentType)
      ? t(`detail.documentType.${value as DocumentType}`)
      : fieldText(value);
  const patch = usePatchInvoice(invoice.id);
  const errors = Object.fromEntries(FIELD_NAMES.map((name) => [name, validateField(name, draft[name] ?? "")]));
  const invalid = Object.values(errors).some(Boolean);

  const save = async (confirm: boolean) => {
    const changes = changedFields(fields, draft);
    const itemsNow = fromDrafts(items);
    const itemsChanged = JSON.stringify(itemsNow) !== JSON.stringify(fromDrafts(toDrafts(invoice.line_items ?? [])));
    setSaved(false);
    await patch.mutateAsync({
      fields: Object.keys(changes).length ? changes : null,
      line_items: itemsChanged ? itemsNow : null,
      confirm,
    });
    setSaved(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) void save(false).catch(() => undefined);
  };
  return (
    <form className="form fields" onSubmit={submit}>
      <h2>{t("detail.fields")}</h2>
      {FIELD_NAMES.map((name: FieldName) => {
        const unsure = isUnsure(invoice.confidence, name);
        const error = errors[name];
        const offers = unsure ? offeredAlternatives(evidence[name], draft[name] ?? "") : [];
        return (
          <div key={name} className="field" onMouseEnter={() => setHovered(name)} onMouseLeave={() => setHovered(null)}>
          <label className={unsure ? "unsure" : undefined}>
            <span>
              {t(`detail.field.${name}`)}
              {unsure && (
                <span className="unsure-mark" title={t("detail.unsureHint")}>
                  {" "}
                  ({t("detail.unsure")})
                </span>
              )}
            </span>
            {name === "document_type" ? (
              <select name={name} value={draft[name] ?? ""} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} onFocus={() => setFocused(name)}>
                <option value="">{t("detail.noValue")}</option>
                {DOCUMENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`detail.documentType.${type}`)}
                  </option>
                ))}
                {draft[name] && !DOCUMENT_TYPES.includes(draft[name] as DocumentType) && <option value={draft[name]}>{draft[name]}</option>}
              </select>
            ) : (
            <input
              name={name}
              value={draft[name] ?? ""}
              onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
              onFocus={() => setFocused(name)}
              inputMode={NUMBER_FIELDS.has(name) ? "decimal" : undefined}
              dir={name === "vendor_name" ? "auto" : "ltr"}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${name}-error` : undefined}
            />
            )}
            {error && (
              <small id={`${name}-error`} className="field-error">
                {t(`detail.${error}`)}
              </small>
            )}
          </label>
          <Alternatives
            fieldLabel={t(`detail.field.${name}`)}
            options={offers}
            describe={describe(name)}
            onPick={(alternative) => setDraft({ ...draft, [name]: fieldText(alternative.value) })}
            onHover={(index) => setHoveredAlternative(index === null ? null : { field: name, alternative: index })}
            onFocusChange={(index) => setFocusedAlternative(index === null ? null : { field: name, alternative: index })}
          />
          </div>
        );
      })}
      <LineItemsEditor items={items} onChange={setItems} />
      <ErrorText error={patch.error} />
      {saved && <p role="status">{t("detail.saved")}</p>}
      <div className="actions">
        <button type="submit" disabled={invalid || patch.isPending}>
          {t("detail.save")}
        </button>
        <button type="button" className="primary" disabled={invalid || patch.isPending} onClick={() => void save(true).catch(() => undefined)}>
          {t("detail.confirm")}
        </button>
      </div>
    </form>
  );
}
