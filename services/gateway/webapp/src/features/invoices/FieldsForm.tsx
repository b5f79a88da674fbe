import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorText } from "../../components/QueryState";
import type { InvoiceDetail } from "../../lib/api";
import { usePatchInvoice } from "./api";
import { changedFields, DOCUMENT_TYPES, FIELD_NAMES, type DocumentType, fieldText, isUnsure, NUMBER_FIELDS, validateField, type FieldName } from "./fields";
import { fromDrafts, LineItemsEditor, toDrafts } from "./LineItems";

/** Every field with its label, unsure marks and validation; save edits, confirm the review. */
export function FieldsForm({ invoice, onActiveField }: { invoice: InvoiceDetail; onActiveField: (field: string | null) => void }) {
  const { t } = useTranslation();
  const fields = (invoice.fields ?? {}) as Record<string, unknown>;
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(FIELD_NAMES.map((name) => [name, fieldText(fields[name])])),
  );
  const [items, setItems] = useState(() => toDrafts(invoice.line_items ?? []));
  const [saved, setSaved] = useState(false);
  // The pointer shows a field's evidence while it hovers; otherwise the focused field's shows.
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  useEffect(() => onActiveField(hovered ?? focused), [hovered, focused, onActiveField]);
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
        return (
          <label
            key={name}
            className={unsure ? "unsure" : undefined}
            onMouseEnter={() => setHovered(name)}
            onMouseLeave={() => setHovered(null)}
          >
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
